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
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
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

/** One carrier rate removed (or already gone) from a zone. */
export interface RemovedCarrierRate extends IDataObject {
	shippingZoneId: string;
	shippingZoneName: string | null;
	shippingRateId: string;
	shippingCarrierId: string;
	outcome: 'deleted' | 'notFound';
}

/**
 * Deletes, in every zone of the location, the rates whose `shippingCarrierId` is one of
 * `carrierIds`. A rate already gone (404) is `notFound`; any other failure is thrown.
 */
export async function removeCarrierRates(
	ctx: IExecuteFunctions,
	locationId: string,
	carrierIds: ReadonlySet<string>,
	itemIndex: number,
): Promise<RemovedCarrierRate[]> {
	const removed: RemovedCarrierRate[] = [];
	if (carrierIds.size === 0) return removed;
	for (const { zone, rates } of await listZonesWithRates(ctx, locationId, itemIndex)) {
		const zoneId = idOf(zone);
		for (const rate of rates) {
			const carrierId = String(rate.shippingCarrierId ?? '');
			if (!carrierIds.has(carrierId)) continue;
			const rateId = idOf(rate);
			let outcome: RemovedCarrierRate['outcome'] = 'deleted';
			try {
				await highLevelApiRequest(ctx, {
					method: 'DELETE',
					endpoint: rateEndpoint(zoneId, rateId),
					qs: altOf(locationId),
					itemIndex,
				});
			} catch (error) {
				if (!isNotFoundError(error)) throw asNodeError(ctx, error, itemIndex);
				outcome = 'notFound';
			}
			removed.push({
				shippingZoneId: zoneId,
				shippingZoneName: (zone.name as string | undefined) ?? null,
				shippingRateId: rateId,
				shippingCarrierId: carrierId,
				outcome,
			});
		}
	}
	return removed;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const carrierId = getResourceId(this, 'shippingCarrierId', 'Shipping Carrier', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	const removed = await removeCarrierRates(this, locationId, new Set([carrierId]), itemIndex);
	const rates = removed.map((rate) => ({
		shippingZoneId: rate.shippingZoneId,
		shippingZoneName: rate.shippingZoneName,
		shippingRateId: rate.shippingRateId,
		outcome: rate.outcome,
	}));
	return {
		shippingCarrierId: carrierId,
		deleted: rates.filter((rate) => rate.outcome === 'deleted').length,
		notFound: rates.filter((rate) => rate.outcome === 'notFound').length,
		rates,
	};
}
