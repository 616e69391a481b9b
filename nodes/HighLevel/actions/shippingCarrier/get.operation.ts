/**
 * Shipping Carrier → Get.
 * Source: GET /store/shipping-carrier/{shippingCarrierId} (get-shipping-carriers), query
 * `altId, altType`, response `{status, message, data: ShippingCarrierSchema}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { shippingCarrierRLC } from '../../descriptions/common.description';
import { carrierEndpoint } from '../../helpers/api';
import { getLocationId, getResourceId, unwrapData } from '../../helpers/utils';

const properties: INodeProperties[] = [shippingCarrierRLC];

const displayOptions = { show: { resource: ['shippingCarrier'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const carrierId = getResourceId(this, 'shippingCarrierId', 'Shipping Carrier', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest(this, {
		method: 'GET',
		endpoint: carrierEndpoint(carrierId),
		qs: altOf(locationId),
		itemIndex,
	});
	return unwrapData(response);
}
