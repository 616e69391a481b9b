import {
	RateRequestParseError,
	formatHighLevelRates,
	parseHighLevelRateRequest,
} from '../../../nodes/shared/dialects/highlevel';
import { orderValueMinor, totalWeightGrams, type RateQuote } from '../../../nodes/shared/core';
import fixtureJson from '../../fixtures/highlevel-rate-request.json';

/** Loosely typed JSON, so tests can reshape bodies freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const fixtureText = JSON.stringify(fixtureJson);
/** A fresh copy of HighLevel's documented callback body (guide §3). */
const fixture = (): { rate: Loose } => JSON.parse(fixtureText);

/** A minimal body in the documented shape, without the `rate` wrapper. */
function minimal(): Loose {
	return {
		destination: {
			address1: '456 Destination Ave',
			city: 'Destination City',
			zip: '10001',
			country: 'US',
		},
		items: [{ name: 'Product A', quantity: 1, grams: 500, unitPrice: 25 }],
		currency: 'USD',
	};
}

/** Runs the parser and returns the RateRequestParseError it throws (fails if it does not). */
function parseError(body: unknown): RateRequestParseError {
	try {
		parseHighLevelRateRequest(body);
	} catch (error) {
		expect(error).toBeInstanceOf(RateRequestParseError);
		return error as RateRequestParseError;
	}
	throw new Error('expected parseHighLevelRateRequest to throw');
}

describe('parseHighLevelRateRequest: the documented example', () => {
	it('maps every field onto the canonical request', () => {
		const request = parseHighLevelRateRequest(fixture());
		expect(request).toEqual({
			locationId: 'LOCATION_ID_HERE',
			origin: {
				name: 'Store Owner Name',
				company: 'Store Name',
				street1: '123 Origin St',
				street2: 'Suite 100',
				city: 'Origin City',
				state: 'CA',
				postalCode: '90210',
				country: 'US',
				phone: '5551112222',
				email: 'store@example.com',
			},
			destination: {
				name: 'Customer Name',
				street1: '456 Destination Ave',
				city: 'Destination City',
				state: 'NY',
				postalCode: '10001',
				country: 'US',
				phone: '5553334444',
				email: 'customer@example.com',
			},
			items: [
				{
					name: 'Product A',
					sku: 'SKU123',
					quantity: 2,
					unitWeightGrams: 500,
					unitPriceMinor: 2500,
					productId: 'HL_PRODUCT_ID_1',
					priceId: 'HL_PRICE_ID_1',
				},
				{
					name: 'Product B',
					sku: 'SKU456',
					quantity: 1,
					unitWeightGrams: 1200,
					unitPriceMinor: 10000,
					productId: 'HL_PRODUCT_ID_2',
					priceId: 'HL_PRICE_ID_2',
				},
			],
			currency: 'USD',
		});
	});

	it('treats null fields (destination companyName, address2) as absent', () => {
		const { destination } = parseHighLevelRateRequest(fixture());
		expect(destination.company).toBeUndefined();
		expect(destination.street2).toBeUndefined();
		expect(parseHighLevelRateRequest(fixture()).items[0].dimensions).toBeUndefined();
	});

	it('yields the cart totals 15000 minor units and 2200 g', () => {
		const request = parseHighLevelRateRequest(fixture());
		expect(orderValueMinor(request)).toBe(15000);
		expect(totalWeightGrams(request)).toBe(2200);
	});

	it('parses the same body given as a JSON string', () => {
		expect(parseHighLevelRateRequest(fixtureText)).toEqual(parseHighLevelRateRequest(fixture()));
	});
});

describe('parseHighLevelRateRequest: tolerance', () => {
	it('accepts a body without the rate wrapper', () => {
		const wrapped = parseHighLevelRateRequest(fixture());
		const { rate } = fixture();
		expect(parseHighLevelRateRequest(rate)).toEqual(wrapped);
	});

	it('reads locationId from the root when the rate wrapper lacks altId', () => {
		const body = fixture();
		delete body.rate.altId;
		expect(parseHighLevelRateRequest({ ...body, locationId: 'LOC_ROOT' }).locationId).toBe(
			'LOC_ROOT',
		);
		expect(parseHighLevelRateRequest(body).locationId).toBeUndefined();
	});

	it.each([
		['addressLine1', 'addressLine2', 'postalCode'],
		['street1', 'street2', 'postal_code'],
		['street', 'line2', 'zipCode'],
	])('reads %s / %s / %s', (line1, line2, zip) => {
		const body = minimal();
		body.destination = {
			[line1]: '1 Main St',
			[line2]: 'Apt 2',
			city: 'Austin',
			province: 'TX',
			[zip]: '78701',
			countryCode: 'us',
		};
		expect(parseHighLevelRateRequest(body).destination).toEqual({
			street1: '1 Main St',
			street2: 'Apt 2',
			city: 'Austin',
			state: 'TX',
			postalCode: '78701',
			country: 'US',
		});
	});

	it('reads a numeric postal code as text', () => {
		const body = minimal();
		body.destination.zip = 10001;
		expect(parseHighLevelRateRequest(body).destination.postalCode).toBe('10001');
	});

	it('accepts numeric strings for quantity, grams and prices', () => {
		const body = minimal();
		body.items = [{ quantity: '2', grams: '500', unitPrice: '25.00' }];
		expect(parseHighLevelRateRequest(body).items[0]).toEqual({
			quantity: 2,
			unitWeightGrams: 500,
			unitPriceMinor: 2500,
		});
	});

	it('reads prices exactly ("0.29" → 29, 15.5 → 1550)', () => {
		const body = minimal();
		body.items = [
			{ quantity: 1, grams: 1, unitPrice: '0.29' },
			{ quantity: 1, grams: 1, unitPrice: 15.5 },
		];
		expect(parseHighLevelRateRequest(body).items.map((i) => i.unitPriceMinor)).toEqual([29, 1550]);
	});

	it('reads weight with weightUnit', () => {
		const body = minimal();
		body.items = [
			{ quantity: 1, weight: 1, weightUnit: 'lb', unitPrice: 1 },
			{ quantity: 1, weight: '16', weight_unit: 'oz', unitPrice: 1 },
			{ quantity: 1, weight: 2.5, unit: 'kg', unitPrice: 1 },
			{ quantity: 1, weight: 300, unitPrice: 1 }, // grams by default
		];
		const weights = parseHighLevelRateRequest(body).items.map((i) => i.unitWeightGrams);
		expect(weights[0]).toBeCloseTo(453.59237, 9);
		expect(weights[1]).toBeCloseTo(453.59237, 9);
		expect(weights[2]).toBe(2500);
		expect(weights[3]).toBe(300);
	});

	it('prefers grams over weight', () => {
		const body = minimal();
		body.items = [{ quantity: 1, grams: 200, weight: 5, weightUnit: 'kg', unitPrice: 1 }];
		expect(parseHighLevelRateRequest(body).items[0].unitWeightGrams).toBe(200);
	});

	it('weighs an item without any weight as 0 g', () => {
		const body = minimal();
		body.items = [{ quantity: 1, unitPrice: 1 }];
		expect(parseHighLevelRateRequest(body).items[0].unitWeightGrams).toBe(0);
	});

	it('derives the unit price from totalPrice when unitPrice is missing', () => {
		const body = minimal();
		body.items = [
			{ quantity: 2, grams: 500, totalPrice: '50.00' },
			{ quantity: 3, grams: 500, totalPrice: 10 }, // 1000 / 3 → 333
			{ quantity: 3, grams: 500, totalPrice: 20 }, // 2000 / 3 → 667
		];
		expect(parseHighLevelRateRequest(body).items.map((i) => i.unitPriceMinor)).toEqual([
			2500, 333, 667,
		]);
	});

	it('defaults quantity to 1 and price to 0', () => {
		const body = minimal();
		body.items = [{ grams: 100 }];
		expect(parseHighLevelRateRequest(body).items[0]).toEqual({
			quantity: 1,
			unitWeightGrams: 100,
			unitPriceMinor: 0,
		});
	});

	it('reads dimensions in cm by default, or in the given unit', () => {
		const body = minimal();
		body.items = [
			{ quantity: 1, grams: 1, unitPrice: 1, length: 30, width: '20', height: 10 },
			{ quantity: 1, grams: 1, unitPrice: 1, length: 10, width: 5, height: 1, dimensionUnit: 'in' },
			{ quantity: 1, grams: 1, unitPrice: 1, length: 10, width: 5 }, // incomplete: ignored
		];
		const [cm, inches, incomplete] = parseHighLevelRateRequest(body).items;
		expect(cm.dimensions).toEqual({ lengthMm: 300, widthMm: 200, heightMm: 100 });
		expect(inches.dimensions?.lengthMm).toBeCloseTo(254, 9);
		expect(inches.dimensions?.widthMm).toBeCloseTo(127, 9);
		expect(inches.dimensions?.heightMm).toBeCloseTo(25.4, 9);
		expect(incomplete.dimensions).toBeUndefined();
	});

	it('accepts lineItems and snake_case ids', () => {
		const body = minimal();
		delete body.items;
		body.lineItems = [
			{ title: 'Mug', quantity: 1, grams: 350, unit_price: '12.00', product_id: 'P1', variant_id: 'V1' },
		];
		expect(parseHighLevelRateRequest(body).items[0]).toEqual({
			name: 'Mug',
			quantity: 1,
			unitWeightGrams: 350,
			unitPriceMinor: 1200,
			productId: 'P1',
			priceId: 'V1',
		});
	});

	it('does not read an ambiguous "price" key (Shopify sends whole cents there)', () => {
		const body = minimal();
		body.items = [{ quantity: 1, grams: 350, price: 1200 }];
		expect(parseHighLevelRateRequest(body).items[0].unitPriceMinor).toBe(0);
	});

	it('upper-cases the currency and uses the default currency when none is given', () => {
		const lower = minimal();
		lower.currency = 'eur';
		expect(parseHighLevelRateRequest(lower).currency).toBe('EUR');

		const none = minimal();
		delete none.currency;
		expect(parseHighLevelRateRequest(none).currency).toBe('USD');
		expect(parseHighLevelRateRequest(none, 'CAD').currency).toBe('CAD');
	});

	it('converts prices with the currency exponent (JPY 0, KWD 3)', () => {
		const jpy = minimal();
		jpy.currency = 'JPY';
		jpy.items[0].unitPrice = 2500;
		expect(parseHighLevelRateRequest(jpy).items[0].unitPriceMinor).toBe(2500);

		const kwd = minimal();
		kwd.currency = 'KWD';
		kwd.items[0].unitPrice = '1.234';
		expect(parseHighLevelRateRequest(kwd).items[0].unitPriceMinor).toBe(1234);
	});

	it('leaves origin out when the body has none', () => {
		expect(parseHighLevelRateRequest(minimal()).origin).toBeUndefined();
	});
});

describe('parseHighLevelRateRequest: errors name the field', () => {
	it('empty items → items', () => {
		const body = fixture();
		body.rate.items = [];
		expect(parseError(body).field).toBe('items');
	});

	it('no items → items', () => {
		const body = minimal();
		delete body.items;
		expect(parseError(body).field).toBe('items');
	});

	it('no destination → destination', () => {
		const body = minimal();
		delete body.destination;
		expect(parseError(body).field).toBe('destination');
	});

	it('destination without country → destination.country', () => {
		const body = fixture();
		delete body.rate.destination.country;
		const error = parseError(body);
		expect(error.field).toBe('destination.country');
		expect(error.message).toBe('destination.country is required');
	});

	it('origin without country → origin.country', () => {
		const body = fixture();
		body.rate.origin.country = null;
		expect(parseError(body).field).toBe('origin.country');
	});

	it('items[0].quantity "abc"', () => {
		const body = fixture();
		body.rate.items[0].quantity = 'abc';
		const error = parseError(body);
		expect(error.field).toBe('items[0].quantity');
		expect(error.message).toContain('"abc"');
	});

	it('items[1].unitPrice "x"', () => {
		const body = fixture();
		body.rate.items[1].unitPrice = 'x';
		const error = parseError(body);
		expect(error.field).toBe('items[1].unitPrice');
		expect(error.message).toMatch(/^items\[1\]\.unitPrice: /);
	});

	it('items[0].totalPrice "x" when unitPrice is missing', () => {
		const body = minimal();
		body.items = [{ quantity: 1, totalPrice: 'x' }];
		expect(parseError(body).field).toBe('items[0].totalPrice');
	});

	it('items[0].grams and items[0].weight not numeric', () => {
		const grams = minimal();
		grams.items[0].grams = 'heavy';
		expect(parseError(grams).field).toBe('items[0].grams');

		const weight = minimal();
		weight.items = [{ quantity: 1, weight: true, weightUnit: 'kg' }];
		expect(parseError(weight).field).toBe('items[0].weight');
	});

	it('items[0].height not numeric', () => {
		const body = minimal();
		Object.assign(body.items[0], { length: 1, width: 1, height: 'tall' });
		expect(parseError(body).field).toBe('items[0].height');
	});

	it('an item that is not an object → items[1]', () => {
		const body = minimal();
		body.items.push('SKU456');
		expect(parseError(body).field).toBe('items[1]');
	});

	it('an unknown weight unit → items[0].weightUnit', () => {
		const body = minimal();
		body.items = [{ quantity: 1, weight: 2, weightUnit: 'stone', unitPrice: 1 }];
		const error = parseError(body);
		expect(error.field).toBe('items[0].weightUnit');
		expect(error.message).toContain('"stone"');
	});

	it('an unknown dimension unit → items[0].dimensionUnit', () => {
		const body = minimal();
		Object.assign(body.items[0], { length: 1, width: 1, height: 1, dimensionUnit: 'cubits' });
		const error = parseError(body);
		expect(error.field).toBe('items[0].dimensionUnit');
		expect(error.message).toContain('"cubits"');
	});

	it('an invalid currency → currency', () => {
		const body = minimal();
		body.currency = 'US';
		expect(parseError(body).field).toBe('currency');
	});

	it('a schema failure after mapping (country "USA", quantity 0, negative grams) names the zod path', () => {
		const country = minimal();
		country.destination.country = 'USA';
		const countryError = parseError(country);
		expect(countryError.field).toBe('destination.country');
		expect(countryError.message).toBe(
			'destination.country: country must be an ISO 3166-1 alpha-2 code',
		);

		const quantity = minimal();
		quantity.items[0].quantity = 0;
		expect(parseError(quantity).field).toBe('items[0].quantity');

		const grams = minimal();
		grams.items[0].grams = -5;
		expect(parseError(grams).field).toBe('items[0].unitWeightGrams');
	});

	it('a body that is not JSON', () => {
		const error = parseError('{"rate": ');
		expect(error.message).toBe('body must be JSON');
		expect(error.field).toBeUndefined();
	});

	it.each<[string, unknown]>([
		['an array', [fixture()]],
		['an array as JSON text', '[]'],
		['null', null],
		['a number', 42],
		['a JSON string literal', '"hello"'],
	])('a body that is %s', (_label, body) => {
		const error = parseError(body);
		expect(error.message).toBe('body must be a JSON object');
		expect(error.field).toBeUndefined();
	});

	it('is an Error with its own name', () => {
		const error = parseError([]);
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('RateRequestParseError');
	});
});

describe('formatHighLevelRates', () => {
	const base: RateQuote = {
		carrier: 'USPS',
		serviceName: 'Standard Ground',
		serviceCode: 'usps_ground',
		amountMinor: 1550,
		currency: 'USD',
	};

	it('answers the documented shape with decimal amounts', () => {
		expect(
			formatHighLevelRates([
				{ ...base, minDeliveryDays: 3, maxDeliveryDays: 5 },
				{
					...base,
					serviceName: 'Express Overnight',
					serviceCode: 'usps_express',
					amountMinor: 4500,
					maxDeliveryDays: 1,
				},
			]),
		).toEqual({
			rates: [
				{
					serviceName: 'Standard Ground',
					amount: 15.5,
					currency: 'USD',
					estimatedDays: 5,
					serviceCode: 'usps_ground',
				},
				{
					serviceName: 'Express Overnight',
					amount: 45,
					currency: 'USD',
					estimatedDays: 1,
					serviceCode: 'usps_express',
				},
			],
		});
	});

	it('uses min days when max days are unknown', () => {
		expect(formatHighLevelRates([{ ...base, minDeliveryDays: 2 }]).rates[0].estimatedDays).toBe(2);
	});

	it('keeps 0 days', () => {
		expect(formatHighLevelRates([{ ...base, maxDeliveryDays: 0 }]).rates[0].estimatedDays).toBe(0);
	});

	it('omits estimatedDays when unknown', () => {
		const [rate] = formatHighLevelRates([base]).rates;
		expect(Object.keys(rate)).not.toContain('estimatedDays');
		expect(rate).toEqual({
			serviceName: 'Standard Ground',
			amount: 15.5,
			currency: 'USD',
			serviceCode: 'usps_ground',
		});
	});

	it('converts by the currency exponent', () => {
		const rates = formatHighLevelRates([
			{ ...base, amountMinor: 5 },
			{ ...base, amountMinor: 0 },
			{ ...base, amountMinor: 1500, currency: 'JPY' },
			{ ...base, amountMinor: 1234, currency: 'KWD' },
		]).rates;
		expect(rates.map((r) => [r.amount, r.currency])).toEqual([
			[0.05, 'USD'],
			[0, 'USD'],
			[1500, 'JPY'],
			[1.234, 'KWD'],
		]);
	});

	it('keeps the order and answers an empty list as { rates: [] }', () => {
		const codes = formatHighLevelRates([
			{ ...base, serviceCode: 'b' },
			{ ...base, serviceCode: 'a' },
		]).rates.map((r) => r.serviceCode);
		expect(codes).toEqual(['b', 'a']);
		expect(formatHighLevelRates([])).toEqual({ rates: [] });
	});
});
