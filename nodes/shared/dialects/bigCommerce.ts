/**
 * BigCommerce's shipping-provider dialect: the quote request BigCommerce POSTs to a shipping
 * provider's Quote URL at checkout, the `carrier_quotes` answer it renders, the Check Connection
 * Options request and answer, and error bodies (`messages: [{ text, type: "ERROR" }]`).
 *
 * Request: `{ base_options: { origin, destination, items[], customer, store_id, request_context },
 * connection_options, zone_options, rate_options }`; addresses `street_1, street_2, zip, city,
 * state_iso2, country_iso2, address_type (RESIDENTIAL | COMMERCIAL, default RESIDENTIAL)`; items
 * `sku, variant_id, product_id, name, length|width|height { units: in | cm, value }, weight { units,
 * value }, discounted_price | declared_value { currency, amount }, quantity, attributes`.
 * Answer: `{ quote_id, messages, carrier_quotes: [{ carrier_info: { code, display_name }, quotes:
 * [{ code, rate_id, display_name, cost: { currency, amount }, transit_time?: { units, duration } }] }] }`
 * with `cost.amount` a number in major units, `transit_time.duration` a whole number 1–90.
 *
 * Sources: BigCommerce developer documentation, "Shipping Providers"
 * (https://developer.bigcommerce.com/docs/integrations/shipping: Quote URL, Check Connection
 * Options URL, example request and answers, error handling) and the Shipping Provider API
 * reference (https://developer.bigcommerce.com/docs/apps-api/shipping: `RateRequestPayload`,
 * `RateResponsePayload`, `CheckConnectionOptionsResponsePayload`). The schemas below are this
 * project's own reading of those pages.
 */
import { z } from 'zod';
import type { Address, RateQuote, RateRequest, RateRequestItem } from '../core';
import { fieldPath, fromMinorUnits, RateRequestSchema, toGrams, toMillimetres, toMinorUnits } from '../core';
import { rateCacheKey } from '../cache/rateCache';
import { parseJson } from '../json';
import type { FormatOptions } from '../liveRates/platform';
import { RateRequestParseError } from '../liveRates/platform';

// ---------------------------------------------------------------------------------------------
// The request, as documented
// ---------------------------------------------------------------------------------------------

/** A number, or a numeric string (the documented example sends `"amount": "10"`). */
const numeric = z.union([
	z.number(),
	z
		.string()
		.trim()
		.regex(/^-?\d+(\.\d+)?$/, 'must be a number')
		.transform(Number),
]);

/** An id or a name: a string, or a number BigCommerce may send unquoted. */
const label = z.union([z.string(), z.number().transform(String)]);

/**
 * Shipping Address (`base_options.origin`, `.destination`).
 * Source: https://developer.bigcommerce.com/docs/apps-api/shipping (Shipping Address).
 */
const BigCommerceAddressSchema = z
	.object({
		street_1: z.string().optional(),
		street_2: z.string().optional(),
		zip: label.optional(),
		city: z.string().optional(),
		state_iso2: z.string().optional(),
		country_iso2: z
			.string()
			.trim()
			.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
		// The reference lists RESIDENTIAL | COMMERCIAL; the guide's example sends them in lower case.
		address_type: z
			.string()
			.trim()
			.toUpperCase()
			.pipe(z.enum(['RESIDENTIAL', 'COMMERCIAL']))
			.optional(),
	})
	.passthrough();

/**
 * Weight and Dimension Value objects. The reference lists weight units `oz | g` and length units
 * `in | cm`; `lb` and `kg` are accepted as well (stores weigh in them).
 * Source: https://developer.bigcommerce.com/docs/apps-api/shipping (Rate Request Item).
 */
const weightSchema = z.object({
	units: z
		.string()
		.trim()
		.toLowerCase()
		.pipe(z.enum(['oz', 'lb', 'g', 'kg'])),
	value: numeric.pipe(z.number().nonnegative()),
});
const lengthSchema = z.object({
	units: z
		.string()
		.trim()
		.toLowerCase()
		.pipe(z.enum(['in', 'cm'])),
	value: numeric.pipe(z.number().nonnegative()),
});

/** Money Value: `amount` in major units (a number; the guide's example sends a string). */
const moneySchema = z.object({
	currency: z
		.string()
		.trim()
		.toUpperCase()
		.pipe(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')),
	amount: numeric.pipe(z.number().nonnegative()),
});

/** Rate Request Item. Source: https://developer.bigcommerce.com/docs/apps-api/shipping. */
const BigCommerceItemSchema = z
	.object({
		sku: label.optional(),
		variant_id: label.optional(),
		product_id: label.optional(),
		name: z.string().optional(),
		length: lengthSchema.optional(),
		width: lengthSchema.optional(),
		height: lengthSchema.optional(),
		weight: weightSchema.optional(),
		discounted_price: moneySchema.optional(),
		declared_value: moneySchema.optional(),
		quantity: numeric.pipe(z.number().int().positive()),
		attributes: z.array(z.unknown()).optional(),
	})
	.passthrough();

/**
 * Rate Request Payload (`POST` to the Quote URL). `store_id` and `origin` are required by the
 * reference; they are optional here so that a body without them is still answered.
 * Source: https://developer.bigcommerce.com/docs/apps-api/shipping (Request shipping rates).
 */
export const BigCommerceRateRequestSchema = z
	.object({
		base_options: z
			.object({
				origin: BigCommerceAddressSchema.optional(),
				destination: BigCommerceAddressSchema,
				items: z.array(BigCommerceItemSchema).min(1, 'must hold at least one item'),
				customer: z.record(z.unknown()).optional(),
				store_id: label.optional(),
				request_context: z
					.object({
						reference_values: z.array(z.object({ name: z.string(), value: label }).passthrough()).optional(),
					})
					.passthrough()
					.optional(),
			})
			.passthrough(),
		connection_options: z.record(z.unknown()).optional(),
		zone_options: z.record(z.unknown()).optional(),
		rate_options: z.array(z.unknown()).optional(),
	})
	.passthrough();
export type BigCommerceRateRequest = z.infer<typeof BigCommerceRateRequestSchema>;

/**
 * What the Shipping Rates Trigger's item carries of a BigCommerce quote request beyond the
 * canonical request, under `platformContext`, as BigCommerce sent it: the merchant's
 * `connection_options` (e.g. `{{$json.platformContext.connection_options.key}}`), the zone's
 * `zone_options`, the checkout's `rate_options`, the `customer` and the `request_context`.
 */
export interface BigCommercePlatformContext {
	connection_options: Record<string, unknown>;
	zone_options: Record<string, unknown>;
	rate_options: unknown[];
	customer?: Record<string, unknown>;
	request_context?: Record<string, unknown>;
}

/** The canonical rate request of a BigCommerce quote request, with its `platformContext`. */
export type BigCommerceCanonicalRequest = RateRequest & { platformContext: BigCommercePlatformContext };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON body as an object (a JSON string is parsed); throws RateRequestParseError otherwise. */
function bodyObject(body: unknown): Json {
	const root = typeof body === 'string' || Buffer.isBuffer(body) ? parseJson(body.toString()) : body;
	if (!isObject(root)) throw new RateRequestParseError('body must be a JSON object');
	return root;
}

/** Throws RateRequestParseError for the first issue, naming every failing field by its path. */
function failWith(error: z.ZodError): never {
	const first = error.issues[0];
	const message = error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`).join('; ');
	throw new RateRequestParseError(message, first ? fieldPath(first.path) : undefined);
}

/** Major units → minor units, naming the field when the amount is out of range. */
function minorUnits(amount: number, currency: string, field: string): number {
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

/** `value` without empty strings (BigCommerce sends `""` for unknown address lines). */
const present = (value: string | undefined): string | undefined =>
	value === undefined || value.trim() === '' ? undefined : value.trim();

function address(raw: z.infer<typeof BigCommerceAddressSchema>): Address {
	const result: Address = { country: raw.country_iso2.toUpperCase() };
	const street1 = present(raw.street_1);
	const street2 = present(raw.street_2);
	const city = present(raw.city);
	const state = present(raw.state_iso2);
	const postalCode = present(raw.zip);
	if (street1) result.street1 = street1;
	if (street2) result.street2 = street2;
	if (city) result.city = city;
	if (state) result.state = state;
	if (postalCode) result.postalCode = postalCode;
	// "Optional. Defaults to RESIDENTIAL."
	result.residential = raw.address_type !== 'COMMERCIAL';
	return result;
}

/** The `cart_id` reference value of `base_options.request_context`, when there is one. */
export function bigCommerceCartIdOf(body: unknown): string | undefined {
	const base = isObject(body) && isObject(body.base_options) ? body.base_options : undefined;
	const context = base && isObject(base.request_context) ? base.request_context : undefined;
	const values = context && Array.isArray(context.reference_values) ? context.reference_values : [];
	for (const entry of values) {
		if (isObject(entry) && entry.name === 'cart_id' && entry.value !== undefined && entry.value !== null) {
			const cartId = String(entry.value).trim();
			if (cartId) return cartId;
		}
	}
	return undefined;
}

/** The store a quote request names (`base_options.store_id`), or undefined. */
export function bigCommerceStoreIdOf(body: unknown): string | undefined {
	const base = isObject(body) && isObject(body.base_options) ? body.base_options : undefined;
	const storeId = base?.store_id;
	if (typeof storeId !== 'string' && typeof storeId !== 'number') return undefined;
	return String(storeId).trim() || undefined;
}

/**
 * `quote_id` of the answer to a quote request: the cart (`request_context` `cart_id`) and 12 hex
 * digits of a SHA-256 over the request (keys sorted), so equal requests get the same id. At most
 * 50 characters (the reference's limit).
 */
export function bigCommerceQuoteIdOf(body: unknown): string {
	const hash = rateCacheKey({ v: 1, body: isObject(body) ? body : null }).slice(0, 12);
	const cartId = bigCommerceCartIdOf(body);
	return cartId ? `${cartId.slice(0, 37)}-${hash}` : `quote-${hash}`;
}

/**
 * Parses a BigCommerce quote request (object or JSON string) into a canonical rate request:
 * addresses with the `residential` flag, per-unit weight in grams (1 oz = 28.349523125 g,
 * 1 lb = 453.59237 g), dimensions in millimetres (1 in = 25.4 mm, 1 cm = 10 mm; only when all
 * three are above 0), the unit price in minor units from `discounted_price.amount` (else
 * `declared_value.amount`), `variant_id` as `priceId`. The currency is the one of the item prices
 * used (all must agree), else `defaultCurrency`. `locationId` is the body's `store_id`, else
 * `storeId` (the authenticated store). `platformContext` keeps the merchant's options.
 * Throws RateRequestParseError naming the field by its path (e.g. `base_options.items[0].weight.units`).
 */
export function parseBigCommerceRateRequest(
	body: unknown,
	options: { storeId: string; defaultCurrency: string },
): BigCommerceCanonicalRequest {
	const parsed = BigCommerceRateRequestSchema.safeParse(bodyObject(body));
	if (!parsed.success) failWith(parsed.error);
	const { base_options: base } = parsed.data;

	let currency: { code: string; field: string } | undefined;
	const items: RateRequestItem[] = base.items.map((raw, index) => {
		const field = `base_options.items[${index}]`;
		const priceField = raw.discounted_price ? 'discounted_price' : raw.declared_value ? 'declared_value' : undefined;
		const price = raw.discounted_price ?? raw.declared_value;
		if (price && priceField) {
			if (!currency) currency = { code: price.currency, field: `${field}.${priceField}.currency` };
			else if (price.currency !== currency.code) {
				throw new RateRequestParseError(
					`${field}.${priceField}.currency: ${price.currency} differs from ${currency.code} (${currency.field}); every item price must be in one currency`,
					`${field}.${priceField}.currency`,
				);
			}
		}
		const item: RateRequestItem = {
			quantity: raw.quantity,
			unitWeightGrams: raw.weight ? toGrams(raw.weight.value, raw.weight.units) : 0,
			unitPriceMinor: price ? minorUnits(price.amount, price.currency, `${field}.${priceField}.amount`) : 0,
		};
		const name = present(raw.name);
		const sku = present(raw.sku);
		const productId = present(raw.product_id);
		const priceId = present(raw.variant_id);
		if (name) item.name = name;
		if (sku) item.sku = sku;
		if (productId) item.productId = productId;
		if (priceId) item.priceId = priceId;
		const { length, width, height } = raw;
		if (length && width && height && length.value > 0 && width.value > 0 && height.value > 0) {
			item.dimensions = {
				lengthMm: toMillimetres(length.value, length.units),
				widthMm: toMillimetres(width.value, width.units),
				heightMm: toMillimetres(height.value, height.units),
			};
		}
		return item;
	});

	const storeId = bigCommerceStoreIdOf(parsed.data) ?? options.storeId;
	const candidate: RateRequest = {
		locationId: storeId,
		destination: address(base.destination),
		items,
		currency: currency?.code ?? options.defaultCurrency,
	};
	if (base.origin) candidate.origin = address(base.origin);
	const canonical = RateRequestSchema.safeParse(candidate);
	if (!canonical.success) failWith(canonical.error);

	const platformContext: BigCommercePlatformContext = {
		connection_options: parsed.data.connection_options ?? {},
		zone_options: parsed.data.zone_options ?? {},
		rate_options: parsed.data.rate_options ?? [],
	};
	if (base.customer) platformContext.customer = base.customer;
	if (base.request_context) platformContext.request_context = base.request_context;
	return { ...canonical.data, platformContext };
}

// ---------------------------------------------------------------------------------------------
// The answer
// ---------------------------------------------------------------------------------------------

/** Message of an answer. Source: https://developer.bigcommerce.com/docs/apps-api/shipping (Message). */
export interface BigCommerceMessage {
	/** 1–500 characters. */
	text: string;
	type: 'INFO' | 'WARNING' | 'ERROR';
}

/** Rate Quote Object. Source: https://developer.bigcommerce.com/docs/apps-api/shipping. */
export interface BigCommerceQuote {
	/** The service code (at most 50 characters). */
	code: string;
	/** The carrier's rate id, else a stable id of carrier and service (at most 50 characters). */
	rate_id: string;
	/** Shown to the shopper (at most 100 characters). */
	display_name: string;
	/** Major units, a number. */
	cost: { currency: string; amount: number };
	transit_time?: { units: 'BUSINESS_DAYS'; duration: number };
}

/** Rate Response Payload. Source: https://developer.bigcommerce.com/docs/apps-api/shipping. */
export interface BigCommerceRateAnswer {
	quote_id: string;
	messages: BigCommerceMessage[];
	carrier_quotes: Array<{ carrier_info: { code: string; display_name: string }; quotes: BigCommerceQuote[] }>;
}

/** Lower-case slug of a carrier name ("Royal Mail" → "royal_mail"), at most 50 characters. */
export function bigCommerceCarrierCode(carrier: string): string {
	const slug = carrier
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 50);
	return slug || 'carrier';
}

/** Whole days 1–90 of a quote's delivery estimate (the later of min/max), else undefined. */
function transitDays(quote: RateQuote): number | undefined {
	const days = quote.maxDeliveryDays ?? quote.minDeliveryDays;
	return days !== undefined && days >= 1 && days <= 90 ? days : undefined;
}

/**
 * Formats canonical quotes as BigCommerce's answer: one `carrier_quotes` entry per carrier, in the
 * order carriers first appear; `carrier_info.code` the carrier's lower-case slug; each quote's
 * `code` its service code, `rate_id` its carrier rate id (else a stable hash of carrier and
 * service code), `cost.amount` a number in major units (never below 0, BigCommerce's minimum),
 * `transit_time` in business days from the delivery estimate, left out when unknown, outside
 * 1–90 days, or when `options.showTransitTime` is false. `quote_id` is `options.quoteId`, else a
 * hash of the quotes. No `dispatch_date` (canonical quotes carry none).
 */
export function formatBigCommerceQuotes(
	quotes: readonly RateQuote[],
	options: FormatOptions = {},
): BigCommerceRateAnswer {
	const groups = new Map<string, BigCommerceRateAnswer['carrier_quotes'][number]>();
	for (const quote of quotes) {
		const code = bigCommerceCarrierCode(quote.carrier);
		let group = groups.get(code);
		if (!group) {
			group = { carrier_info: { code, display_name: quote.carrier.slice(0, 100) }, quotes: [] };
			groups.set(code, group);
		}
		const answer: BigCommerceQuote = {
			code: quote.serviceCode.slice(0, 50),
			rate_id: (quote.rateId || rateCacheKey({ carrier: quote.carrier, serviceCode: quote.serviceCode }).slice(0, 24)).slice(0, 50),
			display_name: quote.serviceName.slice(0, 100),
			cost: { currency: quote.currency, amount: Math.max(0, fromMinorUnits(quote.amountMinor, quote.currency)) },
		};
		const days = transitDays(quote);
		if (days !== undefined && options.showTransitTime !== false) {
			answer.transit_time = { units: 'BUSINESS_DAYS', duration: days };
		}
		group.quotes.push(answer);
	}
	return {
		quote_id: options.quoteId ?? `quote-${rateCacheKey({ v: 1, quotes }).slice(0, 12)}`,
		messages: [],
		carrier_quotes: [...groups.values()],
	};
}

/** Whether `body` is BigCommerce's rate answer: an object with a `carrier_quotes` array. */
export function isBigCommerceRateAnswer(body: unknown): boolean {
	return isObject(body) && Array.isArray(body.carrier_quotes);
}

/** A message cut to BigCommerce's 500 characters (at least one: an empty text becomes "error"). */
function message(text: string, type: BigCommerceMessage['type']): BigCommerceMessage {
	return { text: (text.trim() || type.toLowerCase()).slice(0, 500), type };
}

/**
 * An error as BigCommerce's rate answer: no quotes and one ERROR message ("Error handling" of the
 * Shipping Providers guide: `{ quote_id, messages: [{ text, type: "ERROR" }], carrier_quotes: [] }`).
 */
export function formatBigCommerceError(text: string, options: FormatOptions = {}): BigCommerceRateAnswer {
	return { quote_id: options.quoteId ?? 'error', messages: [message(text, 'ERROR')], carrier_quotes: [] };
}

// ---------------------------------------------------------------------------------------------
// Check Connection Options
// ---------------------------------------------------------------------------------------------

/**
 * Check Connection Options request `{ connection_options: {...} }`: the merchant's connection
 * settings, sent when a merchant connects the carrier.
 * Source: https://developer.bigcommerce.com/docs/apps-api/shipping (Validate connection options).
 */
export const BigCommerceConnectionCheckSchema = z
	.object({ connection_options: z.record(z.unknown()) })
	.passthrough();

/** The connection options of a check request; throws RateRequestParseError naming `connection_options`. */
export function parseBigCommerceConnectionCheck(body: unknown): Record<string, unknown> {
	const root = bodyObject(body);
	if (root.connection_options === undefined) {
		throw new RateRequestParseError('connection_options is required (an object)', 'connection_options');
	}
	const parsed = BigCommerceConnectionCheckSchema.safeParse(root);
	if (!parsed.success) failWith(parsed.error);
	return parsed.data.connection_options;
}

/** Check Connection Options answer `{ valid, messages }`. */
export interface BigCommerceConnectionCheckAnswer {
	valid: boolean;
	messages: BigCommerceMessage[];
}

/** Formats a connection check verdict; message texts are cut to 500 characters. */
export function formatBigCommerceConnectionCheck(verdict: {
	valid: boolean;
	messages: readonly BigCommerceMessage[];
}): BigCommerceConnectionCheckAnswer {
	return { valid: verdict.valid, messages: verdict.messages.map((m) => message(m.text, m.type)) };
}

/** Whether `body` is a connection check answer: a boolean `valid` and a `messages` array. */
export function isBigCommerceConnectionCheckAnswer(body: unknown): boolean {
	return isObject(body) && typeof body.valid === 'boolean' && Array.isArray(body.messages);
}
