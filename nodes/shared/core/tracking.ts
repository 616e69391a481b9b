/**
 * The canonical tracking update: what a carrier's label or tracking webhook becomes before it is
 * written back to the platform as a fulfillment with tracking. `reference` is the platform order the
 * shipment belongs to, decoded from the carrier's own metadata (no database).
 */
import { z } from 'zod';

export const TrackingStatusSchema = z.enum([
	'unknown',
	'pre_transit',
	'in_transit',
	'out_for_delivery',
	'delivered',
	'returned',
	'failure',
]);
export type TrackingStatus = z.infer<typeof TrackingStatusSchema>;

/**
 * The platforms whose orders carrier objects can point back to, with the prefix of their reference
 * (`hl:`, `lms:`, `bc:`). A new platform is one entry here.
 */
export const ORDER_REFERENCE_PREFIXES = { highlevel: 'hl', launchmystore: 'lms', bigcommerce: 'bc' } as const;
export type OrderReferencePlatform = keyof typeof ORDER_REFERENCE_PREFIXES;
const REFERENCE_PLATFORMS = Object.keys(ORDER_REFERENCE_PREFIXES) as [OrderReferencePlatform, ...OrderReferencePlatform[]];

/** A line item of the platform order that one carrier object (a label) ships. */
export const ReferencedLineItemSchema = z.object({ id: z.string().min(1), quantity: z.number().int().positive().optional() });
export type ReferencedLineItem = z.infer<typeof ReferencedLineItemSchema>;

export const OrderReferenceSchema = z.object({
	platform: z.enum(REFERENCE_PLATFORMS),
	/** HighLevel location, LaunchMyStore shop, BigCommerce store hash. */
	locationId: z.string().min(1),
	orderId: z.string().min(1),
	/** The order's line items this label ships (`items=` in the metadata); absent: not said. */
	lineItems: z.array(ReferencedLineItemSchema).optional(),
});
export type OrderReference = z.infer<typeof OrderReferenceSchema>;

export const TrackingUpdateSchema = z.object({
	/** Which event produced it, e.g. "transaction_created", "track_updated". */
	event: z.string().min(1),
	carrier: z.string().min(1),
	trackingNumber: z.string().min(1),
	trackingUrl: z.string().optional(),
	labelUrl: z.string().optional(),
	status: TrackingStatusSchema,
	/** Carrier-side ids: label/transaction and shipment, for idempotency and look-ups. */
	transactionId: z.string().optional(),
	/** ISO 8601 time of the status, when the carrier gives one. */
	statusAt: z.string().optional(),
	reference: OrderReferenceSchema.optional(),
});
export type TrackingUpdate = z.infer<typeof TrackingUpdateSchema>;

const STATUS_ALIASES: Readonly<Record<string, TrackingStatus>> = {
	UNKNOWN: 'unknown',
	PRE_TRANSIT: 'pre_transit',
	TRANSIT: 'in_transit',
	IN_TRANSIT: 'in_transit',
	OUT_FOR_DELIVERY: 'out_for_delivery',
	DELIVERED: 'delivered',
	RETURNED: 'returned',
	RETURN_TO_SENDER: 'returned',
	FAILURE: 'failure',
};

/** Carrier status words (Shippo's UNKNOWN, PRE_TRANSIT, TRANSIT, …) → canonical status. */
export function normalizeTrackingStatus(value: unknown): TrackingStatus {
	return STATUS_ALIASES[String(value ?? '').trim().toUpperCase()] ?? 'unknown';
}

const PLATFORM_BY_PREFIX = new Map<string, OrderReferencePlatform>(
	Object.entries(ORDER_REFERENCE_PREFIXES).map(([platform, prefix]) => [prefix, platform as OrderReferencePlatform]),
);

/**
 * `<prefix>:<store>:<orderId>` (`hl:<locationId>:<orderId>` for HighLevel, the default;
 * `lms:<shop>:<orderId>`, `bc:<storeHash>:<orderId>`): the platform order a carrier object belongs
 * to, carried in the carrier's own fields (Shippo `order_number` and `metadata`, ≤ 100 characters).
 * Throws RangeError when an id is empty or holds ":" or white space, or the reference would exceed
 * `maxLength`.
 */
export function encodeOrderReference(
	reference: { platform?: OrderReferencePlatform; locationId: string; orderId: string },
	maxLength = 100,
): string {
	const { platform = 'highlevel', locationId, orderId } = reference;
	for (const [field, value] of Object.entries({ locationId, orderId })) {
		if (!value || /[\s:]/.test(value)) {
			throw new RangeError(`${field} must be non-empty and contain no ":" or white space`);
		}
	}
	const text = `${ORDER_REFERENCE_PREFIXES[platform]}:${locationId}:${orderId}`;
	if (text.length > maxLength) throw new RangeError(`reference is ${text.length} characters, more than ${maxLength}`);
	return text;
}

/**
 * ` items=<id>[*<quantity>][+<id>[*<quantity>]…]` after a reference in label metadata: the line
 * items that label ships (e.g. `lms:demo-shop:ord_1 items=li_1*2+li_3`).
 */
export function encodeReferencedLineItems(lineItems: readonly ReferencedLineItem[]): string {
	return `items=${lineItems.map((item) => (item.quantity ? `${item.id}*${item.quantity}` : item.id)).join('+')}`;
}

function decodeLineItems(text: string): ReferencedLineItem[] | undefined {
	const match = /(?:^|\s)items=(\S+)/.exec(text);
	if (!match) return undefined;
	const items: ReferencedLineItem[] = [];
	for (const part of match[1].split('+')) {
		const [id, quantity] = part.split('*');
		if (!id) return undefined;
		const count = quantity === undefined ? undefined : Number(quantity);
		if (count !== undefined && !(Number.isInteger(count) && count > 0)) return undefined;
		items.push(count === undefined ? { id } : { id, quantity: count });
	}
	return items;
}

/**
 * Finds a reference (`hl:`, `lms:` or `bc:` `<store>:<orderId>`) standing alone in a text (metadata
 * may hold more words), with the line items an `items=` word names; undefined if absent, malformed
 * (e.g. `hl:a:b:c`) or longer than `maxLength`.
 */
export function decodeOrderReference(text: unknown, maxLength = 100): OrderReference | undefined {
	if (typeof text !== 'string') return undefined;
	// The reference stands alone: start of text or a separator before, end or a separator after.
	const match = /(?:^|[\s,;(])(hl|lms|bc):([^:\s,;()]+):([^:\s,;()]+)(?=$|[\s,;)])/.exec(text);
	if (!match || match[0].trim().length > maxLength + 1) return undefined;
	const platform = PLATFORM_BY_PREFIX.get(match[1]);
	if (!platform) return undefined;
	const reference: OrderReference = { platform, locationId: match[2], orderId: match[3] };
	const lineItems = decodeLineItems(text);
	if (lineItems) reference.lineItems = lineItems;
	return reference;
}
