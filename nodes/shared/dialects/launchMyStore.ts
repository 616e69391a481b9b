/**
 * LaunchMyStore's live-rate provider dialect: the quote request its dispatcher POSTs to a live
 * rate provider at checkout, and the answer it renders.
 *
 * Request: `{ rate: { origin, destination, items[{variant_id, product_id, sku, quantity, grams,
 * price, title}], currency, locale }, shop: { domainSlug, name, url }, request_id }`, item `price`
 * in major units and `grams` per unit (parsed by carrierService.ts). Answer: `{ rates: [{
 * service_name, service_code, total_price, currency, description?, min_delivery_date?,
 * max_delivery_date? }] }` with `total_price` a string in major units and `service_code`
 * `<app handle>-<service>`; dates ISO 8601.
 *
 * Source: LaunchMyStore developer documentation, "Live Rate Providers" §2 "Build the /quote
 * endpoint" (the live-rate page, which gives money in major units; the API overview's cents apply
 * to its REST API, not to quotes).
 */
import type { RateQuote, RateRequest } from '../core';
import { currencyExponent, fromMinorUnits } from '../core';
import type { FormatOptions } from '../liveRates/platform';
import { parseCarrierServiceRequest } from './carrierService';

const DAY_MS = 86_400_000;

/** One rate of LaunchMyStore's answer. */
export interface LaunchMyStoreRate {
	service_name: string;
	service_code: string;
	/** Major units, as a string ("80.85"). */
	total_price: string;
	currency: string;
	description?: string;
	min_delivery_date?: string;
	max_delivery_date?: string;
}

/** The shop a quote request is for (`shop.domainSlug`), or undefined. */
export function launchMyStoreShopOf(body: unknown): string | undefined {
	const shop = typeof body === 'object' && body !== null ? (body as { shop?: unknown }).shop : undefined;
	const slug = typeof shop === 'object' && shop !== null ? (shop as { domainSlug?: unknown }).domainSlug : undefined;
	return typeof slug === 'string' && slug.trim() !== '' ? slug.trim() : undefined;
}

/**
 * Parses a LaunchMyStore quote request into a canonical rate request; `locationId` is the shop the
 * body names (`shop.domainSlug`), else `shop` (the authenticated one). Throws
 * RateRequestParseError naming the field.
 */
export function parseLaunchMyStoreRateRequest(body: unknown, shop: string, defaultCurrency = 'USD'): RateRequest {
	const request = parseCarrierServiceRequest(body, {
		defaultCurrency,
		storeIdKeys: [],
		unitPriceKeys: ['price', 'unit_price', 'unitPrice'],
	});
	return { ...request, locationId: launchMyStoreShopOf(body) ?? shop };
}

/** A whole UTC day `days` after the day of `now`, as ISO 8601 ("2026-06-04T00:00:00Z"). */
function dayAfter(now: number, days: number): string {
	const midnight = Math.floor(now / DAY_MS) * DAY_MS;
	return new Date(midnight + days * DAY_MS).toISOString().replace('.000Z', 'Z');
}

/**
 * Formats canonical quotes as LaunchMyStore's answer. Delivery dates count whole days from the day
 * of `options.now`, so a retried quote request gets the same answer within a day.
 */
export function formatLaunchMyStoreRates(
	quotes: readonly RateQuote[],
	options: FormatOptions = {},
): { rates: LaunchMyStoreRate[] } {
	const now = options.now ?? Date.now();
	return {
		rates: quotes.map((quote) => {
			const rate: LaunchMyStoreRate = {
				service_name: quote.serviceName,
				service_code: options.serviceCodePrefix
					? `${options.serviceCodePrefix}-${quote.serviceCode}`
					: quote.serviceCode,
				total_price: fromMinorUnits(quote.amountMinor, quote.currency).toFixed(currencyExponent(quote.currency)),
				currency: quote.currency,
			};
			const min = quote.minDeliveryDays ?? quote.maxDeliveryDays;
			const max = quote.maxDeliveryDays ?? quote.minDeliveryDays;
			if (max !== undefined) {
				rate.description = `${min === max ? max : `${min}–${max}`} days · ${quote.serviceName}`;
				rate.min_delivery_date = dayAfter(now, min ?? max);
				rate.max_delivery_date = dayAfter(now, max);
			}
			return rate;
		}),
	};
}

/** A `service_code` of an order's shipping line, split into the app's prefix and its service. */
export interface DecodedLaunchMyStoreServiceCode {
	/** The service after `<prefix>-`, or the whole code when it does not start with that prefix. */
	serviceCode: string;
	/** The prefix that was removed; empty when the code does not carry it. */
	servicePrefix: string;
}

/**
 * Splits a `<prefix>-<service>` service code, the form `formatLaunchMyStoreRates` answers quotes
 * with and LaunchMyStore echoes back on orders (`shipping_lines[].code`; convention
 * `<app_handle>-<carrier_id>`, "apps can strip the prefix to recover their carrier's internal
 * identifier"). The prefix matches case-insensitively; a code without it (another app's, a
 * merchant zone's, or no prefix configured) comes back whole with an empty `servicePrefix`.
 * Source: https://docs.launchmystore.io/api-reference/webhooks/topics (orders/create payload),
 * "Live Rate Providers" §2 (service_code).
 */
export function decodeLaunchMyStoreServiceCode(code: unknown, prefix: string): DecodedLaunchMyStoreServiceCode {
	const whole = typeof code === 'string' || typeof code === 'number' ? String(code).trim() : '';
	const head = `${prefix.trim()}-`;
	if (head.length > 1 && whole.length > head.length && whole.slice(0, head.length).toLowerCase() === head.toLowerCase()) {
		return { serviceCode: whole.slice(head.length), servicePrefix: whole.slice(0, head.length - 1) };
	}
	return { serviceCode: whole, servicePrefix: '' };
}
