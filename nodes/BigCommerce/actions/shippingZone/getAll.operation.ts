/**
 * Shipping Zone → Get Many: GET /stores/{store_hash}/v2/shipping/zones
 * (https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-zones). The v2 API
 * answers every zone in one plain array (`{id, name, type: zip|country|state|global, locations,
 * free_shipping, handling_fees, enabled}`), so Limit cuts the list; one item per zone.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { listZones } from '../api';
import { limitField, readLimit, returnAllField } from '../common';

const properties: INodeProperties[] = [returnAllField, limitField];

const displayOptions = { show: { resource: ['shippingZone'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const zones = await listZones(this, itemIndex);
	return limit === undefined ? zones : zones.slice(0, limit);
}
