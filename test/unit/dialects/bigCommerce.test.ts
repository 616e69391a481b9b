/**
 * BigCommerce's shipping-provider dialect (nodes/shared/dialects/bigCommerce.ts) against the
 * documented quote request (test/fixtures/SOURCE.md): parsing with hand-computed conversions,
 * errors naming the field, the `carrier_quotes` answer, error bodies and connection checks.
 */
import fixture from '../../fixtures/bigcommerce-rate-request.json';
import type { RateQuote } from '../../../nodes/shared/core';
import { RateRequestSchema } from '../../../nodes/shared/core';
import {
	BigCommerceRateRequestSchema,
	bigCommerceCarrierCode,
	bigCommerceQuoteIdOf,
	formatBigCommerceConnectionCheck,
	formatBigCommerceError,
	formatBigCommerceQuotes,
	isBigCommerceConnectionCheckAnswer,
	isBigCommerceRateAnswer,
	parseBigCommerceConnectionCheck,
	parseBigCommerceRateRequest,
} from '../../../nodes/shared/dialects/bigCommerce';
import { RateRequestParseError } from '../../../nodes/shared/liveRates/platform';

const STORE = 'ru7t7fv9';
const options = { storeId: STORE, defaultCurrency: 'EUR' };
type Body = typeof fixture & Record<string, unknown>;
const copy = (): Body => JSON.parse(JSON.stringify(fixture)) as Body;
const item0 = (body: Body) => body.base_options.items[0] as Record<string, unknown>;

/** The RateRequestParseError `fn` throws. */
function parseErrorOf(fn: () => unknown): RateRequestParseError {
	let caught: unknown;
	try {
		fn();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(RateRequestParseError);
	return caught as RateRequestParseError;
}

const quote = (overrides: Partial<RateQuote> = {}): RateQuote => ({
	carrier: 'USPS',
	serviceName: 'USPS Priority Mail',
	serviceCode: 'usps_priority',
	amountMinor: 635,
	currency: 'USD',
	maxDeliveryDays: 1,
	rateId: '9vcV1JfckPJZW2pjeNXcKP5y',
	...overrides,
});

describe('BigCommerce quote request', () => {
	it('matches the schema written from the reference', () => {
		expect(BigCommerceRateRequestSchema.safeParse(fixture).success).toBe(true);
	});

	it('parses the documented request: 1 oz = 28.349523125 g, 1 in = 25.4 mm, "10" USD = 1000 minor units', () => {
		const request = parseBigCommerceRateRequest(fixture, options);
		expect(request).toEqual({
			locationId: STORE,
			origin: {
				street1: '685 MARKET ST',
				city: 'SAN FRANCISCO',
				state: 'CA',
				postalCode: '94105',
				country: 'US',
				residential: false,
			},
			destination: { state: 'CA', postalCode: '94103', country: 'US', residential: true },
			items: [
				{
					name: 'Shirt',
					sku: 'SKU-100',
					quantity: 1,
					unitWeightGrams: 28.349523125,
					dimensions: { lengthMm: 25.4, widthMm: 25.4, heightMm: 25.4 },
					unitPriceMinor: 1000,
					productId: '1',
					priceId: '1',
				},
			],
			currency: 'USD',
			platformContext: {
				connection_options: { key: 'userKey', account_number: 'userAccountNumber' },
				zone_options: { show_transit_time: true },
				rate_options: [],
				customer: { customer_groups: [{ customer_group_id: 5, customer_group_name: 'Retail' }], customer_id: 6 },
				request_context: { reference_values: [{ name: 'cart_id', value: '8' }] },
			},
		});
		expect(RateRequestSchema.safeParse(request).success).toBe(true);
	});

	it('converts pounds and centimetres (2 lb = 907.18474 g, 10 cm = 100 mm), reads numeric prices, and a JSON string', () => {
		const body = copy();
		Object.assign(item0(body), {
			weight: { units: 'lb', value: 2 },
			length: { units: 'cm', value: 10 },
			width: { units: 'CM', value: 10 },
			height: { units: 'cm', value: '10' },
			discounted_price: { currency: 'usd', amount: 12.34 },
			quantity: 3,
		});
		const [item] = parseBigCommerceRateRequest(JSON.stringify(body), options).items;
		expect(item.unitWeightGrams).toBe(907.18474);
		expect(item.dimensions).toEqual({ lengthMm: 100, widthMm: 100, heightMm: 100 });
		expect(item.unitPriceMinor).toBe(1234);
		expect(item.quantity).toBe(3);
		Object.assign(item0(body), { weight: { units: 'kg', value: 1.5 } });
		expect(parseBigCommerceRateRequest(body, options).items[0].unitWeightGrams).toBe(1500);
		Object.assign(item0(body), { weight: { units: 'g', value: 250 } });
		expect(parseBigCommerceRateRequest(body, options).items[0].unitWeightGrams).toBe(250);
	});

	it('falls back to declared_value, then to no price in the default currency; leaves out zero dimensions', () => {
		const body = copy();
		delete item0(body).discounted_price;
		Object.assign(item0(body), { declared_value: { currency: 'CAD', amount: '7.5' }, height: { units: 'in', value: 0 } });
		const declared = parseBigCommerceRateRequest(body, options);
		expect(declared.currency).toBe('CAD');
		expect(declared.items[0].unitPriceMinor).toBe(750);
		expect(declared.items[0].dimensions).toBeUndefined();

		delete item0(body).declared_value;
		delete item0(body).weight;
		const unpriced = parseBigCommerceRateRequest(body, options);
		expect(unpriced.currency).toBe('EUR');
		expect(unpriced.items[0]).toMatchObject({ unitPriceMinor: 0, unitWeightGrams: 0 });
	});

	it('names the body store, else the authenticated one; defaults address_type to residential', () => {
		const body = copy();
		expect(parseBigCommerceRateRequest(body, { ...options, storeId: 'other' }).locationId).toBe(STORE);
		delete (body.base_options as Record<string, unknown>).store_id;
		delete (body.base_options.destination as Record<string, unknown>).address_type;
		const request = parseBigCommerceRateRequest(body, { ...options, storeId: 'from-url' });
		expect(request.locationId).toBe('from-url');
		expect(request.destination.residential).toBe(true);
	});

	it.each([
		['an unknown weight unit', (b: Body) => Object.assign(item0(b), { weight: { units: 'stone', value: 1 } }), 'base_options.items[0].weight.units'],
		['a length unit outside in | cm', (b: Body) => Object.assign(item0(b), { width: { units: 'ft', value: 1 } }), 'base_options.items[0].width.units'],
		['a weight without units', (b: Body) => Object.assign(item0(b), { weight: { value: 1 } }), 'base_options.items[0].weight.units'],
		['a negative weight', (b: Body) => Object.assign(item0(b), { weight: { units: 'oz', value: -1 } }), 'base_options.items[0].weight.value'],
		['a price that is not a number', (b: Body) => Object.assign(item0(b), { discounted_price: { currency: 'USD', amount: 'ten' } }), 'base_options.items[0].discounted_price.amount'],
		['a zero quantity', (b: Body) => Object.assign(item0(b), { quantity: 0 }), 'base_options.items[0].quantity'],
		['a country that is not ISO alpha-2', (b: Body) => Object.assign(b.base_options.destination, { country_iso2: 'USA' }), 'base_options.destination.country_iso2'],
		['an unknown address type', (b: Body) => Object.assign(b.base_options.origin, { address_type: 'BOAT' }), 'base_options.origin.address_type'],
		['no items', (b: Body) => Object.assign(b.base_options, { items: [] }), 'base_options.items'],
		['no destination', (b: Body) => delete (b.base_options as Record<string, unknown>).destination, 'base_options.destination'],
		['no base_options', (b: Body) => delete (b as Record<string, unknown>).base_options, 'base_options'],
	])('refuses %s, naming the field', (_label, change, field) => {
		const body = copy();
		change(body);
		const error = parseErrorOf(() => parseBigCommerceRateRequest(body, options));
		expect(error.field).toBe(field);
		expect(error.message).toContain(field);
	});

	it('refuses item prices in different currencies, naming the second one', () => {
		const body = copy();
		body.base_options.items.push({ ...item0(body), discounted_price: { currency: 'EUR', amount: '5' } } as never);
		const error = parseErrorOf(() => parseBigCommerceRateRequest(body, options));
		expect(error.field).toBe('base_options.items[1].discounted_price.currency');
		expect(error.message).toMatch(/EUR differs from USD \(base_options\.items\[0\]\.discounted_price\.currency\)/);
	});

	it('refuses a body that is not a JSON object', () => {
		for (const body of ['not json', '[1]', 42, null]) {
			expect(() => parseBigCommerceRateRequest(body, options)).toThrow(/body must be a JSON object/);
		}
	});
});

describe('BigCommerce quote_id', () => {
	it('is the cart id and a hash, equal for equal requests in any key order, at most 50 characters', () => {
		const id = bigCommerceQuoteIdOf(fixture);
		expect(id).toMatch(/^8-[0-9a-f]{12}$/);
		const reordered = { rate_options: [], zone_options: fixture.zone_options, connection_options: fixture.connection_options, base_options: fixture.base_options };
		expect(bigCommerceQuoteIdOf(reordered)).toBe(id);
		const other = copy();
		other.base_options.destination.zip = '10001';
		expect(bigCommerceQuoteIdOf(other)).not.toBe(id);
		const longCart = copy();
		longCart.base_options.request_context.reference_values[0].value = 'c'.repeat(80);
		expect(bigCommerceQuoteIdOf(longCart).length).toBeLessThanOrEqual(50);
		const noCart = copy();
		noCart.base_options.request_context.reference_values = [];
		expect(bigCommerceQuoteIdOf(noCart)).toMatch(/^quote-[0-9a-f]{12}$/);
	});
});

describe('BigCommerce answer', () => {
	it('groups quotes by carrier in order of first appearance, amounts as numbers in major units', () => {
		const body = formatBigCommerceQuotes(
			[
				quote(),
				quote({ carrier: 'FedEx', serviceName: 'FedEx Ground', serviceCode: 'GND', amountMinor: 853, rateId: 'JnQ2MPqkAMX9cBsw0jyt551R' }),
				quote({ serviceName: 'USPS Priority Mail Express', serviceCode: 'usps_express', amountMinor: 2298, rateId: undefined }),
				quote({ carrier: 'FedEx', serviceName: 'FedEx 2 Day', serviceCode: '2DA', amountMinor: 1047, maxDeliveryDays: 2, rateId: 'Qwyg' }),
			],
			{ quoteId: 'sample_quote' },
		);
		expect(body.quote_id).toBe('sample_quote');
		expect(body.messages).toEqual([]);
		expect(body.carrier_quotes.map((group) => group.carrier_info)).toEqual([
			{ code: 'usps', display_name: 'USPS' },
			{ code: 'fedex', display_name: 'FedEx' },
		]);
		expect(body.carrier_quotes[0].quotes[0]).toEqual({
			code: 'usps_priority',
			rate_id: '9vcV1JfckPJZW2pjeNXcKP5y',
			display_name: 'USPS Priority Mail',
			cost: { currency: 'USD', amount: 6.35 },
			transit_time: { units: 'BUSINESS_DAYS', duration: 1 },
		});
		expect(body.carrier_quotes[1].quotes.map((q) => [q.code, q.cost.amount, q.transit_time?.duration])).toEqual([
			['GND', 8.53, 1],
			['2DA', 10.47, 2],
		]);
		// Without a carrier rate id: a stable id of carrier and service.
		const generated = body.carrier_quotes[0].quotes[1].rate_id;
		expect(generated).toMatch(/^[0-9a-f]{24}$/);
		expect(formatBigCommerceQuotes([quote({ rateId: undefined, serviceCode: 'usps_express' })]).carrier_quotes[0].quotes[0].rate_id).toBe(generated);
		expect(isBigCommerceRateAnswer(body)).toBe(true);
	});

	it("uses the currency's exponent (JPY 0, KWD 3)", () => {
		const body = formatBigCommerceQuotes([quote({ currency: 'JPY', amountMinor: 1200 }), quote({ carrier: 'DHL', currency: 'KWD', amountMinor: 1234 })]);
		expect(body.carrier_quotes.map((group) => group.quotes[0].cost)).toEqual([
			{ currency: 'JPY', amount: 1200 },
			{ currency: 'KWD', amount: 1.234 },
		]);
	});

	it('leaves transit_time out when unknown, outside 1–90 days, or turned off by the zone', () => {
		const [unknown, sameDay, slow] = formatBigCommerceQuotes([
			quote({ maxDeliveryDays: undefined }),
			quote({ serviceCode: 'a', maxDeliveryDays: 0 }),
			quote({ serviceCode: 'b', maxDeliveryDays: 120 }),
		]).carrier_quotes[0].quotes;
		for (const q of [unknown, sameDay, slow]) expect(q.transit_time).toBeUndefined();
		expect(formatBigCommerceQuotes([quote({ maxDeliveryDays: undefined, minDeliveryDays: 3 })]).carrier_quotes[0].quotes[0].transit_time).toEqual({
			units: 'BUSINESS_DAYS',
			duration: 3,
		});
		expect(formatBigCommerceQuotes([quote()], { showTransitTime: false }).carrier_quotes[0].quotes[0].transit_time).toBeUndefined();
	});

	it('slugs carrier names and answers an empty list with a quote id', () => {
		expect(bigCommerceCarrierCode('Royal Mail')).toBe('royal_mail');
		expect(bigCommerceCarrierCode('  Colissimo Été ')).toBe('colissimo_ete');
		expect(bigCommerceCarrierCode('***')).toBe('carrier');
		const empty = formatBigCommerceQuotes([]);
		expect(empty).toEqual({ quote_id: expect.stringMatching(/^quote-[0-9a-f]{12}$/), messages: [], carrier_quotes: [] });
		expect(formatBigCommerceQuotes([])).toEqual(empty);
	});

	it('tells an answer from other bodies', () => {
		expect(isBigCommerceRateAnswer({ rates: [] })).toBe(false);
		expect(isBigCommerceRateAnswer({ carrier_quotes: {} })).toBe(false);
		expect(isBigCommerceRateAnswer('{"carrier_quotes":[]}')).toBe(false);
	});

	it('formats an error as one ERROR message and no quotes, cut to 500 characters', () => {
		expect(formatBigCommerceError('Invalid connection options', { quoteId: 'q1' })).toEqual({
			quote_id: 'q1',
			messages: [{ text: 'Invalid connection options', type: 'ERROR' }],
			carrier_quotes: [],
		});
		expect(formatBigCommerceError('x'.repeat(600)).messages[0].text).toHaveLength(500);
		expect(formatBigCommerceError('boom').quote_id).toBe('error');
	});
});

describe('BigCommerce Check Connection Options', () => {
	it('reads the connection options of the documented request', () => {
		expect(parseBigCommerceConnectionCheck({ connection_options: { account_id: 'a1ty' } })).toEqual({ account_id: 'a1ty' });
		expect(parseBigCommerceConnectionCheck('{"connection_options":{}}')).toEqual({});
	});

	it('refuses a body without a connection_options object, naming the field', () => {
		for (const body of [{}, { connection_options: 'a1ty' }, { connection_options: [1] }]) {
			const error = parseErrorOf(() => parseBigCommerceConnectionCheck(body));
			expect(error.field).toBe('connection_options');
		}
	});

	it('answers { valid, messages } as documented', () => {
		const answer = formatBigCommerceConnectionCheck({ valid: false, messages: [{ text: 'Your account ID is invalid', type: 'ERROR' }] });
		expect(answer).toEqual({ valid: false, messages: [{ text: 'Your account ID is invalid', type: 'ERROR' }] });
		expect(isBigCommerceConnectionCheckAnswer(answer)).toBe(true);
		expect(isBigCommerceConnectionCheckAnswer({ valid: 'yes', messages: [] })).toBe(false);
		expect(isBigCommerceConnectionCheckAnswer({ valid: true })).toBe(false);
	});
});
