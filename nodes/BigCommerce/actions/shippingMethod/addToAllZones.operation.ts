/**
 * Shipping Method → Add to All Zones (idempotent): for every zone of the store
 * (GET /stores/{store_hash}/v2/shipping/zones), the carrier's method is kept when the zone has one
 * (GET …/zones/{zone_id}/methods, `type` = the carrier id) and created otherwise
 * (POST …/zones/{zone_id}/methods; https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-method).
 * Running it twice leaves one method per zone. The carrier must be connected first (Carrier
 * Connection → Connect). Output: one item per zone `{zoneId, zoneName, created, method}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ensureCarrierMethod, listZones } from '../api';
import { fail } from '../common';
import { carrierMethodFields, readCarrierMethodInput } from './methodFields';

const properties: INodeProperties[] = [...carrierMethodFields];

const displayOptions = { show: { resource: ['shippingMethod'], operation: ['addToAllZones'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readCarrierMethodInput(this, itemIndex);
	const zones = await listZones(this, itemIndex);
	if (zones.length === 0) {
		fail(
			this,
			itemIndex,
			'The store has no shipping zones yet: create one in the BigCommerce control panel first',
		);
	}
	const result: IDataObject[] = [];
	for (const zone of zones) {
		const zoneId = Number(zone.id);
		const { method, created } = await ensureCarrierMethod(this, zoneId, input, true, itemIndex);
		result.push({ zoneId, zoneName: zone.name ?? null, created, method });
	}
	return result;
}
