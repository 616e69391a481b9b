import fixture from '../../fixtures/highlevel-rate-request.json';
import { parseHighLevelRateRequest } from '../../../nodes/shared/dialects/highlevel';
import type { RateRequest } from '../../../nodes/shared/core';
import {
	ShippoMappingError,
	describeShippoMessages,
	filterQuotesByService,
	toRateQuote,
	toRateQuotes,
	toShippoAddress,
	toShippoDecimal,
	toShippoShipmentBody,
	validateShipmentBody,
} from '../../../nodes/shared/shippo/mapping';
import type { ShippoRate } from '../../../nodes/shared/shippo/mapping';

const cart = (): RateRequest => parseHighLevelRateRequest(fixture);

const withDimensions = (): RateRequest => {
	const request = cart();
	request.items[0].dimensions = { lengthMm: 100, widthMm: 50, heightMm: 20 };
	request.items[1].dimensions = { lengthMm: 150, widthMm: 200, heightMm: 80 };
	return request;
};

describe('toShippoShipmentBody (canonical RateRequest → POST /shipments)', () => {
	it('maps the documented HighLevel cart: 2 × 500 g + 1200 g + 150 g packaging = "2350" g, default box in cm', () => {
		const body = toShippoShipmentBody(cart(), { packagingGrams: 150 });
		expect(body).toEqual({
			address_from: {
				name: 'Store Owner Name',
				company: 'Store Name',
				street1: '123 Origin St',
				street2: 'Suite 100',
				city: 'Origin City',
				state: 'CA',
				zip: '90210',
				country: 'US',
				phone: '5551112222',
				email: 'store@example.com',
			},
			address_to: {
				name: 'Customer Name',
				street1: '456 Destination Ave',
				city: 'Destination City',
				state: 'NY',
				zip: '10001',
				country: 'US',
				phone: '5553334444',
				email: 'customer@example.com',
			},
			parcels: [
				{ length: '30', width: '20', height: '10', distance_unit: 'cm', weight: '2350', mass_unit: 'g' },
			],
			async: false,
		});
	});

	it('sends the cart weight without packaging as 2200 g and converts it, rounded up at 4 decimals', () => {
		const weight = (massUnit: 'g' | 'kg' | 'lb' | 'oz') =>
			(toShippoShipmentBody(cart(), { massUnit }).parcels[0] as { weight: string; mass_unit: string });
		expect(weight('g')).toMatchObject({ weight: '2200', mass_unit: 'g' });
		expect(weight('kg')).toMatchObject({ weight: '2.2', mass_unit: 'kg' });
		// 2200 / 453.59237 = 4.85016976… → 4.8502; 2200 / 28.349523125 = 77.6027162… → 77.6028
		expect(weight('lb')).toMatchObject({ weight: '4.8502', mass_unit: 'lb' });
		expect(weight('oz')).toMatchObject({ weight: '77.6028', mass_unit: 'oz' });
	});

	it('stacks the items’ own dimensions and converts millimetres to the distance unit', () => {
		// 2 × (100×50×20) + 1 × (200×150×80): 200 × 150 × (2·20 + 80) mm
		const cm = toShippoShipmentBody(withDimensions()).parcels[0];
		expect(cm).toMatchObject({ length: '20', width: '15', height: '12', distance_unit: 'cm' });
		const inches = toShippoShipmentBody(withDimensions(), { distanceUnit: 'in' }).parcels[0];
		// 200 / 25.4 = 7.87401… → 7.8741; 150 / 25.4 = 5.90551… → 5.9056; 120 / 25.4 = 4.72440… → 4.7245
		expect(inches).toMatchObject({ length: '7.8741', width: '5.9056', height: '4.7245', distance_unit: 'in' });
	});

	it('uses the default box (mm) when any line lacks dimensions', () => {
		const request = withDimensions();
		delete request.items[1].dimensions;
		const parcel = toShippoShipmentBody(request, {
			defaultBox: { lengthMm: 405, widthMm: 255, heightMm: 105 },
		}).parcels[0];
		expect(parcel).toMatchObject({ length: '40.5', width: '25.5', height: '10.5', distance_unit: 'cm' });
	});

	it('uses a carrier template token or a fixed box, with the weight from the items', () => {
		expect(
			toShippoShipmentBody(cart(), { parcel: { kind: 'carrierTemplate', token: 'USPS_SmallFlatRateBox' }, massUnit: 'oz' })
				.parcels,
		).toEqual([{ template: 'USPS_SmallFlatRateBox', weight: '77.6028', mass_unit: 'oz' }]);
		expect(
			toShippoShipmentBody(cart(), {
				parcel: { kind: 'box', length: 12, width: 8.5, height: 4, unit: 'in' },
				packagingGrams: 100,
			}).parcels,
		).toEqual([{ length: '12', width: '8.5', height: '4', distance_unit: 'in', weight: '2300', mass_unit: 'g' }]);
	});

	it('uses the origin override only when the request has no origin, and refuses neither', () => {
		const request = cart();
		const override = { country: 'CA', postalCode: 'M5V 2T6', city: 'Toronto' };
		expect(toShippoShipmentBody(request, { origin: override }).address_from).toMatchObject({ country: 'US' });
		delete request.origin;
		expect(toShippoShipmentBody(request, { origin: override }).address_from).toEqual({
			country: 'CA',
			zip: 'M5V 2T6',
			city: 'Toronto',
		});
		expect(() => toShippoShipmentBody(request)).toThrow(/^origin: /);
	});

	it('adds carrier accounts and metadata, and refuses metadata over 100 characters', () => {
		const body = toShippoShipmentBody(cart(), { carrierAccounts: ['acc_1', 'acc_2'], metadata: 'hl:loc:order' });
		expect(body.carrier_accounts).toEqual(['acc_1', 'acc_2']);
		expect(body.metadata).toBe('hl:loc:order');
		expect(() => toShippoShipmentBody(cart(), { metadata: 'x'.repeat(101) })).toThrow(/metadata/);
		expect(toShippoShipmentBody(cart(), { carrierAccounts: [] })).not.toHaveProperty('carrier_accounts');
	});

	it('refuses a weight Shippo cannot take (more than six digits before the point)', () => {
		const request = cart();
		request.items[0].unitWeightGrams = 600_000; // 1 201 200 g
		expect(() => toShippoShipmentBody(request)).toThrow(ShippoMappingError);
		expect(() => toShippoShipmentBody(request)).toThrow(/parcels\[0\]\.weight/);
		expect((toShippoShipmentBody(request, { massUnit: 'kg' }).parcels[0] as { weight: string }).weight).toBe('1201.2');
	});

	it('maps residential and drops empty fields in addresses', () => {
		expect(toShippoAddress({ country: 'DE', residential: true, name: undefined })).toEqual({
			country: 'DE',
			is_residential: true,
		});
	});
});

describe('toShippoDecimal', () => {
	it('rounds up at the 4th decimal and drops trailing zeros', () => {
		expect(toShippoDecimal(2200)).toBe('2200');
		expect(toShippoDecimal(1.23451)).toBe('1.2346');
		expect(toShippoDecimal(1.5)).toBe('1.5');
		expect(toShippoDecimal(0.00001)).toBe('0.0001');
		expect(() => toShippoDecimal(-1)).toThrow(ShippoMappingError);
		expect(() => toShippoDecimal(Number.NaN)).toThrow(ShippoMappingError);
	});
});

describe('validateShipmentBody', () => {
	it('names the failing field and keeps other spec fields', () => {
		expect(() =>
			validateShipmentBody({ address_from: { country: 'US' }, address_to: {}, parcels: ['prc_1'], async: false }),
		).toThrow(/address_to/);
		expect(() =>
			validateShipmentBody({
				address_from: 'adr_1',
				address_to: 'adr_2',
				parcels: [{ template: 'X', weight: 2, mass_unit: 'g' }],
				async: false,
			}),
		).toThrow(/parcels\[0\]/);
		expect(
			validateShipmentBody({ address_from: 'adr_1', address_to: 'adr_2', parcels: ['prc_1'], async: false, extra: { a: 1 } }),
		).toMatchObject({ extra: { a: 1 } });
	});
});

const rate = (overrides: Partial<ShippoRate> = {}): ShippoRate => ({
	object_id: 'rate_1',
	amount: '5.50',
	currency: 'USD',
	amount_local: '5.50',
	currency_local: 'USD',
	provider: 'USPS',
	servicelevel: { name: 'Ground Advantage', token: 'usps_ground_advantage' },
	estimated_days: 5,
	...overrides,
});

describe('toRateQuote (Shippo Rate → canonical RateQuote)', () => {
	it('maps "5.50" USD to 550 minor units and the service, carrier, days and rate id', () => {
		expect(toRateQuote(rate())).toEqual({
			carrier: 'USPS',
			serviceName: 'Ground Advantage',
			serviceCode: 'usps_ground_advantage',
			amountMinor: 550,
			currency: 'USD',
			minDeliveryDays: 5,
			maxDeliveryDays: 5,
			rateId: 'rate_1',
			source: 'shippo',
		});
	});

	it('uses the currency’s own minor unit and avoids float error', () => {
		expect(toRateQuote(rate({ amount: '1200', currency: 'JPY' })).amountMinor).toBe(1200);
		expect(toRateQuote(rate({ amount: '12.345', currency: 'KWD' })).amountMinor).toBe(12345);
		expect(toRateQuote(rate({ amount: '0.29' })).amountMinor).toBe(29);
		expect(toRateQuote(rate({ amount: '10' })).amountMinor).toBe(1000);
	});

	it('uses amount_local when only the local currency matches the wanted one', () => {
		const cad = rate({ amount: '10.00', currency: 'USD', amount_local: '13.70', currency_local: 'CAD' });
		expect(toRateQuote(cad, { preferCurrency: 'CAD' })).toMatchObject({ amountMinor: 1370, currency: 'CAD' });
		expect(toRateQuote(cad, { preferCurrency: 'USD' })).toMatchObject({ amountMinor: 1000, currency: 'USD' });
		expect(toRateQuote(cad, { preferCurrency: 'EUR' })).toMatchObject({ amountMinor: 1000, currency: 'USD' });
	});

	it('leaves the days out when Shippo has no estimate and falls back to the token as name', () => {
		const quote = toRateQuote(rate({ estimated_days: null, servicelevel: { name: '', token: 'ups_ground' } }));
		expect(quote).not.toHaveProperty('minDeliveryDays');
		expect(quote).not.toHaveProperty('maxDeliveryDays');
		expect(quote.serviceName).toBe('ups_ground');
	});

	it('throws naming the field for an unusable rate', () => {
		expect(() => toRateQuote(rate({ amount: 'abc' }))).toThrow(/amount/);
		expect(() => toRateQuote(rate({ provider: undefined }))).toThrow(/carrier/);
		expect(() => toRateQuote(rate({ servicelevel: { name: 'X' } }))).toThrow(/serviceCode/);
	});
});

describe('toRateQuotes', () => {
	it('keeps the good rates and reports the skipped ones', () => {
		const result = toRateQuotes([rate(), rate({ object_id: 'rate_bad', amount: 'n/a' })]);
		expect(result.quotes.map((quote) => quote.rateId)).toEqual(['rate_1']);
		expect(result.errors).toEqual([expect.stringContaining('rate_bad')]);
		expect(toRateQuotes(undefined)).toEqual({ quotes: [], errors: [] });
	});
});

describe('describeShippoMessages / filterQuotesByService', () => {
	it('formats messages with their source and code', () => {
		expect(
			describeShippoMessages([
				{ source: 'UPS', code: 'carrier_account_invalid', text: 'Account not connected' },
				{ text: 'Address could not be validated' },
				{ source: 'USPS', code: '', text: '' },
			]),
		).toEqual(['UPS: Account not connected (carrier_account_invalid)', 'Address could not be validated']);
	});

	it('keeps only allowed service codes (case-insensitive); empty keeps all', () => {
		const quotes = toRateQuotes([
			rate(),
			rate({ object_id: 'rate_2', servicelevel: { name: 'Priority', token: 'usps_priority' } }),
		]).quotes;
		expect(filterQuotesByService(quotes, ['USPS_PRIORITY']).map((q) => q.rateId)).toEqual(['rate_2']);
		expect(filterQuotesByService(quotes, [])).toHaveLength(2);
	});
});

interface SpecValidator {
	match(method: string, path: string): { route: unknown };
	validate(
		route: unknown,
		request: { pathParams: object; query: object; headers: object; body: unknown; rawBody: string; contentType: string },
	): { errors: Array<{ field: string; message: string }> };
}

describe('against the Shippo OpenAPI spec (CreateShipment request body)', () => {
	const { OpenApiValidator, specsDir } = jest.requireActual<{
		OpenApiValidator: new (options: { file: string; overlay?: unknown }) => SpecValidator;
		specsDir: () => string;
	}>('../../standins/openapi');
	const { shippoOverlay } = jest.requireActual<{ shippoOverlay: unknown }>('../../standins/overlays');
	const validator = new OpenApiValidator({
		file: `${specsDir()}/shippo/public-api.yaml`,
		overlay: shippoOverlay,
	});
	const errorsOf = (body: unknown) => {
		const { route } = validator.match('POST', '/shipments');
		return validator.validate(route, {
			pathParams: {},
			query: {},
			headers: { authorization: 'ShippoToken shippo_test_token' },
			body,
			rawBody: JSON.stringify(body),
			contentType: 'application/json',
		}).errors;
	};

	it('accepts every body shape the adapter builds', () => {
		expect(errorsOf(toShippoShipmentBody(cart(), { packagingGrams: 150, metadata: 'hl:loc:1' }))).toEqual([]);
		expect(errorsOf(toShippoShipmentBody(withDimensions(), { massUnit: 'lb', distanceUnit: 'in' }))).toEqual([]);
		expect(
			errorsOf(toShippoShipmentBody(cart(), { parcel: { kind: 'carrierTemplate', token: 'USPS_SmallFlatRateBox' } })),
		).toEqual([]);
	});

	it('would refuse a numeric weight (the check is real)', () => {
		const body = toShippoShipmentBody(cart());
		const numeric = { ...body, parcels: [{ ...(body.parcels[0] as object), weight: 2200 }] };
		expect(errorsOf(numeric)).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'parcels.0.weight' })]));
	});
});
