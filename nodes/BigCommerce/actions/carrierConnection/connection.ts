/**
 * The carrier connection body `{carrier_id, connection}` (POST and PUT
 * /stores/{store_hash}/v2/shipping/carrier/connection, 204;
 * https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-carrier).
 * `connection` is `{}` for a carrier without connection settings, else the keys the carrier's
 * configuration declares. When the carrier has a Check Connection Options URL, BigCommerce first
 * asks it, and a carrier answering `valid: false` makes BigCommerce refuse (the error carries the
 * carrier's messages).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { bigCommerceRequest } from '../../../../nodes/shared/bigCommerce/transport';
import { carrierIdField, getCarrierId, keyValueObjectFields, readKeyValueObject } from '../common';

export const CONNECTION_PATH = '/shipping/carrier/connection';

export const connectionFields: INodeProperties[] = [
	carrierIdField,
	...keyValueObjectFields(
		'connection',
		'Connection',
		"The carrier's connection settings (connection), e.g. key and account_number; empty for a carrier without settings",
	),
];

export function readConnectionBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { carrier_id: string; connection: IDataObject } {
	return {
		carrier_id: getCarrierId(ctx, itemIndex),
		connection: readKeyValueObject(ctx, itemIndex, 'connection', 'Connection'),
	};
}

/** PUT of the connection body. */
export async function putConnection(
	ctx: IExecuteFunctions,
	body: { carrier_id: string; connection: IDataObject },
	itemIndex: number,
): Promise<void> {
	await bigCommerceRequest(ctx, 'PUT', CONNECTION_PATH, { body }, itemIndex);
}
