/**
 * LaunchMyStore as a live-rate platform (nodes/shared/liveRates/platforms/launchMyStore.ts), its
 * dialect and its signatures, against the documented quote request (test/fixtures/SOURCE.md).
 */
import { createHmac } from 'node:crypto';
import fixture from '../../fixtures/launchmystore-rate-request.json';
import type { RateQuote } from '../../../nodes/shared/core';
import {
	type CallbackCredential,
	PlatformSetupError,
	type RateCallback,
	RateRequestParseError,
} from '../../../nodes/shared/liveRates/platform';
import { launchMyStorePlatform } from '../../../nodes/shared/liveRates/platforms/launchMyStore';
import { verifyLaunchMyStoreSignature } from '../../../nodes/shared/signatures/launchMyStore';

const SECRET = 'lms-client-secret';
const SHOP = 'raja337276';
const raw = Buffer.from(JSON.stringify(fixture, null, 2));
const hexOf = (body: Buffer, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');
const base64Of = (body: Buffer, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');
const fixed = (value: string, extra: Record<string, unknown> = {}): CallbackCredential => async () => ({
	clientSecret: value,
	appHandle: 'acme-shipping',
	...extra,
});
const callback = (headers: Record<string, string>, body: unknown = fixture, rawBody: Buffer = raw): RateCallback => ({
	query: {},
	headers,
	rawBody,
	body,
});
const quote = (overrides: Partial<RateQuote> = {}): RateQuote => ({
	carrier: 'Blue Dart',
	serviceName: 'Blue Dart Air',
	serviceCode: '1',
	amountMinor: 808500,
	currency: 'INR',
	minDeliveryDays: 1,
	maxDeliveryDays: 2,
	...overrides,
});

describe('LaunchMyStore signatures', () => {
	it('accepts the hex X-LMS-Signature over the raw bytes, in either case', () => {
		expect(verifyLaunchMyStoreSignature(raw, { 'x-lms-signature': hexOf(raw) }, SECRET)).toEqual({ ok: true });
		expect(verifyLaunchMyStoreSignature(raw, { 'x-lms-signature': hexOf(raw).toUpperCase() }, SECRET)).toEqual({ ok: true });
	});

	it('refuses a changed body, another secret, garbage and a missing header, naming the header', () => {
		const changed = Buffer.from(raw.toString('utf8').replace('"price": 499', '"price": 1'));
		expect(verifyLaunchMyStoreSignature(changed, { 'x-lms-signature': hexOf(raw) }, SECRET)).toEqual({
			ok: false,
			reason: 'invalid X-LMS-Signature signature',
		});
		expect(verifyLaunchMyStoreSignature(raw, { 'x-lms-signature': hexOf(raw, 'other') }, SECRET).ok).toBe(false);
		expect(verifyLaunchMyStoreSignature(raw, { 'x-lms-signature': 'not-hex' }, SECRET).ok).toBe(false);
		expect(verifyLaunchMyStoreSignature(raw, {}, SECRET)).toEqual({ ok: false, reason: 'missing signature (X-LMS-Signature)' });
		expect(verifyLaunchMyStoreSignature(raw, { 'x-lms-signature': hexOf(raw, '') }, '').ok).toBe(false);
	});

	it('accepts the base64 X-LMS-Hmac-SHA256 only where allowed (webhooks)', () => {
		const headers = { 'x-lms-hmac-sha256': base64Of(raw) };
		expect(verifyLaunchMyStoreSignature(raw, headers, SECRET).ok).toBe(false);
		expect(verifyLaunchMyStoreSignature(raw, headers, SECRET, { allowBase64: true })).toEqual({ ok: true });
		expect(
			verifyLaunchMyStoreSignature(raw, { 'x-lms-hmac-sha256': base64Of(raw, 'other') }, SECRET, { allowBase64: true }),
		).toEqual({ ok: false, reason: 'invalid X-LMS-Hmac-SHA256 signature' });
	});
});

describe('LaunchMyStore as a live-rate platform', () => {
	it('authenticates a signed quote request for the shop it names, with the app handle as service-code prefix', async () => {
		const result = await launchMyStorePlatform.authenticate(callback({ 'x-lms-signature': hexOf(raw) }), fixed(SECRET));
		expect(result).toEqual({ ok: true, storeId: SHOP, formatOptions: { serviceCodePrefix: 'acme-shipping' } });
		const prefixed = await launchMyStorePlatform.authenticate(
			callback({ 'x-lms-signature': hexOf(raw) }),
			fixed(SECRET, { serviceCodePrefix: 'acme' }),
		);
		expect(prefixed).toMatchObject({ ok: true, formatOptions: { serviceCodePrefix: 'acme' } });
	});

	it('is a set-up error when the credential has no client secret', async () => {
		await expect(
			launchMyStorePlatform.authenticate(callback({ 'x-lms-signature': hexOf(raw) }), async () => ({ appHandle: 'a' })),
		).rejects.toThrow(PlatformSetupError);
	});

	it('refuses (401) an unsigned or wrongly signed request, and (400) a signed one without a shop', async () => {
		expect(await launchMyStorePlatform.authenticate(callback({}), fixed(SECRET))).toEqual({
			ok: false,
			status: 401,
			error: 'missing signature (X-LMS-Signature)',
		});
		expect(
			await launchMyStorePlatform.authenticate(callback({ 'x-lms-signature': hexOf(raw, 'x') }), fixed(SECRET)),
		).toMatchObject({ ok: false, status: 401 });
		const noShop = Buffer.from(JSON.stringify({ rate: fixture.rate }));
		expect(
			await launchMyStorePlatform.authenticate(
				callback({ 'x-lms-signature': hexOf(noShop) }, { rate: fixture.rate }, noShop),
				fixed(SECRET),
			),
		).toEqual({ ok: false, status: 400, error: 'shop.domainSlug is required' });
	});

	it('parses the documented quote request: addresses, grams per unit, price in major units', () => {
		const request = launchMyStorePlatform.parse(fixture, { storeId: SHOP, defaultCurrency: 'USD' });
		expect(request).toEqual({
			locationId: SHOP,
			origin: { country: 'IN', postalCode: '110051' },
			destination: { country: 'IN', city: 'Mumbai', state: 'MH', postalCode: '400001' },
			items: [
				{
					name: 'Slipper M',
					sku: 'ABC-MED',
					quantity: 1,
					unitWeightGrams: 1500,
					unitPriceMinor: 49900,
					productId: 'prod_slipper',
					priceId: 'var_slipper_m',
				},
			],
			currency: 'INR',
		});
	});

	it('names the shop of the body (the trigger refuses one that is not the authenticated shop), and names a bad field', () => {
		expect(launchMyStorePlatform.parse(fixture, { storeId: 'other-shop', defaultCurrency: 'USD' }).locationId).toBe(SHOP);
		expect(launchMyStorePlatform.parse({ ...fixture, shop: undefined }, { storeId: 'from-auth', defaultCurrency: 'USD' }).locationId).toBe('from-auth');
		const bad = JSON.parse(JSON.stringify(fixture)) as { rate: { items: Array<Record<string, unknown>> } };
		bad.rate.items[0].grams = 'heavy';
		expect(() => launchMyStorePlatform.parse(bad, { storeId: SHOP, defaultCurrency: 'USD' })).toThrow(RateRequestParseError);
	});

	it('answers with string prices in major units, prefixed service codes and whole-day delivery dates', () => {
		const now = Date.parse('2026-06-03T10:15:00Z');
		const body = launchMyStorePlatform.format([quote(), quote({ serviceName: 'DTDC Surface', serviceCode: '12', amountMinor: 425000, minDeliveryDays: undefined, maxDeliveryDays: undefined })], {
			serviceCodePrefix: 'acme',
			now,
		});
		expect(body).toEqual({
			rates: [
				{
					service_name: 'Blue Dart Air',
					service_code: 'acme-1',
					total_price: '8085.00',
					currency: 'INR',
					description: '1–2 days · Blue Dart Air',
					min_delivery_date: '2026-06-04T00:00:00Z',
					max_delivery_date: '2026-06-05T00:00:00Z',
				},
				{ service_name: 'DTDC Surface', service_code: 'acme-12', total_price: '4250.00', currency: 'INR' },
			],
		});
		expect(launchMyStorePlatform.isAnswer(body)).toBe(true);
		expect(launchMyStorePlatform.isAnswer('rates')).toBe(false);
	});

	it('answers a retried request the same within the day, and keeps zero-decimal currencies whole', () => {
		const morning = launchMyStorePlatform.format([quote()], { now: Date.parse('2026-06-03T00:00:01Z') });
		const evening = launchMyStorePlatform.format([quote()], { now: Date.parse('2026-06-03T23:59:59Z') });
		expect(evening).toEqual(morning);
		const yen = launchMyStorePlatform.format([quote({ currency: 'JPY', amountMinor: 1200 })], { now: 0 }) as {
			rates: Array<{ total_price: string; service_code: string }>;
		};
		expect(yen.rates[0]).toMatchObject({ total_price: '1200', service_code: '1' });
	});
});
