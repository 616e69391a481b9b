/**
 * The Carrier-Service-shaped rate request that store platforms POST to a live-rate provider at
 * checkout (HighLevel's shipping-carrier callback, LaunchMyStore's live rate providers): a `rate`
 * object (the wrapper is optional) with `origin`, `destination`, `items` and `currency`. Parsed
 * tolerantly into the canonical rate request, as the platforms' own pages disagree on names:
 * addresses may use `address1|addressLine1|street1|street`, `address2|addressLine2|street2`,
 * `zip|postalCode|postal_code`, `state|province`, `country|countryCode|country_code`; item weight
 * is `grams` (per unit) or `weight` + `weightUnit`; the unit price is one of `unitPriceKeys` (major
 * units) or `totalPrice` / quantity; money and numbers may be numbers or numeric strings.
 *
 * Sources: HighLevel Custom Shipping Carrier Integration Guide §3 (help.gohighlevel.com article
 * 155000004995); LaunchMyStore developer documentation, "Live Rate Providers" §2.
 */
import type { RateRequest } from '../core';
import {
	RateRequestSchema,
	describeZodError,
	fieldPath,
	parseLengthUnit,
	parseWeightUnit,
	toGrams,
	toMillimetres,
	toMinorUnits,
} from '../core';
import { RateRequestParseError } from '../liveRates/platform';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function pick(source: Json, keys: readonly string[]): unknown {
	for (const key of keys) {
		const value = source[key];
		if (value !== undefined && value !== null && value !== '') return value;
	}
	return undefined;
}

function text(source: Json, keys: readonly string[]): string | undefined {
	const value = pick(source, keys);
	if (value === undefined) return undefined;
	return typeof value === 'string' ? value : String(value);
}

function num(value: unknown, field: string): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) {
		throw new RateRequestParseError(`${field} must be a number, got ${JSON.stringify(value)}`, field);
	}
	return n;
}

function parseAddress(value: unknown, field: string) {
	if (!isObject(value)) return undefined;
	return {
		name: text(value, ['name', 'fullName', 'contactName']),
		company: text(value, ['companyName', 'company', 'company_name']),
		street1: text(value, ['address1', 'addressLine1', 'street1', 'street', 'line1', 'address']),
		street2: text(value, ['address2', 'addressLine2', 'street2', 'line2']),
		city: text(value, ['city']),
		state: text(value, ['state', 'province', 'stateCode', 'province_code']),
		postalCode: text(value, ['zip', 'postalCode', 'postal_code', 'zipCode', 'postcode']),
		country: text(value, ['country', 'countryCode', 'country_code']) ?? missing(`${field}.country`),
		phone: text(value, ['phone']),
		email: text(value, ['email']),
	};
}

function parseJson(text: string): unknown {
	let parsed: unknown;
	let ok = true;
	try {
		parsed = JSON.parse(text);
	} catch {
		ok = false;
	}
	if (!ok) throw new RateRequestParseError('body must be JSON');
	return parsed;
}

/** Decimal money (number or numeric string) → minor units, naming the field on failure. */
function money(value: unknown, currency: string, field: string): number {
	const amount = typeof value === 'number' || typeof value === 'string' ? value : NaN;
	let minor: number | undefined;
	let reason = '';
	try {
		minor = toMinorUnits(amount, currency);
	} catch (error) {
		reason = (error as Error).message;
	}
	if (minor === undefined) throw new RateRequestParseError(`${field}: ${reason}`, field);
	return minor;
}

function missing(field: string): never {
	throw new RateRequestParseError(`${field} is required`, field);
}

/** Parses a unit name (weight or length), naming the field on failure. */
function unitOf<T>(parse: (unit: string) => T, unit: string, field: string): T {
	let parsed: T | undefined;
	let reason = '';
	try {
		parsed = parse(unit);
	} catch (error) {
		reason = (error as Error).message;
	}
	if (parsed === undefined) throw new RateRequestParseError(`${field}: ${reason}`, field);
	return parsed;
}

/** How one platform's body differs from the common shape. */
export interface CarrierServiceOptions {
	/** Currency when the body names none (ISO 4217). */
	defaultCurrency: string;
	/** Keys, in `rate` and then at the top level, that name the store (location) the cart belongs to. */
	storeIdKeys: readonly string[];
	/** Keys of an item's unit price in major units, first match wins. */
	unitPriceKeys: readonly string[];
}

/**
 * Parses a Carrier-Service-shaped body (object or JSON string) into a canonical rate request.
 * Throws RateRequestParseError naming the field.
 */
export function parseCarrierServiceRequest(body: unknown, options: CarrierServiceOptions): RateRequest {
	const { defaultCurrency } = options;
	const root: unknown = typeof body === 'string' ? parseJson(body) : body;
	if (!isObject(root)) throw new RateRequestParseError('body must be a JSON object');
	const rate = isObject(root.rate) ? root.rate : root;

	const currency = String(text(rate, ['currency', 'currencyCode']) ?? defaultCurrency)
		.trim()
		.toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) {
		throw new RateRequestParseError(
			`currency must be a three-letter ISO 4217 code, got ${JSON.stringify(currency)}`,
			'currency',
		);
	}
	const rawItems = pick(rate, ['items', 'lineItems', 'line_items', 'products']);
	if (!Array.isArray(rawItems) || rawItems.length === 0) {
		throw new RateRequestParseError('items must be a non-empty array', 'items');
	}
	const destination = parseAddress(pick(rate, ['destination', 'shippingAddress', 'address', 'to']), 'destination');
	if (!destination) missing('destination');

	const items = rawItems.map((raw, index) => {
		const field = `items[${index}]`;
		if (!isObject(raw)) throw new RateRequestParseError(`${field} must be an object`, field);
		const quantity = num(pick(raw, ['quantity', 'qty']) ?? 1, `${field}.quantity`);
		let unitWeightGrams = 0;
		const grams = pick(raw, ['grams', 'weightGrams']);
		if (grams !== undefined) {
			unitWeightGrams = num(grams, `${field}.grams`);
		} else if (pick(raw, ['weight']) !== undefined) {
			const unit = text(raw, ['weightUnit', 'weight_unit', 'unit']) ?? 'g';
			unitWeightGrams = toGrams(
				num(raw.weight, `${field}.weight`),
				unitOf(parseWeightUnit, unit, `${field}.weightUnit`),
			);
		}
		const unitPrice = pick(raw, options.unitPriceKeys);
		const totalPrice = pick(raw, ['totalPrice', 'total_price']);
		let unitPriceMinor = 0;
		if (unitPrice !== undefined) unitPriceMinor = money(unitPrice, currency, `${field}.${options.unitPriceKeys[0]}`);
		else if (totalPrice !== undefined && quantity > 0)
			unitPriceMinor = Math.round(money(totalPrice, currency, `${field}.totalPrice`) / quantity);
		const length = pick(raw, ['length']);
		const width = pick(raw, ['width']);
		const height = pick(raw, ['height']);
		let dimensions;
		if (length !== undefined && width !== undefined && height !== undefined) {
			const unit = unitOf(
				parseLengthUnit,
				text(raw, ['dimensionUnit', 'distanceUnit', 'distance_unit']) ?? 'cm',
				`${field}.dimensionUnit`,
			);
			dimensions = {
				lengthMm: toMillimetres(num(length, `${field}.length`), unit),
				widthMm: toMillimetres(num(width, `${field}.width`), unit),
				heightMm: toMillimetres(num(height, `${field}.height`), unit),
			};
		}
		return {
			name: text(raw, ['name', 'title']),
			sku: text(raw, ['sku']),
			quantity,
			unitWeightGrams,
			dimensions,
			unitPriceMinor,
			productId: text(raw, ['productId', 'product_id']),
			priceId: text(raw, ['priceId', 'price_id', 'variantId', 'variant_id']),
		};
	});

	const candidate = {
		locationId: options.storeIdKeys.length
			? (text(rate, options.storeIdKeys) ?? text(root, options.storeIdKeys))
			: undefined,
		origin: parseAddress(pick(rate, ['origin', 'from', 'shippingOrigin']), 'origin'),
		destination,
		items,
		currency,
	};
	const parsed = RateRequestSchema.safeParse(candidate);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		throw new RateRequestParseError(describeZodError(parsed.error), first ? fieldPath(first.path) : undefined);
	}
	return parsed.data;
}
