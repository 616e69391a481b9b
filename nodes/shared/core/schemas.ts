/**
 * The canonical shipping model: what every platform dialect parses into and every carrier
 * adapter reads from. Weights in grams, lengths in millimetres, money in integer minor units
 * of `currency` (see money.ts). Validated with zod (n8n's own copy, 3.25.x).
 */
import { z } from 'zod';

const trimmed = z.string().trim();
const optionalText = trimmed.optional();

/** A postal address. `country` is ISO 3166-1 alpha-2 (upper-cased). */
export const AddressSchema = z.object({
	name: optionalText,
	company: optionalText,
	street1: optionalText,
	street2: optionalText,
	city: optionalText,
	state: optionalText,
	postalCode: optionalText,
	country: trimmed
		.transform((value) => value.toUpperCase())
		.pipe(z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code')),
	phone: optionalText,
	email: optionalText,
	residential: z.boolean().optional(),
});
export type Address = z.infer<typeof AddressSchema>;

/** Outer dimensions of one unit, in millimetres. */
export const DimensionsSchema = z.object({
	lengthMm: z.number().positive(),
	widthMm: z.number().positive(),
	heightMm: z.number().positive(),
});
export type Dimensions = z.infer<typeof DimensionsSchema>;

const minorUnits = z.number().int().nonnegative();

/** One cart line. Weight and price are per unit. */
export const RateRequestItemSchema = z.object({
	name: optionalText,
	sku: optionalText,
	quantity: z.number().int().positive(),
	unitWeightGrams: z.number().nonnegative(),
	dimensions: DimensionsSchema.optional(),
	unitPriceMinor: minorUnits,
	productId: optionalText,
	priceId: optionalText,
});
export type RateRequestItem = z.infer<typeof RateRequestItemSchema>;

/** A request for shipping rates for one cart. */
export const RateRequestSchema = z.object({
	/** HighLevel location (sub-account) id the cart belongs to, when known. */
	locationId: optionalText,
	origin: AddressSchema.optional(),
	destination: AddressSchema,
	items: z.array(RateRequestItemSchema).min(1, 'items must hold at least one line'),
	/** ISO 4217 code of every money field in the request and of the quotes wanted. */
	currency: trimmed
		.transform((value) => value.toUpperCase())
		.pipe(z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code')),
});
export type RateRequest = z.infer<typeof RateRequestSchema>;

/** One priced shipping option. */
export const RateQuoteSchema = z.object({
	/** Carrier name as shown to buyers (e.g. "USPS"). */
	carrier: trimmed.min(1),
	/** Service level name (e.g. "Priority Mail"). */
	serviceName: trimmed.min(1),
	/** Stable service level code (e.g. Shippo's servicelevel token "usps_priority"). */
	serviceCode: trimmed.min(1),
	amountMinor: z.number().int(),
	currency: trimmed
		.transform((value) => value.toUpperCase())
		.pipe(z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code')),
	minDeliveryDays: z.number().int().nonnegative().optional(),
	maxDeliveryDays: z.number().int().nonnegative().optional(),
	/** ISO 8601 dates (YYYY-MM-DD) when the carrier gives dates instead of days. */
	minDeliveryDate: optionalText,
	maxDeliveryDate: optionalText,
	/** Carrier-side rate id, usable to buy a label (Shippo rate `object_id`). */
	rateId: optionalText,
	/** Which adapter produced the quote ("shippo", "fallback", …). */
	source: optionalText,
});
export type RateQuote = z.infer<typeof RateQuoteSchema>;

/** Total value of the cart in minor units (Σ unit price × quantity). */
export function orderValueMinor(request: Pick<RateRequest, 'items'>): number {
	let total = 0;
	for (const item of request.items) total += item.unitPriceMinor * item.quantity;
	return total;
}

/** Total weight of the cart in grams (Σ unit weight × quantity). */
export function totalWeightGrams(request: Pick<RateRequest, 'items'>): number {
	let total = 0;
	for (const item of request.items) total += item.unitWeightGrams * item.quantity;
	return total;
}

/** A field path as users read it: `items[0].quantity`, `destination.country`. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
	if (path.length === 0) return '(root)';
	return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index ? `.${part}` : part)).join('');
}

/**
 * Turns a zod error into one line naming each failing field by its path
 * (e.g. `destination.country: country must be an ISO 3166-1 alpha-2 code; items[0].quantity: …`).
 */
export function describeZodError(error: z.ZodError): string {
	return error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`).join('; ');
}
