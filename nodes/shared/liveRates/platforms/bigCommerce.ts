/**
 * BigCommerce as a live-rate platform: a shipping provider's Quote URL and Check Connection Options
 * URL. BigCommerce leaves authentication to the provider ("developer-configured") and signs
 * nothing, so both URLs are signed, as HighLevel's callback URL is: `?loc=<store hash>&t=<HMAC>`
 * (nodes/shared/signatures/callbackToken.ts) with the credential's Callback Signing Secret, and
 * `loc` must be the credential's store hash. When the credential's Header Secret is set, every call
 * must also carry it in the `X-Shipping-Secret` header (for a gateway or proxy in front of n8n
 * that adds it; BigCommerce itself sends no such header). Bodies and answers are BigCommerce's
 * (nodes/shared/dialects/bigCommerce.ts); refusals are answered in BigCommerce's error shape.
 *
 * Deadline: BigCommerce documents no timeout for quote requests, so the proposed deadline is the
 * pack's default of 2,500 ms.
 *
 * Sources: BigCommerce developer documentation, "Shipping Providers"
 * (https://developer.bigcommerce.com/docs/integrations/shipping) and the Shipping Provider API
 * reference (https://developer.bigcommerce.com/docs/apps-api/shipping).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RateQuote } from '../../core';
import {
	bigCommerceQuoteIdOf,
	formatBigCommerceConnectionCheck,
	formatBigCommerceError,
	formatBigCommerceQuotes,
	isBigCommerceConnectionCheckAnswer,
	isBigCommerceRateAnswer,
	parseBigCommerceConnectionCheck,
	parseBigCommerceRateRequest,
} from '../../dialects/bigCommerce';
import { parseJson } from '../../json';
import { readCallbackQuery, verifyLocationToken } from '../../signatures/callbackToken';
import type { Authentication, CallbackCredential, FormatOptions, LiveRatePlatform, RateCallback } from '../platform';
import { PlatformSetupError } from '../platform';

/** Header that carries the credential's Header Secret, when one is set (lower case, as Node.js reads it). */
export const BIGCOMMERCE_SECRET_HEADER = 'x-shipping-secret';

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
function sameSecret(presented: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(presented), digest(expected)) && presented.length === expected.length;
}

function headerValue(headers: RateCallback['headers'], name: string): string {
	const value = headers[name];
	return String((Array.isArray(value) ? value[0] : value) ?? '');
}

/** How the answer is formatted: the stable `quote_id`, and whether the zone shows transit times. */
function formatOptionsOf(received: unknown): FormatOptions {
	const body = typeof received === 'string' ? parseJson(received) : received;
	const options: FormatOptions = { quoteId: bigCommerceQuoteIdOf(body) };
	const zone = (body as { zone_options?: { show_transit_time?: unknown } } | null | undefined)?.zone_options;
	if (zone && typeof zone === 'object' && zone.show_transit_time === false) options.showTransitTime = false;
	return options;
}

async function authenticate(callback: RateCallback, credential: CallbackCredential): Promise<Authentication> {
	const data = await credential();
	const secret = String(data.callbackSecret ?? '');
	if (!secret) throw new PlatformSetupError('Callback Signing Secret is empty: set it on the BigCommerce credential');
	const storeHash = String(data.storeHash ?? '').trim();
	if (!storeHash) throw new PlatformSetupError('Store Hash is empty: set it on the BigCommerce credential');

	const { locationId, token } = readCallbackQuery(callback.query);
	if (!verifyLocationToken(secret, locationId, token)) {
		return { ok: false, status: 401, error: 'invalid or missing callback token (query parameters loc and t)' };
	}
	if (locationId !== storeHash) {
		return {
			ok: false,
			status: 401,
			error: `callback URL is signed for store ${locationId}, not for the credential's store ${storeHash}`,
		};
	}
	const headerSecret = String(data.headerSecret ?? '');
	if (headerSecret && !sameSecret(headerValue(callback.headers, BIGCOMMERCE_SECRET_HEADER), headerSecret)) {
		return { ok: false, status: 401, error: 'invalid or missing X-Shipping-Secret header' };
	}
	return { ok: true, storeId: storeHash, formatOptions: formatOptionsOf(callback.body) };
}

export const bigCommercePlatform: LiveRatePlatform = {
	id: 'bigCommerce',
	displayName: 'BigCommerce',
	// BigCommerce documents no timeout for quote requests: the pack's default.
	defaultDeadlineMs: 2500,
	credentialTypes: ['highLevelShippingBigCommerceApi'],
	authenticate,
	// `locationId` is the body's `store_id` when it names one: the trigger refuses another store.
	parse: (body, options) => parseBigCommerceRateRequest(body, options),
	format: (quotes: readonly RateQuote[], options?: FormatOptions) => formatBigCommerceQuotes(quotes, options),
	isAnswer: isBigCommerceRateAnswer,
	formatError: (message: string, options?: FormatOptions) => formatBigCommerceError(message, options),
	connectionCheck: {
		parse: parseBigCommerceConnectionCheck,
		format: formatBigCommerceConnectionCheck,
		isAnswer: isBigCommerceConnectionCheckAnswer,
	},
};
