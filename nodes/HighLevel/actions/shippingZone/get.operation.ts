/**
 * Shipping Zone → Get.
 * Source: GET /store/shipping-zone/{shippingZoneId} (get-shipping-zones), query `altId, altType,
 * withShippingRate`, response `{status, message, data: ShippingZoneSchema}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { shippingZoneRLC } from '../../descriptions/common.description';
import { zoneEndpoint } from '../../helpers/api';
import { getLocationId, getResourceId, unwrapData } from '../../helpers/utils';
import { zoneOptionsField } from './getAll.operation';

const properties: INodeProperties[] = [shippingZoneRLC, zoneOptionsField];

const displayOptions = { show: { resource: ['shippingZone'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getResourceId(this, 'shippingZoneId', 'Shipping Zone', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const locationId = await getLocationId(this, itemIndex);
	const qs: IDataObject = { ...altOf(locationId) };
	if (options.withShippingRate === true) qs.withShippingRate = true;
	const response = await highLevelApiRequest(this, {
		method: 'GET',
		endpoint: zoneEndpoint(zoneId),
		qs,
		itemIndex,
	});
	return unwrapData(response);
}
