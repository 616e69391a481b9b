/**
 * Carrier Connection → Update: PUT /stores/{store_hash}/v2/shipping/carrier/connection
 * `{carrier_id, connection}` (204; "done using the same information as creating the connection",
 * https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-carrier).
 * Output: `{carrierId, connected: true, outcome: "updated"}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { connectionFields, putConnection, readConnectionBody } from './connection';

const properties: INodeProperties[] = [...connectionFields];

const displayOptions = { show: { resource: ['carrierConnection'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readConnectionBody(this, itemIndex);
	await putConnection(this, body, itemIndex);
	return { carrierId: body.carrier_id, connected: true, outcome: 'updated' };
}
