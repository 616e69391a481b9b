/**
 * Carrier Connection → Connect: POST /stores/{store_hash}/v2/shipping/carrier/connection
 * `{carrier_id, connection}` (204; https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-carrier).
 *
 * Idempotent: BigCommerce documents no answer for connecting a carrier that is already connected;
 * a 409, or a 400 whose message says "already", is taken as that and the connection is updated
 * instead (PUT, same body), so an install workflow can run again. Any other error (e.g. the
 * carrier's connection check refused the settings: 400 with the carrier's messages) is thrown.
 * Output: `{carrierId, connected: true, outcome: "connected" | "updated"}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { asNodeError } from '../../../../nodes/shared/actions/router';
import {
	bigCommerceRequest,
	bigCommerceStatusOf,
} from '../../../../nodes/shared/bigCommerce/transport';
import { CONNECTION_PATH, connectionFields, putConnection, readConnectionBody } from './connection';

const properties: INodeProperties[] = [...connectionFields];

const displayOptions = { show: { resource: ['carrierConnection'], operation: ['connect'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Whether a failed POST means "this carrier is already connected". */
function isAlreadyConnected(error: unknown): boolean {
	const status = bigCommerceStatusOf(error);
	if (status === 409) return true;
	return status === 400 && /already/i.test(String((error as Error)?.message ?? ''));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readConnectionBody(this, itemIndex);
	try {
		await bigCommerceRequest(this, 'POST', CONNECTION_PATH, { body }, itemIndex);
		return { carrierId: body.carrier_id, connected: true, outcome: 'connected' };
	} catch (error) {
		if (!isAlreadyConnected(error)) throw asNodeError(this, error, itemIndex);
	}
	await putConnection(this, body, itemIndex);
	return { carrierId: body.carrier_id, connected: true, outcome: 'updated' };
}
