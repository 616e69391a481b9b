/**
 * Shipping Rate → Delete Carrier Rates: remove every rate of one carrier from every zone of the
 * location (e.g. when the app is uninstalled). A rate that is already gone (404) counts as
 * `notFound`, not as an error.
 *
 * 1. GET /store/shipping-zone?withShippingRate=true (list-shipping-zones, paged); a zone without
 *    `shippingRates` in that answer gets GET /store/shipping-zone/{id}/shipping-rate.
 * 2. DELETE /store/shipping-zone/{id}/shipping-rate/{rateId} (delete-shipping-rate) for each rate
 *    whose `shippingCarrierId` matches.
 * Output: one item `{shippingCarrierId, deleted, notFound, rates[{shippingZoneId,
 * shippingZoneName, shippingRateId, outcome}]}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../shared/highlevel/transport';
import { shippingCarrierRLC } from '../../descriptions/common.description';
import { listZonesWithRates, rateEndpoint } from '../../helpers/api';
import {
	asNodeError,
	getLocationId,
	getResourceId,
	idOf,
	isNotFoundError,
} from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		...shippingCarrierRLC,
		description: 'The carrier whose rates are removed from every zone (the carrier itself stays)',
	},
];

const displayOptions = { show: { resource: ['shippingRate'], operation: ['deleteCarrierRates'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const carrierId = getResourceId(this, 'shippingCarrierId', 'Shipping Carrier', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	const zones = await listZonesWithRates(this, locationId, itemIndex);

	const rates: IDataObject[] = [];
	for (const { zone, rates: zoneRates } of zones) {
		const zoneId = idOf(zone);
		for (const rate of zoneRates) {
			if (String(rate.shippingCarrierId ?? '') !== carrierId) continue;
			const rateId = idOf(rate);
			let outcome = 'deleted';
			try {
				await highLevelApiRequest(this, {
					method: 'DELETE',
					endpoint: rateEndpoint(zoneId, rateId),
					qs: altOf(locationId),
					itemIndex,
				});
			} catch (error) {
				if (!isNotFoundError(error)) throw asNodeError(this, error, itemIndex);
				outcome = 'notFound';
			}
			rates.push({
				shippingZoneId: zoneId,
				shippingZoneName: zone.name ?? null,
				shippingRateId: rateId,
				outcome,
			});
		}
	}
	return {
		shippingCarrierId: carrierId,
		deleted: rates.filter((rate) => rate.outcome === 'deleted').length,
		notFound: rates.filter((rate) => rate.outcome === 'notFound').length,
		rates,
	};
}
