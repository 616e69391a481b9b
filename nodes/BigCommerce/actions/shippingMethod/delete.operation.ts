/**
 * Shipping Method → Delete: DELETE /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods/{method_id}
 * (204; https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-method).
 * A method (or zone) that does not exist answers 404: an error naming the method and the zone,
 * or, with the option "Ignore Missing", the output `{deleted: false, notFound: true}`.
 * Output: `{zoneId, methodId, deleted, notFound}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { asNodeError } from '../../../../nodes/shared/actions/router';
import {
	bigCommerceRequest,
	bigCommerceStatusOf,
} from '../../../../nodes/shared/bigCommerce/transport';
import { methodsPath } from '../api';
import { getLocatorId, methodLocator, zoneLocator } from '../common';

const properties: INodeProperties[] = [
	zoneLocator,
	methodLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ignore Missing',
				name: 'ignoreMissing',
				type: 'boolean',
				default: false,
				description:
					'Whether a method that does not exist (any more) counts as done instead of an error',
			},
		],
	},
];

const displayOptions = { show: { resource: ['shippingMethod'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getLocatorId(this, itemIndex, 'zoneId', 'Shipping Zone');
	const methodId = getLocatorId(this, itemIndex, 'methodId', 'Shipping Method');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	try {
		await bigCommerceRequest(this, 'DELETE', `${methodsPath(zoneId)}/${methodId}`, {}, itemIndex);
	} catch (error) {
		if (bigCommerceStatusOf(error) !== 404) throw asNodeError(this, error, itemIndex);
		if (options.ignoreMissing === true) return { zoneId, methodId, deleted: false, notFound: true };
		throw new NodeApiError(
			this.getNode(),
			{ message: `shipping method ${methodId} not found in zone ${zoneId}` },
			{
				message: `BigCommerce: Shipping Method ${methodId} was not found in Shipping Zone ${zoneId}`,
				description:
					'HTTP 404. Turn on the option "Ignore Missing" to treat a missing method as deleted.',
				httpCode: '404',
				itemIndex,
			},
		);
	}
	return { zoneId, methodId, deleted: true, notFound: false };
}
