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

export const OrderReferenceSchema = z.object({
	platform: z.literal('highlevel'),
	locationId: z.string().min(1),
	orderId: z.string().min(1),
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

const REFERENCE_PREFIX = 'hl';

/**
 * `hl:<locationId>:<orderId>`: the HighLevel order a carrier object belongs to, carried in the
 * carrier's own fields (Shippo `order_number` and `metadata`, ≤ 100 characters). Throws RangeError
 * when an id holds ":" or the reference would exceed `maxLength`.
 */
export function encodeOrderReference(reference: Omit<OrderReference, 'platform'>, maxLength = 100): string {
	for (const [field, value] of Object.entries(reference)) {
		if (!value || /[\s:]/.test(value)) {
			throw new RangeError(`${field} must be non-empty and contain no ":" or white space`);
		}
	}
	const text = `${REFERENCE_PREFIX}:${reference.locationId}:${reference.orderId}`;
	if (text.length > maxLength) throw new RangeError(`reference is ${text.length} characters, more than ${maxLength}`);
	return text;
}

/**
 * Finds `hl:<locationId>:<orderId>` standing alone in a text (metadata may hold more words);
 * undefined if absent, malformed (e.g. `hl:a:b:c`) or longer than `maxLength`.
 */
export function decodeOrderReference(text: unknown, maxLength = 100): OrderReference | undefined {
	if (typeof text !== 'string') return undefined;
	// The reference stands alone: start of text or a separator before, end or a separator after.
	const match = /(?:^|[\s,;(])hl:([^:\s,;()]+):([^:\s,;()]+)(?=$|[\s,;)])/.exec(text);
	if (!match || match[0].trim().length > maxLength + 1) return undefined;
	return { platform: 'highlevel', locationId: match[1], orderId: match[2] };
}
