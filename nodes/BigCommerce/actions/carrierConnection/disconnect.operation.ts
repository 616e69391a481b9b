/**
 * Carrier Connection → Disconnect: DELETE /stores/{store_hash}/v2/shipping/carrier/connection with
 * the body `{carrier_id}` (204; https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-carrier).
 * A carrier that is not connected (404) is not an error, so an uninstall workflow can run again.
 * Output: `{carrierId, disconnected: true}` or `{carrierId, disconnected: false, notConnected: true}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { asNodeError } from '../../../../nodes/shared/actions/router';
import {
	bigCommerceRequest,
	bigCommerceStatusOf,
} from '../../../../nodes/shared/bigCommerce/transport';
import { carrierIdField, getCarrierId } from '../common';
import { CONNECTION_PATH } from './connection';

const properties: INodeProperties[] = [carrierIdField];

const displayOptions = { show: { resource: ['carrierConnection'], operation: ['disconnect'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const carrierId = getCarrierId(this, itemIndex);
	try {
		await bigCommerceRequest(
			this,
			'DELETE',
			CONNECTION_PATH,
			{ body: { carrier_id: carrierId } },
			itemIndex,
		);
	} catch (error) {
		if (bigCommerceStatusOf(error) !== 404) throw asNodeError(this, error, itemIndex);
		return { carrierId, disconnected: false, notConnected: true };
	}
	return { carrierId, disconnected: true };
}
