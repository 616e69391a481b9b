/**
 * BigCommerce as a live-rate platform (nodes/shared/liveRates/platforms/bigCommerce.ts): the
 * signed Quote URL (`?loc=<store hash>&t=<HMAC>`), the optional X-Shipping-Secret header, the
 * documented quote request and the `carrier_quotes` answer (test/fixtures/SOURCE.md).
 */
import fixture from '../../fixtures/bigcommerce-rate-request.json';
import type { RateQuote } from '../../../nodes/shared/core';
import {
	type CallbackCredential,
	PlatformSetupError,
	type RateCallback,
	RateCallbackItemSchema,
	RateRequestParseError,
} from '../../../nodes/shared/liveRates/platform';
import { livePlatforms, platformById } from '../../../nodes/shared/liveRates/platforms';
import { bigCommercePlatform } from '../../../nodes/shared/liveRates/platforms/bigCommerce';
import { signLocation } from '../../../nodes/shared/signatures/callbackToken';
import { buildAnswer, emptyAnswer } from '../../../nodes/ShippingRatesResponse/answer';

const SECRET = 'bc-callback-secret';
const STORE = 'ru7t7fv9';
const signed = (store = STORE, secret = SECRET) => ({ loc: store, t: signLocation(secret, store) });
const callback = (query: Record<string, unknown>, headers: Record<string, string> = {}, body: unknown = fixture): RateCallback => ({
	query,
	headers,
	body,
});
const credential = (extra: Record<string, unknown> = {}): CallbackCredential => async () => ({
	storeHash: STORE,
	accessToken: 'bc-token',
	callbackSecret: SECRET,
	...extra,
});
const quote: RateQuote = {
	carrier: 'USPS',
	serviceName: 'Priority Mail',
	serviceCode: 'usps_priority',
	amountMinor: 635,
	currency: 'USD',
	maxDeliveryDays: 1,
};

describe('BigCommerce in the platform registry', () => {
	it('is listed after HighLevel and LaunchMyStore with its own credential and a 2,500 ms deadline', () => {
		expect(livePlatforms().map((p) => p.id)).toContain('bigCommerce');
		expect(platformById('bigCommerce')).toBe(bigCommercePlatform);
		expect(bigCommercePlatform).toMatchObject({
			displayName: 'BigCommerce',
			defaultDeadlineMs: 2500,
			credentialTypes: ['highLevelShippingBigCommerceApi'],
		});
		// The other platforms make no connection checks and keep the default error body.
		for (const id of ['highLevel', 'launchMyStore']) {
			expect(platformById(id).connectionCheck).toBeUndefined();
			expect(platformById(id).formatError).toBeUndefined();
		}
	});
});

describe('BigCommerce authentication', () => {
	it('accepts a URL signed for the credential store, with a stable quote id for the answer', async () => {
		const result = await bigCommercePlatform.authenticate(callback(signed()), credential());
		expect(result).toEqual({ ok: true, storeId: STORE, formatOptions: { quoteId: expect.stringMatching(/^8-[0-9a-f]{12}$/) } });
		const again = await bigCommercePlatform.authenticate(callback(signed()), credential());
		expect(again).toEqual(result);
		// A body the host left as JSON text gets the same id.
		const asText = await bigCommercePlatform.authenticate(callback(signed(), {}, JSON.stringify(fixture)), credential());
		expect(asText).toEqual(result);
	});

	it('turns transit times off when the zone says show_transit_time: false', async () => {
		const body = { ...fixture, zone_options: { show_transit_time: false } };
		const result = await bigCommercePlatform.authenticate(callback(signed(), {}, body), credential());
		expect(result).toMatchObject({ ok: true, formatOptions: { showTransitTime: false } });
	});

	it.each([
		['no token', { loc: STORE }],
		['a token of another secret', signed(STORE, 'other-secret')],
		['a token of another store presented for this one', { loc: STORE, t: signLocation(SECRET, 'other') }],
	])('refuses (401) %s', async (_label, query) => {
		expect(await bigCommercePlatform.authenticate(callback(query), credential())).toEqual({
			ok: false,
			status: 401,
			error: 'invalid or missing callback token (query parameters loc and t)',
		});
	});

	it("refuses (401) a URL rightly signed for another store than the credential's", async () => {
		const result = await bigCommercePlatform.authenticate(callback(signed('other-store')), credential());
		expect(result).toEqual({
			ok: false,
			status: 401,
			error: "callback URL is signed for store other-store, not for the credential's store ru7t7fv9",
		});
	});

	it('with a Header Secret, also requires X-Shipping-Secret equal to it', async () => {
		const withHeader = credential({ headerSecret: 'hdr-secret' });
		expect(await bigCommercePlatform.authenticate(callback(signed(), { 'x-shipping-secret': 'hdr-secret' }), withHeader)).toMatchObject({
			ok: true,
			storeId: STORE,
		});
		const wrong: Array<Record<string, string>> = [{}, { 'x-shipping-secret': 'hdr-secre' }, { 'x-shipping-secret': 'hdr-secret-longer' }];
		for (const headers of wrong) {
			expect(await bigCommercePlatform.authenticate(callback(signed(), headers), withHeader)).toEqual({
				ok: false,
				status: 401,
				error: 'invalid or missing X-Shipping-Secret header',
			});
		}
		// The header alone is not enough: the URL must be signed as well.
		expect(
			await bigCommercePlatform.authenticate(callback({ loc: STORE }, { 'x-shipping-secret': 'hdr-secret' }), withHeader),
		).toMatchObject({ ok: false, status: 401 });
		// Without a Header Secret the header is ignored.
		expect(await bigCommercePlatform.authenticate(callback(signed(), { 'x-shipping-secret': 'x' }), credential())).toMatchObject({ ok: true });
	});

	it('is a set-up error when the credential has no Callback Signing Secret or no Store Hash', async () => {
		await expect(bigCommercePlatform.authenticate(callback(signed()), credential({ callbackSecret: '' }))).rejects.toThrow(
			new PlatformSetupError('Callback Signing Secret is empty: set it on the BigCommerce credential'),
		);
		await expect(bigCommercePlatform.authenticate(callback(signed()), credential({ storeHash: ' ' }))).rejects.toThrow(/Store Hash is empty/);
	});
});

describe('BigCommerce requests and answers through the platform', () => {
	it('parses the documented request into a valid trigger item, naming the store of the body', () => {
		const request = bigCommercePlatform.parse(fixture, { storeId: 'from-url', defaultCurrency: 'USD' });
		expect(request.locationId).toBe(STORE);
		const item = { ...request, platform: 'bigCommerce', locationId: STORE, receivedAt: 1, deadlineAt: 2, fallbackRates: [] };
		expect(RateCallbackItemSchema.safeParse(item).success).toBe(true);
		expect(() => bigCommercePlatform.parse({ base_options: {} }, { storeId: STORE, defaultCurrency: 'USD' })).toThrow(RateRequestParseError);
	});

	it('formats quotes and errors as BigCommerce answers', () => {
		const body = bigCommercePlatform.format([quote], { quoteId: 'q-1' });
		expect(body).toEqual({
			quote_id: 'q-1',
			messages: [],
			carrier_quotes: [
				{
					carrier_info: { code: 'usps', display_name: 'USPS' },
					quotes: [
						{
							code: 'usps_priority',
							rate_id: expect.stringMatching(/^[0-9a-f]{24}$/),
							display_name: 'Priority Mail',
							cost: { currency: 'USD', amount: 6.35 },
							transit_time: { units: 'BUSINESS_DAYS', duration: 1 },
						},
					],
				},
			],
		});
		expect(bigCommercePlatform.isAnswer(body)).toBe(true);
		expect(bigCommercePlatform.isAnswer({ rates: [] })).toBe(false);
		expect(bigCommercePlatform.formatError?.('bad', { quoteId: 'q-1' })).toEqual({
			quote_id: 'q-1',
			messages: [{ text: 'bad', type: 'ERROR' }],
			carrier_quotes: [],
		});
	});

	it("the Response node's answer keeps the trigger's quote id and transit-time setting", () => {
		const request = bigCommercePlatform.parse(fixture, { storeId: STORE, defaultCurrency: 'USD' });
		const item = {
			...request,
			platform: 'bigCommerce',
			answerOptions: { quoteId: '8-abc', showTransitTime: false, now: 1 },
			quotes: [quote, { ...quote, carrier: 'FedEx', serviceName: 'Ground', serviceCode: 'GND', amountMinor: 853 }],
		};
		const answer = buildAnswer([item], { quotesField: 'quotes', rules: { sort: 'price' }, nameFormat: 'service', useFallback: true, includeServiceCode: true });
		expect(answer.platform).toBe('bigCommerce');
		expect(answer.body).toMatchObject({
			quote_id: '8-abc',
			carrier_quotes: [
				{ carrier_info: { code: 'usps' }, quotes: [{ code: 'usps_priority', cost: { amount: 6.35 } }] },
				{ carrier_info: { code: 'fedex' }, quotes: [{ code: 'GND', cost: { amount: 8.53 } }] },
			],
		});
		const quotes = (answer.body as { carrier_quotes: Array<{ quotes: Array<Record<string, unknown>> }> }).carrier_quotes;
		expect(quotes[0].quotes[0].transit_time).toBeUndefined();
		expect(emptyAnswer([{ platform: 'bigCommerce' }])).toMatchObject({ carrier_quotes: [], messages: [] });
	});
});

describe('BigCommerce connection checks', () => {
	const check = bigCommercePlatform.connectionCheck!;

	it('reads the options, answers { valid, messages }, and tells its answers from others', () => {
		expect(check.parse({ connection_options: { account_id: 'a1ty' } })).toEqual({ account_id: 'a1ty' });
		expect(() => check.parse({})).toThrow(RateRequestParseError);
		const answer = check.format({ valid: false, messages: [{ type: 'ERROR', text: 'Your account ID is invalid' }] });
		expect(answer).toEqual({ valid: false, messages: [{ text: 'Your account ID is invalid', type: 'ERROR' }] });
		expect(check.isAnswer(answer)).toBe(true);
		expect(check.isAnswer({ carrier_quotes: [] })).toBe(false);
	});
});
