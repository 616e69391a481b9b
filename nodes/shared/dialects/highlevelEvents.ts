/**
 * Routing of HighLevel webhook payloads to an event type (no n8n imports).
 *
 * Sources: GoHighLevel/highlevel-api-docs docs/webhook events/*.md.
 *  - Order and App events carry their type in `type`: "OrderCreate", "OrderStatusUpdate",
 *    "INSTALL", "UNINSTALL".
 *  - Product and Price examples carry NO event type, and the Create/Update/Delete examples are
 *    byte-for-byte the same payload. Worse, some Price examples have `type: "one_time"` — the
 *    price type, not the event. So:
 *      1. an explicit, known event name wins: `type` (or `event` / `eventType`) equal to one of
 *         the event names below (case-insensitive);
 *      2. otherwise the shape decides the family: `productType` or `medias` or `variants`
 *         (without `product`) → Product; `product` as a string id together with `amount`,
 *         `currency`, `priceType`, `variantOptionIds` or `membershipOffers` → Price;
 *      3. and within the family: `deleted: true` or a `deletedAt` → Delete; `createdAt` equal to
 *         `updatedAt` (or no `updatedAt`) → Create; otherwise Update. The documented examples
 *         (createdAt ≠ updatedAt, no deletion marker) therefore all route to Update: a delete
 *         is only recognised when HighLevel names it or marks the payload deleted.
 */

export const HIGHLEVEL_EVENT_TYPES = [
	'OrderCreate',
	'OrderStatusUpdate',
	'INSTALL',
	'UNINSTALL',
	'ProductCreate',
	'ProductUpdate',
	'ProductDelete',
	'PriceCreate',
	'PriceUpdate',
	'PriceDelete',
] as const;

export type HighLevelEventType = (typeof HIGHLEVEL_EVENT_TYPES)[number] | 'unknown';

export const ORDER_EVENT_TYPES: readonly HighLevelEventType[] = ['OrderCreate', 'OrderStatusUpdate'];

type Json = Record<string, unknown>;

const BY_LOWER_NAME = new Map<string, HighLevelEventType>(
	HIGHLEVEL_EVENT_TYPES.map((name) => [name.toLowerCase(), name]),
);
// Spellings used by the marketplace app settings and third-party docs.
BY_LOWER_NAME.set('appinstall', 'INSTALL');
BY_LOWER_NAME.set('appuninstall', 'UNINSTALL');

function asObject(value: unknown): Json | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The event named explicitly by the payload, if any. */
export function explicitEventTypeOf(body: unknown): HighLevelEventType | undefined {
	const payload = asObject(body);
	if (!payload) return undefined;
	for (const field of ['type', 'event', 'eventType']) {
		const name = text(payload[field]);
		const known = name ? BY_LOWER_NAME.get(name.toLowerCase()) : undefined;
		if (known) return known;
	}
	return undefined;
}

function lifecycleOf(payload: Json): 'Create' | 'Update' | 'Delete' {
	if (payload.deleted === true || text(payload.deletedAt)) return 'Delete';
	const createdAt = text(payload.createdAt);
	const updatedAt = text(payload.updatedAt);
	if (createdAt && (!updatedAt || Date.parse(createdAt) === Date.parse(updatedAt))) return 'Create';
	return 'Update';
}

function looksLikeProduct(payload: Json): boolean {
	if (typeof payload.product === 'string') return false;
	return (
		text(payload.productType) !== undefined ||
		Array.isArray(payload.medias) ||
		(Array.isArray(payload.variants) && typeof payload.availableInStore === 'boolean')
	);
}

function looksLikePrice(payload: Json): boolean {
	if (typeof payload.product !== 'string') return false;
	return (
		typeof payload.amount === 'number' ||
		text(payload.currency) !== undefined ||
		text(payload.priceType) !== undefined ||
		Array.isArray(payload.variantOptionIds) ||
		Array.isArray(payload.membershipOffers)
	);
}

/** Whether the event type of this payload was inferred from its shape (no explicit name). */
export function isShapeInferred(body: unknown): boolean {
	return explicitEventTypeOf(body) === undefined && eventTypeOf(body) !== 'unknown';
}

/** The event type of a webhook payload (see the file comment for the Product/Price heuristic). */
export function eventTypeOf(body: unknown): HighLevelEventType {
	const explicit = explicitEventTypeOf(body);
	if (explicit) return explicit;
	const payload = asObject(body);
	if (!payload) return 'unknown';
	if (looksLikePrice(payload)) return `Price${lifecycleOf(payload)}`;
	if (looksLikeProduct(payload)) return `Product${lifecycleOf(payload)}`;
	return 'unknown';
}

function itemsOf(order: unknown): Json[] {
	const items = asObject(order)?.items;
	return Array.isArray(items) ? (items.map(asObject).filter(Boolean) as Json[]) : [];
}

const PHYSICAL_PRODUCT_TYPES = new Set(['PHYSICAL', 'PHYSICAL/DIGITAL']);

/** The product type of an order line: `product.productType`, else the line's own `productType`. */
export function itemProductTypeOf(item: unknown): string | undefined {
	const line = asObject(item);
	if (!line) return undefined;
	const type = text(asObject(line.product)?.productType) ?? text(line.productType);
	return type?.toUpperCase();
}

/**
 * Whether any line of the order is a physical product (productType PHYSICAL or PHYSICAL/DIGITAL).
 * Lines without a product type count as not physical. Note: the documented OrderCreate example
 * carries no `productType` on its lines.
 */
export function orderHasPhysicalItems(order: unknown): boolean {
	return itemsOf(order).some((item) => {
		const type = itemProductTypeOf(item);
		return type !== undefined && PHYSICAL_PRODUCT_TYPES.has(type);
	});
}

/** The order status in lower case ("pending", "completed", …), if present. */
export function orderStatusOf(order: unknown): string | undefined {
	return text(asObject(order)?.status)?.toLowerCase();
}

/**
 * The payment status in lower case ("paid", "unpaid", "refunded", "partially_paid"), from
 * `paymentStatus` or `payment.status`. The documented order webhooks carry neither.
 */
export function paymentStatusOf(order: unknown): string | undefined {
	const payload = asObject(order);
	if (!payload) return undefined;
	return (text(payload.paymentStatus) ?? text(asObject(payload.payment)?.status))?.toLowerCase();
}
