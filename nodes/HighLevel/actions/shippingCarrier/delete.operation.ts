/**
 * Shipping Carrier → Delete.
 * Source: DELETE /store/shipping-carrier/{shippingCarrierId} (delete-shipping-carrier), query
 * `altId, altType`, response `{status, message}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { shippingCarrierRLC } from '../../descriptions/common.description';
import { carrierEndpoint } from '../../helpers/api';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [shippingCarrierRLC];

const displayOptions = { show: { resource: ['shippingCarrier'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const carrierId = getResourceId(this, 'shippingCarrierId', 'Shipping Carrier', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	await highLevelApiRequest(this, {
		method: 'DELETE',
		endpoint: carrierEndpoint(carrierId),
		qs: altOf(locationId),
		itemIndex,
	});
	return { deleted: true, shippingCarrierId: carrierId };
}
