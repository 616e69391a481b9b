/**
 * Shippo orders: the HighLevel reference carried by an order, HighLevel order → `POST /orders`
 * body, and the body check done before sending.
 *
 * - Reference `hl:<locationId>:<orderId>` (≤ 100 characters), written to the order's `order_number`
 *   (carriers.md §9; the spec's `OrderCreateRequest` has no `metadata`). Shipments, transactions
 *   and tracks carry the same text in `metadata`.
 * - Money and weights are decimal strings; `placed_at` and `to_address` are required; line item
 *   `quantity` is an integer (spec `OrderCreateRequest`, `LineItemCreateRequest`).
 *
 * Source: test/standins/specs/shippo/public-api.yaml; HighLevel order shape:
 * GoHighLevel/highlevel-api-docs docs/webhook events/OrderCreate.md.
 */
import { z } from 'zod';
import { describeZodError } from '../core/schemas';
import { decodeOrderReference, encodeOrderReference } from '../core/tracking';
import { ShippoMappingError } from './mapping';
import type { ShippoAddress } from './mapping';

export const HIGHLEVEL_REFERENCE_PREFIX = 'hl';
export const HIGHLEVEL_REFERENCE_MAX_LENGTH = 100;

/** Spec `OrderStatusEnum`. */
export const SHIPPO_ORDER_STATUSES = [
	'UNKNOWN',
	'AWAITPAY',
	'PAID',
	'REFUNDED',
	'CANCELLED',
	'PARTIALLY_FULFILLED',
	'SHIPPED',
] as const;
export type ShippoOrderStatus = (typeof SHIPPO_ORDER_STATUSES)[number];

export interface HighLevelReference {
	locationId: string;
	orderId: string;
}

/**
 * `{locationId, orderId}` → `hl:<locationId>:<orderId>` (core `encodeOrderReference`). Throws
 * ShippoMappingError naming the field when a part is empty, holds a colon or white space, or the
 * result is over 100 characters.
 */
export function encodeHighLevelReference(reference: HighLevelReference): string {
	const parts = {
		locationId: String(reference.locationId ?? '').trim(),
		orderId: String(reference.orderId ?? '').trim(),
	};
	let text = '';
	let problem = '';
	try {
		text = encodeOrderReference(parts, HIGHLEVEL_REFERENCE_MAX_LENGTH);
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem) throw new ShippoMappingError(`reference: ${problem}`);
	return text;
}

/** `hl:<locationId>:<orderId>` (also inside longer text) → parts; anything else → undefined. */
export function decodeHighLevelReference(text: unknown): HighLevelReference | undefined {
	const found = decodeOrderReference(text);
	return found?.platform === 'highlevel' ? { locationId: found.locationId, orderId: found.orderId } : undefined;
}

/** Whether a Shippo order carries the reference (in `order_number`, or `metadata` if echoed). */
export function orderHasReference(order: Record<string, unknown>, reference: string): boolean {
	return order.order_number === reference || order.metadata === reference;
}

/** A non-negative amount in major units → "12.30" (2 decimals, half up). */
export function toMoneyString(amount: number, field = 'amount'): string {
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
		throw new ShippoMappingError(`${field}: expected a non-negative number, got ${String(amount)}`);
	}
	// 12 significant digits drop binary noise, so 1.005 rounds to "1.01" (not 100.4999… → "1.00").
	return (Math.round(Number((amount * 100).toPrecision(12))) / 100).toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// HighLevel order → Shippo order
// ---------------------------------------------------------------------------------------------

/** The parts of a HighLevel order (OrderCreate webhook / orders API) this mapping reads. */
export interface HighLevelOrderLike {
	_id?: string;
	locationId?: string;
	altId?: string;
	status?: string;
	fulfillmentStatus?: string;
	currency?: string;
	amount?: number;
	createdAt?: string;
	contactSnapshot?: {
		locationId?: string;
		name?: string;
		firstName?: string;
		lastName?: string;
		companyName?: string;
		email?: string;
		phone?: string;
		address1?: string;
		city?: string;
		state?: string;
		postalCode?: string;
		country?: string;
	};
	items?: Array<{
		name?: string;
		qty?: number;
		product?: { _id?: string; name?: string; sku?: string };
		price?: { _id?: string; name?: string; currency?: string; amount?: number; sku?: string };
	}>;
	amountSummary?: { subtotal?: number; tax?: number; shipping?: number; discount?: number };
}

export interface ShippoLineItemBody {
	title?: string;
	sku?: string;
	quantity?: number;
	total_price?: string;
	currency?: string;
	weight?: string;
	weight_unit?: 'g' | 'kg' | 'lb' | 'oz';
	variant_title?: string;
	manufacture_country?: string;
}

export interface ShippoOrderBody {
	to_address: ShippoAddress;
	placed_at: string;
	order_number?: string;
	order_status?: ShippoOrderStatus;
	line_items?: ShippoLineItemBody[];
	currency?: string;
	total_price?: string;
	subtotal_price?: string;
	total_tax?: string;
	shipping_cost?: string;
	shipping_cost_currency?: string;
	shipping_method?: string;
	weight?: string;
	weight_unit?: 'g' | 'kg' | 'lb' | 'oz';
	notes?: string;
	[key: string]: unknown;
}

/** HighLevel order `status` / `fulfillmentStatus` → Shippo `order_status`. */
export function toShippoOrderStatus(
	status?: string,
	fulfillmentStatus?: string,
): ShippoOrderStatus {
	const fulfillment = String(fulfillmentStatus ?? '').toLowerCase();
	if (fulfillment === 'fulfilled') return 'SHIPPED';
	if (fulfillment === 'partially_fulfilled') return 'PARTIALLY_FULFILLED';
	switch (String(status ?? '').toLowerCase()) {
		case 'completed':
		case 'paid':
		case 'succeeded':
			return 'PAID';
		case 'pending':
		case 'awaiting_payment':
			return 'AWAITPAY';
		case 'refunded':
			return 'REFUNDED';
		case 'cancelled':
		case 'canceled':
		case 'void':
			return 'CANCELLED';
		default:
			return 'UNKNOWN';
	}
}

/** A value as trimmed text; empty → undefined. */
export const text = (value: unknown): string | undefined => {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed || undefined;
};

/** A copy without the keys whose value is undefined. */
export function stripEmpty<T extends object>(value: T): T {
	const copy = { ...value } as Record<string, unknown>;
	for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
	return copy as T;
}

export interface HighLevelOrderMappingOptions {
	/** Location of the order when the order object does not name it. */
	locationId?: string;
	/** `placed_at` when the order has no `createdAt` (default now). */
	now?: () => Date;
}

/**
 * HighLevel order → `POST /orders` body: `contactSnapshot` → `to_address`, `items[]` →
 * `line_items[]` (quantity, price × quantity as a 2-decimal string, currency), totals as strings,
 * `hl:<locationId>:<orderId>` as `order_number`, `createdAt` as `placed_at`.
 */
export function highLevelOrderToShippoOrder(
	order: HighLevelOrderLike,
	options: HighLevelOrderMappingOptions = {},
): ShippoOrderBody {
	if (typeof order !== 'object' || order === null) {
		throw new ShippoMappingError('order: expected a HighLevel order object');
	}
	const contact = order.contactSnapshot ?? {};
	const locationId =
		text(order.locationId) ??
		text(order.altId) ??
		text(contact.locationId) ??
		text(options.locationId);
	const reference = encodeHighLevelReference({
		locationId: locationId ?? '',
		orderId: text(order._id) ?? '',
	});
	const currency = text(order.currency)?.toUpperCase();
	const name =
		text(contact.name) ??
		text(
			[contact.firstName, contact.lastName]
				.map((part) => text(part))
				.filter(Boolean)
				.join(' '),
		);
	const toAddress = stripEmpty({
		name,
		company: text(contact.companyName),
		street1: text(contact.address1),
		city: text(contact.city),
		state: text(contact.state),
		zip: text(contact.postalCode),
		country: text(contact.country)?.toUpperCase(),
		phone: text(contact.phone),
		email: text(contact.email),
	}) as ShippoAddress;

	const lineItems = (order.items ?? []).map((item, index) => {
		const quantity = Number(item.qty ?? 1);
		if (!Number.isInteger(quantity) || quantity < 1) {
			throw new ShippoMappingError(`items[${index}].qty: must be a whole number of at least 1`);
		}
		const unit = item.price?.amount;
		const itemCurrency = text(item.price?.currency)?.toUpperCase() ?? currency;
		return stripEmpty<ShippoLineItemBody>({
			title: text(item.name) ?? text(item.product?.name),
			sku: text(item.price?.sku) ?? text(item.product?.sku),
			quantity,
			total_price:
				unit === undefined
					? undefined
					: toMoneyString(Number(unit) * quantity, `items[${index}].price.amount`),
			currency: unit === undefined ? undefined : itemCurrency,
			variant_title: text(item.price?.name),
		});
	});

	const summary = order.amountSummary ?? {};
	const money = (value: number | undefined, field: string) =>
		value === undefined || value === null ? undefined : toMoneyString(Number(value), field);
	const shipping = money(summary.shipping, 'amountSummary.shipping');
	const now = options.now ?? (() => new Date());
	const body = stripEmpty<ShippoOrderBody>({
		order_number: reference,
		placed_at: text(order.createdAt) ?? now().toISOString(),
		order_status: toShippoOrderStatus(order.status, order.fulfillmentStatus),
		to_address: toAddress,
		line_items: lineItems,
		currency: order.amount === undefined ? undefined : currency,
		total_price: money(order.amount, 'amount'),
		subtotal_price: money(summary.subtotal, 'amountSummary.subtotal'),
		total_tax: money(summary.tax, 'amountSummary.tax'),
		shipping_cost: shipping,
		shipping_cost_currency: shipping === undefined ? undefined : currency,
	});
	return validateOrderBody(body);
}

// ---------------------------------------------------------------------------------------------
// Body check
// ---------------------------------------------------------------------------------------------

const moneyString = z
	.string()
	.regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be a decimal string such as "12.30"');
const weightString = z
	.string()
	.regex(/^\d{1,6}(\.\d{1,4})?$/, 'must be a decimal string such as "0.5"');
const weightUnit = z.enum(['g', 'kg', 'lb', 'oz']);

const AddressSchema = z
	.object({
		name: z.string().optional(),
		company: z.string().optional(),
		street1: z.string().optional(),
		street2: z.string().optional(),
		city: z.string().optional(),
		state: z.string().optional(),
		zip: z.string().optional(),
		country: z
			.string({ required_error: 'country is required' })
			.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
		phone: z.string().optional(),
		email: z.string().optional(),
	})
	.passthrough();

const LineItemSchema = z
	.object({
		title: z.string().optional(),
		sku: z.string().optional(),
		quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
		total_price: moneyString.optional(),
		currency: z
			.string()
			.regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')
			.optional(),
		weight: weightString.optional(),
		weight_unit: weightUnit.optional(),
		variant_title: z.string().optional(),
		manufacture_country: z.string().optional(),
	})
	.passthrough()
	.refine((item) => item.total_price === undefined || item.currency !== undefined, {
		message: 'currency is required when total_price is given',
		path: ['currency'],
	})
	.refine((item) => item.weight === undefined || item.weight_unit !== undefined, {
		message: 'weight_unit is required when weight is given',
		path: ['weight_unit'],
	});

export const ShippoOrderBodySchema = z
	.object({
		to_address: AddressSchema,
		placed_at: z
			.string({ required_error: 'placed_at is required' })
			.refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date and time'),
		order_number: z.string().optional(),
		order_status: z.enum(SHIPPO_ORDER_STATUSES).optional(),
		line_items: z.array(LineItemSchema).optional(),
		currency: z
			.string()
			.regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')
			.optional(),
		total_price: moneyString.optional(),
		subtotal_price: moneyString.optional(),
		total_tax: moneyString.optional(),
		shipping_cost: moneyString.optional(),
		shipping_cost_currency: z
			.string()
			.regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')
			.optional(),
		shipping_method: z.string().optional(),
		weight: weightString.optional(),
		weight_unit: weightUnit.optional(),
		notes: z.string().optional(),
	})
	.passthrough()
	.refine((order) => order.total_price === undefined || order.currency !== undefined, {
		message: 'currency is required when total_price is given',
		path: ['currency'],
	})
	.refine(
		(order) => order.shipping_cost === undefined || order.shipping_cost_currency !== undefined,
		{
			message: 'shipping_cost_currency is required when shipping_cost is given',
			path: ['shipping_cost_currency'],
		},
	)
	.refine((order) => order.weight === undefined || order.weight_unit !== undefined, {
		message: 'weight_unit is required when weight is given',
		path: ['weight_unit'],
	});

/** Checks a `POST /orders` body; throws ShippoMappingError naming each failing field. */
export function validateOrderBody(body: unknown): ShippoOrderBody {
	const parsed = ShippoOrderBodySchema.safeParse(body);
	if (!parsed.success) throw new ShippoMappingError(describeZodError(parsed.error));
	return parsed.data as ShippoOrderBody;
}
