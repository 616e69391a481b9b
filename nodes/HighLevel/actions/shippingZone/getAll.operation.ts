/**
 * Shipping Zone → Get Many.
 * Source: GET /store/shipping-zone (list-shipping-zones), query `altId, altType, limit, offset,
 * withShippingRate`, response `{total, data[]}`; paged with `limit`/`offset`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { limitField, returnAllField } from '../../descriptions/common.description';
import { listShippingZones } from '../../helpers/api';
import { getLocationId } from '../../helpers/utils';

export const zoneOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Include Shipping Rates',
			name: 'withShippingRate',
			type: 'boolean',
			default: true,
			description: "Whether to include each zone's shipping rates (in shippingRates)",
		},
	],
};

const properties: INodeProperties[] = [returnAllField, limitField, zoneOptionsField];

const displayOptions = { show: { resource: ['shippingZone'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const locationId = await getLocationId(this, itemIndex);
	return await listShippingZones(this, locationId, {
		withShippingRate: options.withShippingRate === true,
		max: limit === undefined ? undefined : Math.max(1, limit),
		itemIndex,
	});
}
