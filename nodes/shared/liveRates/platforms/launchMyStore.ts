/**
 * LaunchMyStore as a live-rate platform: its dispatcher POSTs a signed quote request to the
 * provider's endpoint (`X-LMS-Signature`, hex HMAC-SHA256 of the raw body with the app's client
 * secret) and renders the `{ rates: [...] }` answer; timeouts, 5xx, malformed JSON and an empty
 * list all fall back to the merchant's zones, and it retries 5xx (so equal requests must get equal
 * answers). Its `timeoutMs` defaults to 5 s; the deadline proposed here leaves a second for the
 * network.
 *
 * Source: LaunchMyStore developer documentation, "Live Rate Providers" §1–§3.
 */
import type { RateQuote } from '../../core';
import { formatLaunchMyStoreRates, launchMyStoreShopOf, parseLaunchMyStoreRateRequest } from '../../dialects/launchMyStore';
import { verifyLaunchMyStoreSignature } from '../../signatures/launchMyStore';
import type { Authentication, CallbackCredential, FormatOptions, LiveRatePlatform, RateCallback } from '../platform';
import { hasRatesList, PlatformSetupError } from '../platform';

/** The credential's client secret; a set-up error when it is empty. */
function clientSecretOf(data: Record<string, unknown>): string {
	const secret = String(data.clientSecret ?? '');
	if (!secret) throw new PlatformSetupError('Client Secret is empty: set it on the LaunchMyStore credential');
	return secret;
}

async function authenticate(callback: RateCallback, credential: CallbackCredential): Promise<Authentication> {
	const raw = callback.rawBody ?? Buffer.from(JSON.stringify(callback.body ?? {}));
	const data = await credential();
	const check = verifyLaunchMyStoreSignature(raw, callback.headers, clientSecretOf(data));
	if (!check.ok) return { ok: false, status: 401, error: check.reason };
	const shop = launchMyStoreShopOf(callback.body);
	if (!shop) return { ok: false, status: 400, error: 'shop.domainSlug is required' };
	const prefix = String(data.serviceCodePrefix || data.appHandle || '').trim();
	return { ok: true, storeId: shop, formatOptions: prefix ? { serviceCodePrefix: prefix } : {} };
}

export const launchMyStorePlatform: LiveRatePlatform = {
	id: 'launchMyStore',
	displayName: 'LaunchMyStore',
	defaultDeadlineMs: 4000,
	credentialTypes: ['highLevelShippingLaunchMyStoreApi'],
	authenticate,
	parse: (body, { storeId, defaultCurrency }) => parseLaunchMyStoreRateRequest(body, storeId, defaultCurrency),
	format: (quotes: readonly RateQuote[], options?: FormatOptions) => formatLaunchMyStoreRates(quotes, options),
	isAnswer: hasRatesList,
};
