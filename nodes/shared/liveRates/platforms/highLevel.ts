/**
 * HighLevel as a live-rate platform: the callback a registered shipping carrier receives at
 * checkout. HighLevel signs nothing, so the URL it calls is signed instead
 * (`?loc=<locationId>&t=<HMAC>`, nodes/shared/signatures/callbackToken.ts); the body and the answer
 * are HighLevel's (nodes/shared/dialects/highlevel.ts).
 *
 * Source: HighLevel Custom Shipping Carrier Integration Guide §3 "Implement Live Rates Callback"
 * (help.gohighlevel.com, article 155000004995).
 */
import type { RateQuote } from '../../core';
import { formatHighLevelRates, parseHighLevelRateRequest } from '../../dialects/highlevel';
import { readCallbackQuery, verifyLocationToken } from '../../signatures/callbackToken';
import type { Authentication, CallbackSecret, LiveRatePlatform, RateCallback } from '../platform';

/** A kept secret older than this is read again before a callback is refused as unsigned. */
const REVERIFY_AFTER_MS = 5_000;

async function authenticate(callback: RateCallback, secret: CallbackSecret): Promise<Authentication> {
	const { locationId, token } = readCallbackQuery(callback.query);
	const signed =
		verifyLocationToken(await secret(), locationId, token) ||
		verifyLocationToken(await secret({ maxAgeMs: REVERIFY_AFTER_MS }), locationId, token);
	return signed
		? { ok: true, storeId: locationId }
		: { ok: false, status: 401, error: 'invalid or missing callback token (query parameters loc and t)' };
}

const isRates = (body: unknown): boolean =>
	typeof body === 'object' && body !== null && Array.isArray((body as { rates?: unknown }).rates);

export const highLevelPlatform: LiveRatePlatform = {
	id: 'highLevel',
	displayName: 'HighLevel',
	defaultDeadlineMs: 2500,
	authenticate,
	parse(body, { storeId, defaultCurrency }) {
		const request = parseHighLevelRateRequest(body, defaultCurrency);
		return { ...request, locationId: request.locationId ?? storeId };
	},
	format(quotes: readonly RateQuote[], options) {
		const body = formatHighLevelRates(quotes);
		if (options?.includeServiceCode === false) for (const rate of body.rates) delete rate.serviceCode;
		return body;
	},
	isAnswer: isRates,
	formatFallback: (quotes: readonly RateQuote[]) => formatHighLevelRates(quotes),
};
