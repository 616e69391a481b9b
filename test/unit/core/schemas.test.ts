import {
	RateQuoteSchema,
	RateRequestSchema,
	describeZodError,
	orderValueMinor,
	totalWeightGrams,
	type RateRequest,
} from '../../../nodes/shared/core/schemas';

/** Loosely typed JSON, so tests can break values freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** The canonical form of test/fixtures/highlevel-rate-request.json (2 × $25.00 at 500 g, 1 × $100.00 at 1200 g). */
function validRequest(): Loose {
	return {
		locationId: 'LOCATION_ID_HERE',
		origin: {
			name: 'Store Owner Name',
			street1: '123 Origin St',
			city: 'Origin City',
			postalCode: '90210',
			country: 'US',
		},
		destination: {
			name: 'Customer Name',
			street1: '456 Destination Ave',
			city: 'Destination City',
			state: 'NY',
			postalCode: '10001',
			country: 'US',
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
	};
}

function validQuote(): Loose {
	return {
		carrier: 'USPS',
		serviceName: 'Priority Mail',
		serviceCode: 'usps_priority',
		amountMinor: 1550,
		currency: 'USD',
		minDeliveryDays: 1,
		maxDeliveryDays: 3,
		rateId: 'rate_123',
		source: 'shippo',
	};
}

/** Parses and returns the one-line error description, failing the test when parsing succeeds. */
function errorOf(
	schema: typeof RateRequestSchema | typeof RateQuoteSchema,
	value: unknown,
): string {
	const result = schema.safeParse(value);
	if (result.success) throw new Error('expected the value to be rejected');
	return describeZodError(result.error);
}

describe('RateRequestSchema', () => {
	it('accepts a valid request unchanged', () => {
		const result = RateRequestSchema.safeParse(validRequest());
		expect(result.success).toBe(true);
		expect(result.success && result.data).toEqual(validRequest());
	});

	it('upper-cases and trims country and currency, trims text', () => {
		const input = validRequest();
		input.destination.country = ' us ';
		input.currency = 'usd';
		input.destination.city = '  Destination City  ';
		const parsed = RateRequestSchema.parse(input);
		expect(parsed.destination.country).toBe('US');
		expect(parsed.currency).toBe('USD');
		expect(parsed.destination.city).toBe('Destination City');
	});

	it('accepts items with dimensions and no origin', () => {
		const input = validRequest();
		delete input.origin;
		input.items[0].dimensions = { lengthMm: 300, widthMm: 200, heightMm: 50 };
		expect(RateRequestSchema.safeParse(input).success).toBe(true);
	});

	it.each<[string, (r: Loose) => void, string]>([
		[
			'a three-letter country',
			(r) => (r.destination.country = 'USA'),
			'destination.country: country must be an ISO 3166-1 alpha-2 code',
		],
		[
			'a numeric country',
			(r) => (r.destination.country = '12'),
			'destination.country: country must be an ISO 3166-1 alpha-2 code',
		],
		[
			'an origin country of one letter',
			(r) => (r.origin.country = 'U'),
			'origin.country: country must be an ISO 3166-1 alpha-2 code',
		],
		[
			'a two-letter currency',
			(r) => (r.currency = 'US'),
			'currency: currency must be an ISO 4217 code',
		],
		['quantity 0', (r) => (r.items[0].quantity = 0), 'items[0].quantity:'],
		['a fractional quantity', (r) => (r.items[1].quantity = 1.5), 'items[1].quantity:'],
		['a negative weight', (r) => (r.items[0].unitWeightGrams = -1), 'items[0].unitWeightGrams:'],
		[
			'a fractional price in minor units',
			(r) => (r.items[0].unitPriceMinor = 2500.5),
			'items[0].unitPriceMinor:',
		],
		['a negative price', (r) => (r.items[1].unitPriceMinor = -1), 'items[1].unitPriceMinor:'],
		[
			'a zero dimension',
			(r) => (r.items[0].dimensions = { lengthMm: 0, widthMm: 1, heightMm: 1 }),
			'items[0].dimensions.lengthMm:',
		],
		['empty items', (r) => (r.items = []), 'items: items must hold at least one line'],
		['no destination', (r) => delete r.destination, 'destination:'],
		['a destination without country', (r) => delete r.destination.country, 'destination.country:'],
	])('rejects %s, naming the field', (_label, mutate, expected) => {
		const input = validRequest();
		mutate(input);
		expect(errorOf(RateRequestSchema, input)).toContain(expected);
	});

	it('describes every failing field, separated by semicolons', () => {
		const input = validRequest();
		input.destination.country = 'USA';
		input.items[0].quantity = 0;
		const text = errorOf(RateRequestSchema, input);
		expect(text.split('; ')).toHaveLength(2);
		expect(text).toMatch(/^destination\.country: .+; items\[0\]\.quantity: .+$/);
	});

	it('names the root when the value is not an object', () => {
		expect(errorOf(RateRequestSchema, null)).toMatch(/^\(root\): /);
	});
});

describe('RateQuoteSchema', () => {
	it('accepts a valid quote and upper-cases the currency', () => {
		const parsed = RateQuoteSchema.parse({ ...validQuote(), currency: 'usd' });
		expect(parsed).toEqual({ ...validQuote(), currency: 'USD' });
	});

	it('accepts a quote with only the required fields', () => {
		const { carrier, serviceName, serviceCode, amountMinor, currency } = validQuote();
		expect(
			RateQuoteSchema.safeParse({ carrier, serviceName, serviceCode, amountMinor, currency })
				.success,
		).toBe(true);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['an empty service name', { serviceName: '' }, 'serviceName:'],
		['a blank carrier', { carrier: '   ' }, 'carrier:'],
		['a missing service code', { serviceCode: undefined }, 'serviceCode:'],
		['a fractional amount', { amountMinor: 15.5 }, 'amountMinor:'],
		['an amount as a string', { amountMinor: '1550' }, 'amountMinor:'],
		[
			'a lowercase non-ISO currency',
			{ currency: 'dollars' },
			'currency: currency must be an ISO 4217 code',
		],
		['negative delivery days', { minDeliveryDays: -1 }, 'minDeliveryDays:'],
		['fractional delivery days', { maxDeliveryDays: 2.5 }, 'maxDeliveryDays:'],
	])('rejects %s, naming the field', (_label, patch, expected) => {
		expect(errorOf(RateQuoteSchema, { ...validQuote(), ...patch })).toContain(expected);
	});
});

describe('cart totals', () => {
	it('orderValueMinor of the fixture is 2 × 2500 + 10000 = 15000', () => {
		expect(orderValueMinor(validRequest() as RateRequest)).toBe(15000);
	});

	it('totalWeightGrams of the fixture is 2 × 500 + 1200 = 2200', () => {
		expect(totalWeightGrams(validRequest() as RateRequest)).toBe(2200);
	});

	it('counts quantity for every line', () => {
		const items = [
			{ quantity: 3, unitWeightGrams: 100.5, unitPriceMinor: 999 },
			{ quantity: 1, unitWeightGrams: 0, unitPriceMinor: 1 },
		] as RateRequest['items'];
		expect(orderValueMinor({ items })).toBe(2998);
		expect(totalWeightGrams({ items })).toBe(301.5);
		expect(orderValueMinor({ items: [] })).toBe(0);
	});
});
