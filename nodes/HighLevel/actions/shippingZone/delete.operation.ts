/**
 * Shipping Zone → Delete.
 * Source: DELETE /store/shipping-zone/{shippingZoneId} (delete-shipping-zone), query
 * `altId, altType`, response `{status, message}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { shippingZoneRLC } from '../../descriptions/common.description';
import { zoneEndpoint } from '../../helpers/api';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [shippingZoneRLC];

const displayOptions = { show: { resource: ['shippingZone'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getResourceId(this, 'shippingZoneId', 'Shipping Zone', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	await highLevelApiRequest(this, {
		method: 'DELETE',
		endpoint: zoneEndpoint(zoneId),
		qs: altOf(locationId),
		itemIndex,
	});
	return { deleted: true, shippingZoneId: zoneId };
}
