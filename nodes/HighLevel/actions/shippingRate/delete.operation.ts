/**
 * Shipping Rate → Delete.
 * Source: DELETE /store/shipping-zone/{shippingZoneId}/shipping-rate/{shippingRateId}
 * (delete-shipping-rate), query `altId, altType`, response `{status, message}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { shippingRateRLC, shippingZoneRLC } from '../../descriptions/common.description';
import { rateEndpoint } from '../../helpers/api';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [shippingZoneRLC, shippingRateRLC];

const displayOptions = { show: { resource: ['shippingRate'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getResourceId(this, 'shippingZoneId', 'Shipping Zone', itemIndex);
	const rateId = getResourceId(this, 'shippingRateId', 'Shipping Rate', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	await highLevelApiRequest(this, {
		method: 'DELETE',
		endpoint: rateEndpoint(zoneId, rateId),
		qs: altOf(locationId),
		itemIndex,
	});
	return { deleted: true, shippingZoneId: zoneId, shippingRateId: rateId };
}
