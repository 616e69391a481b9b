/**
 * Shippo carrier adapter: pure functions between the canonical model (nodes/shared/core) and
 * Shippo's wire format. No n8n imports, no I/O.
 *
 * - Canonical `RateRequest` → body of `POST /shipments` (operationId `CreateShipment`,
 *   schema `ShipmentCreateRequest`): `address_from`, `address_to`, `parcels[]` (all required),
 *   `async`, `carrier_accounts[]`, `metadata` (≤ 100 characters).
 * - Shippo `Rate` (schema `Rate`, from `Shipment.rates[]` or `ListShipmentRates`) → canonical `RateQuote`.
 *
 * Units: the canonical model holds grams, millimetres and integer minor units. Shippo wants
 * parcel `weight`/`length`/`width`/`height` as decimal STRINGS ("Up to six digits in front and
 * four digits after the decimal separator") with `mass_unit` g|kg|lb|oz and `distance_unit`
 * cm|in|ft|m|mm|yd; rate `amount` is a decimal string in major units of `currency`.
 * Converted values are rounded UP at the 4th decimal (never under-declare weight or size).
 *
 * Source: test/standins/specs/shippo/public-api.yaml (components.schemas ShipmentCreateRequest,
 * AddressCreateRequest, ParcelCreateRequest, ParcelCreateFromTemplateRequest, Rate, ResponseMessage);
 * docs/reference/carriers.md §3.
 */
import { z } from 'zod';
import type { Address, Dimensions, LengthUnit, RateQuote, RateRequest, WeightUnit } from '../core';
import {
	RateQuoteSchema,
	buildParcel,
	describeZodError,
	fromGrams,
	fromMillimetres,
	roundUp,
	toMinorUnits,
} from '../core';

/** Shippo `WeightUnitEnum`. */
export const SHIPPO_MASS_UNITS: readonly WeightUnit[] = ['g', 'kg', 'lb', 'oz'];
/** Shippo `DistanceUnitEnum`. */
export const SHIPPO_DISTANCE_UNITS: readonly LengthUnit[] = ['cm', 'in', 'ft', 'm', 'mm', 'yd'];

/** Thrown when a mapped value would not be accepted by Shippo; the message names the field. */
export class ShippoMappingError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ShippoMappingError';
	}
}

// ---------------------------------------------------------------------------------------------
// Wire types (subset of the spec that this adapter writes or reads)
// ---------------------------------------------------------------------------------------------

/** Spec `AddressCreateRequest` (subset). */
export interface ShippoAddress {
	name?: string;
	company?: string;
	street1?: string;
	street2?: string;
	city?: string;
	state?: string;
	zip?: string;
	country: string;
	phone?: string;
	email?: string;
	is_residential?: boolean;
}

/** Spec `ParcelCreateRequest`: dimensions and weight as decimal strings. */
export interface ShippoDimensionParcel {
	length: string;
	width: string;
	height: string;
	distance_unit: LengthUnit;
	weight: string;
	mass_unit: WeightUnit;
}

/** Spec `ParcelCreateFromTemplateRequest`: a carrier parcel template token plus the weight. */
export interface ShippoTemplateParcel {
	template: string;
	weight: string;
	mass_unit: WeightUnit;
}

export type ShippoParcel = ShippoDimensionParcel | ShippoTemplateParcel;

/** Body of `POST /shipments` as this adapter sends it. */
export interface ShippoShipmentBody {
	address_from: ShippoAddress | string;
	address_to: ShippoAddress | string;
	parcels: Array<ShippoParcel | string>;
	async: boolean;
	carrier_accounts?: string[];
	metadata?: string;
	shipment_date?: string;
}

/** Spec `ResponseMessage`. */
export interface ShippoMessage {
	source?: string;
	code?: string;
	text?: string;
}

/** Spec `Rate` (the fields read here). */
export interface ShippoRate {
	object_id?: string;
	amount?: string;
	currency?: string;
	amount_local?: string;
	currency_local?: string;
	provider?: string;
	servicelevel?: { name?: string; token?: string; terms?: string; extended_token?: string };
	estimated_days?: number | null;
	duration_terms?: string;
	carrier_account?: string;
	attributes?: string[];
	messages?: ShippoMessage[];
}

/** Spec `Shipment` (the fields read here). */
export interface ShippoShipment {
	object_id?: string;
	status?: 'ERROR' | 'QUEUED' | 'SUCCESS' | 'WAITING' | string;
	rates?: ShippoRate[];
	messages?: ShippoMessage[];
	metadata?: string;
}

// ---------------------------------------------------------------------------------------------
// Output validation (what Shippo accepts, per the spec)
// ---------------------------------------------------------------------------------------------

/** "Up to six digits in front and four digits after the decimal separator", > 0. */
const decimalString = z
	.string()
	.regex(/^\d{1,6}(\.\d{1,4})?$/, 'must be a decimal with at most 6 digits before and 4 after the point')
	.refine((value) => Number(value) > 0, 'must be greater than 0');

const massUnit = z.enum(['g', 'kg', 'lb', 'oz']);
const distanceUnit = z.enum(['cm', 'in', 'ft', 'm', 'mm', 'yd']);

const ShippoAddressSchema = z.object({
	name: z.string().optional(),
	company: z.string().optional(),
	street1: z.string().optional(),
	street2: z.string().optional(),
	city: z.string().optional(),
	state: z.string().optional(),
	zip: z.string().optional(),
	country: z.string().min(1, 'country is required'),
	phone: z.string().optional(),
	email: z.string().optional(),
	is_residential: z.boolean().optional(),
}).passthrough();

const ShippoParcelSchema = z.union([
	z.object({
		length: decimalString,
		width: decimalString,
		height: decimalString,
		distance_unit: distanceUnit,
		weight: decimalString,
		mass_unit: massUnit,
	}).passthrough(),
	z.object({ template: z.string().min(1), weight: decimalString, mass_unit: massUnit }).passthrough(),
	z.string().min(1),
]);

/**
 * Validates a `POST /shipments` body against the parts of `ShipmentCreateRequest` we write.
 * Other spec fields (`extra`, `customs_declaration`, `address_return`, …) pass through unchecked.
 */
export const ShippoShipmentBodySchema = z.object({
	address_from: z.union([ShippoAddressSchema, z.string().min(1)]),
	address_to: z.union([ShippoAddressSchema, z.string().min(1)]),
	parcels: z.array(ShippoParcelSchema).min(1, 'at least one parcel is required'),
	async: z.boolean(),
	carrier_accounts: z.array(z.string().min(1)).optional(),
	metadata: z.string().max(100, 'metadata must be at most 100 characters').optional(),
	shipment_date: z.string().optional(),
}).passthrough();

/** Parses a body with ShippoShipmentBodySchema; throws ShippoMappingError naming the field. */
export function validateShipmentBody(body: unknown): ShippoShipmentBody {
	const parsed = ShippoShipmentBodySchema.safeParse(body);
	if (!parsed.success) throw new ShippoMappingError(describeZodError(parsed.error));
	return stripUndefined(parsed.data) as ShippoShipmentBody;
}

// ---------------------------------------------------------------------------------------------
// Canonical → Shippo
// ---------------------------------------------------------------------------------------------

/**
 * Formats a non-negative number as a Shippo decimal string: rounded UP at the 4th decimal,
 * trailing zeros dropped (2200 → "2200", 4.40924524 → "4.4093").
 */
export function toShippoDecimal(value: number): string {
	if (!Number.isFinite(value) || value < 0) {
		throw new ShippoMappingError(`expected a non-negative number, got ${value}`);
	}
	return String(Number(roundUp(value, 4).toFixed(4)));
}

/** Canonical address → Shippo address (`postalCode` → `zip`, `residential` → `is_residential`). */
export function toShippoAddress(address: Address): ShippoAddress {
	return stripUndefined({
		name: address.name,
		company: address.company,
		street1: address.street1,
		street2: address.street2,
		city: address.city,
		state: address.state,
		zip: address.postalCode,
		country: address.country,
		phone: address.phone,
		email: address.email,
		is_residential: address.residential,
	}) as ShippoAddress;
}

/** Where the parcel's outer size comes from. The weight always comes from the cart. */
export type ParcelShape =
	/** Items' own dimensions (stacked, see core/parcel.ts), else the default box. */
	| { kind: 'items' }
	/** A fixed box in its own unit, e.g. copied from a user parcel template (`UserParcelTemplate`). */
	| { kind: 'box'; length: number; width: number; height: number; unit: LengthUnit }
	/** A carrier parcel template token (`ParcelTemplateEnumSet`, e.g. `USPS_SmallFlatRateBox`). */
	| { kind: 'carrierTemplate'; token: string };

export interface ShipmentBodyOptions {
	/** Parcel outer size source; default `{ kind: 'items' }`. */
	parcel?: ParcelShape;
	/** Box used when a cart line has no dimensions, in millimetres. Default 300 × 200 × 100 mm. */
	defaultBox?: Dimensions;
	/** Packaging weight added once to the cart weight, in grams. Default 0. */
	packagingGrams?: number;
	/** Unit of the parcel `weight` string sent to Shippo. Default `g`. */
	massUnit?: WeightUnit;
	/** Unit of the parcel dimensions when they come from the items. Default `cm`. */
	distanceUnit?: LengthUnit;
	/** Sender used when the request has no `origin`. */
	origin?: Address;
	/** Carrier account `object_id`s to restrict the rates to; empty = all. */
	carrierAccounts?: string[];
	/** Free text ≤ 100 characters stored on the shipment. */
	metadata?: string;
}

export const DEFAULT_BOX_MM: Dimensions = { lengthMm: 300, widthMm: 200, heightMm: 100 };

/**
 * Builds the `POST /shipments` body for a canonical rate request (synchronous rating:
 * `async: false`). Throws ShippoMappingError when there is no origin or a value would be refused.
 */
export function toShippoShipmentBody(
	request: RateRequest,
	options: ShipmentBodyOptions = {},
): ShippoShipmentBody {
	const origin = request.origin ?? options.origin;
	if (!origin) {
		throw new ShippoMappingError(
			'origin: the rate request has no origin and no origin override is set (address_from is required)',
		);
	}
	const massUnitValue = options.massUnit ?? 'g';
	const distanceUnitValue = options.distanceUnit ?? 'cm';
	const shape = options.parcel ?? { kind: 'items' };
	const built = buildParcel(request.items, {
		defaultBox: options.defaultBox ?? DEFAULT_BOX_MM,
		packagingGrams: options.packagingGrams ?? 0,
	});
	const weight = toShippoDecimal(fromGrams(built.weightGrams, massUnitValue));

	let parcel: ShippoParcel;
	if (shape.kind === 'carrierTemplate') {
		parcel = { template: shape.token, weight, mass_unit: massUnitValue };
	} else if (shape.kind === 'box') {
		parcel = {
			length: toShippoDecimal(shape.length),
			width: toShippoDecimal(shape.width),
			height: toShippoDecimal(shape.height),
			distance_unit: shape.unit,
			weight,
			mass_unit: massUnitValue,
		};
	} else {
		parcel = {
			length: toShippoDecimal(fromMillimetres(built.lengthMm, distanceUnitValue)),
			width: toShippoDecimal(fromMillimetres(built.widthMm, distanceUnitValue)),
			height: toShippoDecimal(fromMillimetres(built.heightMm, distanceUnitValue)),
			distance_unit: distanceUnitValue,
			weight,
			mass_unit: massUnitValue,
		};
	}

	const body: ShippoShipmentBody = {
		address_from: toShippoAddress(origin),
		address_to: toShippoAddress(request.destination),
		parcels: [parcel],
		async: false,
	};
	if (options.carrierAccounts && options.carrierAccounts.length > 0) {
		body.carrier_accounts = [...options.carrierAccounts];
	}
	if (options.metadata) body.metadata = options.metadata;
	return validateShipmentBody(body);
}

// ---------------------------------------------------------------------------------------------
// Shippo → canonical
// ---------------------------------------------------------------------------------------------

export interface QuoteOptions {
	/**
	 * Currency the caller wants (the cart's). When a rate's `currency` differs but its
	 * `currency_local` matches, `amount_local` is used instead of `amount`.
	 */
	preferCurrency?: string;
}

/**
 * Shippo rate → canonical quote: `carrier` = `provider`, `serviceName` = `servicelevel.name`
 * (token when the name is empty), `serviceCode` = `servicelevel.token`, `amountMinor` =
 * `toMinorUnits(amount, currency)` ("5.50" USD → 550), min/max delivery days = `estimated_days`,
 * `rateId` = `object_id`, `source` = "shippo". Throws ShippoMappingError naming the field.
 */
export function toRateQuote(rate: ShippoRate, options: QuoteOptions = {}): RateQuote {
	let amount = rate.amount;
	let currency = rate.currency;
	const wanted = options.preferCurrency?.toUpperCase();
	if (
		wanted &&
		currency?.toUpperCase() !== wanted &&
		rate.currency_local?.toUpperCase() === wanted &&
		rate.amount_local !== undefined
	) {
		amount = rate.amount_local;
		currency = rate.currency_local;
	}
	if (!currency) throw new ShippoMappingError('currency is missing');
	if (amount === undefined || amount === null) throw new ShippoMappingError('amount is missing');
	const amountMinor = minorOrThrow(amount, currency);
	const days =
		typeof rate.estimated_days === 'number' && Number.isInteger(rate.estimated_days) && rate.estimated_days >= 0
			? rate.estimated_days
			: undefined;
	const candidate = stripUndefined({
		carrier: rate.provider,
		serviceName: rate.servicelevel?.name || rate.servicelevel?.token,
		serviceCode: rate.servicelevel?.token,
		amountMinor,
		currency,
		minDeliveryDays: days,
		maxDeliveryDays: days,
		rateId: rate.object_id,
		source: 'shippo',
	});
	const parsed = RateQuoteSchema.safeParse(candidate);
	if (!parsed.success) throw new ShippoMappingError(describeZodError(parsed.error));
	return parsed.data;
}

function minorOrThrow(amount: string, currency: string): number {
	const text = String(amount);
	if (!/^-?\d*(\.\d*)?$/.test(text.trim()) || !/\d/.test(text)) {
		throw new ShippoMappingError(`amount must be a decimal number, got "${amount}"`);
	}
	if (!/^[A-Za-z]{3}$/.test(String(currency).trim())) {
		throw new ShippoMappingError(`currency must be an ISO 4217 code, got "${currency}"`);
	}
	return toMinorUnits(text, currency);
}

/** Maps every rate; a rate that cannot be mapped becomes a message in `errors` instead. */
export function toRateQuotes(
	rates: readonly ShippoRate[] | undefined,
	options: QuoteOptions = {},
): { quotes: RateQuote[]; errors: string[] } {
	const quotes: RateQuote[] = [];
	const errors: string[] = [];
	for (const rate of rates ?? []) {
		const result = safeRateQuote(rate, options);
		if (typeof result === 'string') {
			errors.push(`Shippo rate ${rate.object_id ?? '(no id)'} skipped: ${result}`);
		} else {
			quotes.push(result);
		}
	}
	return { quotes, errors };
}

function safeRateQuote(rate: ShippoRate, options: QuoteOptions): RateQuote | string {
	try {
		return toRateQuote(rate, options);
	} catch (error) {
		return (error as Error).message;
	}
}

/** Shippo `messages[]` → readable lines ("UPS: Address not found (code)"). */
export function describeShippoMessages(messages: readonly ShippoMessage[] | undefined): string[] {
	return (messages ?? [])
		.filter((message) => message && (message.text || message.code))
		.map((message) => {
			const source = message.source ? `${message.source}: ` : '';
			const text = message.text || message.code || '';
			const code = message.code && message.text ? ` (${message.code})` : '';
			return `${source}${text}${code}`;
		});
}

/** Keeps only quotes whose `serviceCode` is in the allow-list (empty list keeps all). */
export function filterQuotesByService(
	quotes: readonly RateQuote[],
	allowedServiceCodes: readonly string[],
): RateQuote[] {
	if (allowedServiceCodes.length === 0) return [...quotes];
	const allowed = new Set(allowedServiceCodes.map((code) => code.trim().toLowerCase()));
	return quotes.filter((quote) => allowed.has(quote.serviceCode.toLowerCase()));
}

function stripUndefined<T extends object>(value: T): T {
	const copy = { ...value } as Record<string, unknown>;
	for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
	return copy as T;
}
