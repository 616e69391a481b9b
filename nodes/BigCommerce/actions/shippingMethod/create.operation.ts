/**
 * Shipping Method → Create: the carrier's method in one zone.
 * POST /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods (200, the method;
 * https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-method). BigCommerce
 * refuses (400) a method of a carrier that is not connected to the store.
 * With "If a Method of This Carrier Exists" = Keep the Existing One (default), the zone's methods
 * are read first (GET …/methods) and the carrier's existing method (lowest id) is returned as is,
 * without a POST. Output: the method plus `zoneId` and `alreadyExisted`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ensureCarrierMethod } from '../api';
import { getLocatorId, zoneLocator } from '../common';
import { carrierMethodFields, readCarrierMethodInput } from './methodFields';

const properties: INodeProperties[] = [
	zoneLocator,
	...carrierMethodFields,
	{
		displayName: 'If a Method of This Carrier Exists',
		name: 'ifExists',
		type: 'options',
		options: [
			{
				name: 'Create Another',
				value: 'create',
				description: 'Create a new method anyway',
			},
			{
				name: 'Keep the Existing One',
				value: 'keep',
				description: 'Return the existing method (alreadyExisted: true) and create nothing',
			},
		],
		default: 'keep',
		description: 'What to do when the zone already has a shipping method of this carrier',
	},
];

const displayOptions = { show: { resource: ['shippingMethod'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getLocatorId(this, itemIndex, 'zoneId', 'Shipping Zone');
	const input = readCarrierMethodInput(this, itemIndex);
	const keepExisting =
		(this.getNodeParameter('ifExists', itemIndex, 'keep') as string) !== 'create';
	const { method, created } = await ensureCarrierMethod(
		this,
		zoneId,
		input,
		keepExisting,
		itemIndex,
	);
	return { ...method, zoneId, alreadyExisted: !created };
}
