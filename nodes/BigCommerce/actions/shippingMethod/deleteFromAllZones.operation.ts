/**
 * Shipping Method → Delete From All Zones: removes every shipping method of the carrier
 * (`type` = the carrier id) from every zone: GET …/shipping/zones, GET …/zones/{zone_id}/methods,
 * DELETE …/zones/{zone_id}/methods/{method_id}
 * (https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-method). A method
 * already gone (404) counts as `notFound`. The connection itself stays (Carrier Connection →
 * Disconnect removes it). Output: one item `{carrierId, deleted, notFound, methods[{zoneId,
 * zoneName, methodId, outcome}]}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { asNodeError } from '../../../../nodes/shared/actions/router';
import { isMethodOfCarrier } from '../../../../nodes/shared/bigCommerce/carriers';
import {
	bigCommerceRequest,
	bigCommerceStatusOf,
} from '../../../../nodes/shared/bigCommerce/transport';
import { listMethods, listZones, methodsPath } from '../api';
import { carrierIdField, getCarrierId } from '../common';

const properties: INodeProperties[] = [
	{
		...carrierIdField,
		description: `${carrierIdField.description} Its methods are removed from every zone.`,
	},
];

const displayOptions = {
	show: { resource: ['shippingMethod'], operation: ['deleteFromAllZones'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const carrierId = getCarrierId(this, itemIndex);
	const methods: IDataObject[] = [];
	for (const zone of await listZones(this, itemIndex)) {
		const zoneId = Number(zone.id);
		for (const method of await listMethods(this, zoneId, itemIndex)) {
			if (!isMethodOfCarrier(method, carrierId)) continue;
			let outcome = 'deleted';
			try {
				await bigCommerceRequest(
					this,
					'DELETE',
					`${methodsPath(zoneId)}/${String(method.id)}`,
					{},
					itemIndex,
				);
			} catch (error) {
				if (bigCommerceStatusOf(error) !== 404) throw asNodeError(this, error, itemIndex);
				outcome = 'notFound';
			}
			methods.push({ zoneId, zoneName: zone.name ?? null, methodId: method.id, outcome });
		}
	}
	return {
		carrierId,
		deleted: methods.filter((method) => method.outcome === 'deleted').length,
		notFound: methods.filter((method) => method.outcome === 'notFound').length,
		methods,
	};
}
