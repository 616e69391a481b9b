/**
 * Shipping Rate → Get Many (rates of one zone).
 * Source: GET /store/shipping-zone/{shippingZoneId}/shipping-rate (list-shipping-rates), query
 * `altId, altType, limit, offset`, response `{total, data[]}`; paged with `limit`/`offset`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { limitField, returnAllField, shippingZoneRLC } from '../../descriptions/common.description';
import { listShippingRates } from '../../helpers/api';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [shippingZoneRLC, returnAllField, limitField];

const displayOptions = { show: { resource: ['shippingRate'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const zoneId = getResourceId(this, 'shippingZoneId', 'Shipping Zone', itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const locationId = await getLocationId(this, itemIndex);
	return await listShippingRates(this, locationId, zoneId, {
		max: limit === undefined ? undefined : Math.max(1, limit),
		itemIndex,
	});
}
