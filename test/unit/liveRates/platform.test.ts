/**
 * The live-rate platform contract (nodes/shared/liveRates/platform.ts): the registry, HighLevel as
 * one implementation, and the item the Shipping Rates Trigger emits.
 */
import fixture from '../../fixtures/highlevel-rate-request.json';
import type { RateQuote } from '../../../nodes/shared/core';
import {
	type CallbackCredential,
	PlatformSetupError,
	type RateCallback,
	RateCallbackItemSchema,
	RateRequestParseError,
} from '../../../nodes/shared/liveRates/platform';
import { DEFAULT_PLATFORM_ID, livePlatforms, platformById } from '../../../nodes/shared/liveRates/platforms';
import { highLevelPlatform } from '../../../nodes/shared/liveRates/platforms/highLevel';
import { signLocation } from '../../../nodes/shared/signatures/callbackToken';
import { buildAnswer, emptyAnswer } from '../../../nodes/ShippingRatesResponse/answer';

const SECRET = 'platform-test-secret';
const LOCATION = 'LOCATION_ID_HERE';
const quote: RateQuote = {
	carrier: 'USPS',
	serviceName: 'Priority Mail',
	serviceCode: 'usps_priority',
	amountMinor: 1234,
	currency: 'USD',
	maxDeliveryDays: 2,
};
const callback = (query: Record<string, unknown>): RateCallback => ({ query, headers: {}, body: fixture });
const fixedSecret = (value: string): CallbackCredential => async () => ({ callbackSecret: value });

describe('live-rate platform registry', () => {
	it('lists HighLevel and LaunchMyStore, and returns HighLevel for its id and for no id (items of earlier versions)', () => {
		expect(livePlatforms().map((p) => p.id)).toEqual(['highLevel', 'launchMyStore', 'bigCommerce']);
		expect(platformById('highLevel')).toBe(highLevelPlatform);
		expect(platformById(undefined).id).toBe(DEFAULT_PLATFORM_ID);
	});

	it('names the known platforms for an unknown id', () => {
		expect(() => platformById('shopware')).toThrow(/unknown live-rate platform "shopware" \(known: highLevel/);
	});

	it('gives every platform an id, a name, a deadline, credential types and its functions', () => {
		for (const platform of livePlatforms()) {
			expect(platform.id).toMatch(/^[a-zA-Z]+$/);
			expect(platform.displayName.length).toBeGreaterThan(0);
			expect(platform.defaultDeadlineMs).toBeGreaterThan(0);
			expect(platform.credentialTypes.length).toBeGreaterThan(0);
			for (const type of platform.credentialTypes) expect(type).toMatch(/^highLevelShipping/);
			for (const fn of ['authenticate', 'parse', 'format', 'isAnswer'] as const) {
				expect(typeof platform[fn]).toBe('function');
			}
		}
	});
});

describe('HighLevel as a live-rate platform', () => {
	it('authenticates a URL signed for the location, and names the location', async () => {
		const result = await highLevelPlatform.authenticate(
			callback({ loc: LOCATION, t: signLocation(SECRET, LOCATION) }),
			fixedSecret(SECRET),
		);
		expect(result).toEqual({ ok: true, storeId: LOCATION });
	});

	it('refuses (401) a missing token, a token of another location and a token of another secret', async () => {
		for (const query of [
			{ loc: LOCATION },
			{ loc: LOCATION, t: signLocation(SECRET, 'OTHER') },
			{ loc: LOCATION, t: signLocation('another-secret', LOCATION) },
		]) {
			const result = await highLevelPlatform.authenticate(callback(query), fixedSecret(SECRET));
			expect(result).toEqual({ ok: false, status: 401, error: expect.stringMatching(/callback token/) });
		}
	});

	it('picks the Callback Signing Secret, else the OAuth2 client secret, else the token; none is a set-up error', async () => {
		const query = { loc: LOCATION, t: signLocation('client-secret', LOCATION) };
		expect(await highLevelPlatform.authenticate(callback(query), async () => ({ clientSecret: 'client-secret' }))).toMatchObject({ ok: true });
		await expect(highLevelPlatform.authenticate(callback(query), async () => ({}))).rejects.toThrow(PlatformSetupError);
	});

	it('parses the documented callback into a canonical request of the location', () => {
		const request = highLevelPlatform.parse(fixture, { storeId: LOCATION, defaultCurrency: 'USD' });
		expect(request).toMatchObject({ locationId: LOCATION, currency: 'USD' });
		expect(request.items).toHaveLength(2);
		// Without the `rate` wrapper and without altId, the request is the authenticated location's.
		const bare = { ...fixture.rate, altId: undefined };
		expect(highLevelPlatform.parse(bare, { storeId: 'FROM-URL', defaultCurrency: 'USD' }).locationId).toBe('FROM-URL');
	});

	it('throws RateRequestParseError naming the field', () => {
		const body = JSON.parse(JSON.stringify(fixture)) as { rate: { items: Array<Record<string, unknown>> } };
		body.rate.items[0].quantity = 'two';
		expect(() => highLevelPlatform.parse(body, { storeId: LOCATION, defaultCurrency: 'USD' })).toThrow(
			RateRequestParseError,
		);
	});

	it("formats quotes as HighLevel's answer, with or without service codes, and recognises it", () => {
		const body = highLevelPlatform.format([quote]);
		expect(body).toEqual({
			rates: [{ serviceName: 'Priority Mail', amount: 12.34, currency: 'USD', serviceCode: 'usps_priority', estimatedDays: 2 }],
		});
		expect(highLevelPlatform.format([quote], { includeServiceCode: false })).toEqual({
			rates: [{ serviceName: 'Priority Mail', amount: 12.34, currency: 'USD', estimatedDays: 2 }],
		});
		expect(highLevelPlatform.isAnswer(body)).toBe(true);
		expect(highLevelPlatform.isAnswer({ error: 'x' })).toBe(false);
		expect(highLevelPlatform.isAnswer(null)).toBe(false);
	});
});

describe('the Shipping Rates Response answers in the platform of the request', () => {
	const settings = {
		quotesField: 'quotes',
		rules: {},
		nameFormat: 'service' as const,
		useFallback: true,
		includeServiceCode: true,
	};

	it('formats for the platform the trigger item names (HighLevel)', () => {
		const answer = buildAnswer([{ platform: 'highLevel', quotes: [quote] }], settings);
		expect(answer.platform).toBe('highLevel');
		expect(answer.body).toEqual(highLevelPlatform.format([quote]));
	});

	it('formats for HighLevel when no item names a platform (items of earlier versions)', () => {
		expect(buildAnswer([{ quotes: [quote] }], settings).platform).toBe('highLevel');
	});

	it('throws naming an unknown platform, and its empty answer falls back to HighLevel', () => {
		expect(() => buildAnswer([{ platform: 'shopware', quotes: [quote] }], settings)).toThrow(/shopware/);
		expect(emptyAnswer([{ platform: 'shopware' }])).toEqual({ rates: [] });
	});
});

describe('the item the Shipping Rates Trigger emits', () => {
	it('is a canonical request plus platform, location, deadline and fallback rates', () => {
		const request = highLevelPlatform.parse(fixture, { storeId: LOCATION, defaultCurrency: 'USD' });
		const item = {
			...request,
			platform: 'highLevel',
			locationId: LOCATION,
			receivedAt: 1_000,
			deadlineAt: 3_500,
			fallbackRates: [{ ...quote, carrier: 'Fallback', source: 'fallback' }],
		};
		expect(RateCallbackItemSchema.safeParse(item).success).toBe(true);
		expect(RateCallbackItemSchema.safeParse({ ...item, platform: undefined }).success).toBe(false);
		expect(RateCallbackItemSchema.safeParse({ ...item, deadlineAt: 'soon' }).success).toBe(false);
	});
});
