/**
 * The carrier-quote cache of Rate Quote → Get Rates: Shippo's answers kept in memory of the n8n
 * process, keyed on what Shippo prices rather than on the whole cart, so different carts that make
 * the same parcel for the same destination share one `POST /shipments`.
 *
 * Key parts (see `carrierQuoteCacheKey`): the account (credential fingerprint), origin and
 * destination country, postal code and residential flag (city and state only where there is no
 * postal code), every parcel's weight, dimensions and units or template token, the carrier
 * accounts asked, and the currency the quotes are read in. Not part of the key: names, streets,
 * phone, e-mail, shipment metadata, item names, prices and SKUs: Shippo's price does not depend on
 * them. The service filter is applied after the cache, so it is not part of the key either.
 *
 * A hit reuses the first cart's Shippo shipment and rate ids (`shipmentId`, `rateId`); the
 * live-rates answer does not buy labels from them. Per process and bounded (LRU): a miss asks
 * Shippo, so correctness never depends on it. Source of the shipment fields:
 * spec shippo/public-api.yaml `ShipmentCreateRequest`.
 */
import type { RateQuote } from '../core';
import { RateCache, rateCacheKey } from '../cache/rateCache';
import type { ShippoAddress, ShippoShipmentBody } from './mapping';

/** What a cache entry holds: the carrier's answer before the service filter. */
export interface CachedRates {
	quotes: RateQuote[];
	errors: string[];
	shipmentId: string | null;
}

export const shippoRateCache = new RateCache<CachedRates>({ maxEntries: 2000 });

/** The part of an address a carrier prices: country and postal code (or city and state). */
function pricedPlace(address: ShippoAddress | string): unknown {
	if (typeof address === 'string') return { objectId: address };
	const zip = (address.zip ?? '').replace(/\s+/g, '').toUpperCase();
	return {
		country: address.country,
		zip,
		residential: address.is_residential,
		...(zip ? {} : { state: address.state?.trim().toUpperCase(), city: address.city?.trim().toUpperCase() }),
	};
}

/**
 * Cache key (SHA-256 hex) of one Shippo rate quote.
 * @param account credential fingerprint (base URL + token hash), so accounts never share quotes
 * @param body the exact shipment body that would be sent to `POST /shipments`
 * @param currency ISO 4217 code the quotes are read in (Shippo answers `amount_local` by it)
 */
export function carrierQuoteCacheKey(account: string, body: ShippoShipmentBody, currency: string): string {
	return rateCacheKey({
		v: 2,
		account,
		from: pricedPlace(body.address_from),
		to: pricedPlace(body.address_to),
		parcels: body.parcels,
		carrierAccounts: body.carrier_accounts ?? [],
		shipmentDate: body.shipment_date,
		currency,
	});
}
