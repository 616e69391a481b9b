/**
 * HighLevel as a live-rate platform: the callback a registered shipping carrier receives at
 * checkout. HighLevel signs nothing, so the URL it calls is signed instead
 * (`?loc=<locationId>&t=<HMAC>`, nodes/shared/signatures/callbackToken.ts, with the credential's
 * Callback Signing Secret); the body and the answer are HighLevel's (nodes/shared/dialects/highlevel.ts).
 *
 * Source: HighLevel Custom Shipping Carrier Integration Guide §3 "Implement Live Rates Callback"
 * (help.gohighlevel.com, article 155000004995).
 */
import type { RateQuote } from '../../core';
import { formatHighLevelRates, parseHighLevelRateRequest } from '../../dialects/highlevel';
import { readCallbackQuery, signingSecretOf, verifyLocationToken } from '../../signatures/callbackToken';
import type { Authentication, CallbackCredential, FormatOptions, LiveRatePlatform, RateCallback } from '../platform';
import { hasRatesList, PlatformSetupError } from '../platform';

async function authenticate(callback: RateCallback, credential: CallbackCredential): Promise<Authentication> {
	const secret = signingSecretOf(await credential());
	if (!secret) throw new PlatformSetupError('Callback Signing Secret is empty: set it on the HighLevel credential');
	const { locationId, token } = readCallbackQuery(callback.query);
	return verifyLocationToken(secret, locationId, token)
		? { ok: true, storeId: locationId }
		: { ok: false, status: 401, error: 'invalid or missing callback token (query parameters loc and t)' };
}

export const highLevelPlatform: LiveRatePlatform = {
	id: 'highLevel',
	displayName: 'HighLevel',
	defaultDeadlineMs: 2500,
	// Picked by the trigger's Authentication option (OAuth2 or Private Integration Token).
	credentialTypes: ['highLevelShippingOAuth2Api', 'highLevelShippingPrivateIntegrationApi'],
	authenticate,
	parse(body, { storeId, defaultCurrency }) {
		const request = parseHighLevelRateRequest(body, defaultCurrency);
		return { ...request, locationId: request.locationId ?? storeId };
	},
	format(quotes: readonly RateQuote[], options?: FormatOptions) {
		const body = formatHighLevelRates(quotes);
		if (options?.includeServiceCode === false) for (const rate of body.rates) delete rate.serviceCode;
		return body;
	},
	isAnswer: hasRatesList,
};
