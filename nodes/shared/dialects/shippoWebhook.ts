/**
 * Shippo's webhook dialect: `{event, test, data}` payloads (test/standins/specs/shippo/public-api.yaml
 * `webhooks`: transaction → WebhookPayloadTransaction, track → WebhookPayloadTrack) become
 * canonical tracking updates, with the HighLevel order reference decoded from `metadata`.
 *
 * - transaction_created / transaction_updated: a label; only `status: SUCCESS` carries a usable
 *   tracking number (other statuses are ignored with the reason).
 * - track_updated: `tracking_status.status` (UNKNOWN, PRE_TRANSIT, TRANSIT, DELIVERED, RETURNED,
 *   FAILURE) and its date; `transaction` is the label's id.
 * - anything else (batch_*, all, unknown): ignored with the reason.
 */
import type { TrackingUpdate } from '../core/tracking';
import { parseJson } from '../json';
import { decodeOrderReference, normalizeTrackingStatus, TrackingUpdateSchema } from '../core/tracking';

export type ShippoWebhookResult =
	| { event: string; update: TrackingUpdate }
	| { event: string; ignored: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export const SHIPPO_TRACKING_EVENTS = ['transaction_created', 'transaction_updated', 'track_updated'] as const;

export function parseShippoWebhook(body: unknown): ShippoWebhookResult {
	const root = typeof body === 'string' ? parseJson(body) : body;
	if (!isObject(root)) return { event: 'unknown', ignored: 'body is not a JSON object' };
	const event = text(root.event) ?? 'unknown';
	const data = root.data;
	if (!(SHIPPO_TRACKING_EVENTS as readonly string[]).includes(event)) {
		return { event, ignored: `event ${event} carries no tracking` };
	}
	if (!isObject(data)) return { event, ignored: 'data is not an object' };

	const candidate =
		event === 'track_updated' ? fromTrack(event, data) : fromTransaction(event, data);
	if ('ignored' in candidate) return candidate;
	const parsed = TrackingUpdateSchema.safeParse(candidate.update);
	if (!parsed.success) {
		return { event, ignored: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
	}
	return { event, update: parsed.data };
}

function fromTransaction(event: string, data: Json): ShippoWebhookResult {
	const status = text(data.status);
	if (status !== 'SUCCESS') return { event, ignored: `label status ${status ?? 'missing'}, not SUCCESS` };
	const trackingNumber = text(data.tracking_number);
	if (!trackingNumber) return { event, ignored: 'label has no tracking number yet' };
	const rate = isObject(data.rate) ? data.rate : {};
	const trackingStatus = isObject(data.tracking_status) ? data.tracking_status.status : data.tracking_status;
	return {
		event,
		update: {
			event,
			carrier: text(rate.provider) ?? text(data.carrier) ?? 'unknown',
			trackingNumber,
			trackingUrl: text(data.tracking_url_provider),
			labelUrl: text(data.label_url),
			status: trackingStatus === undefined ? 'pre_transit' : normalizeTrackingStatus(trackingStatus),
			transactionId: text(data.object_id),
			statusAt: text(data.object_updated),
			reference: decodeOrderReference(data.metadata),
		},
	};
}

function fromTrack(event: string, data: Json): ShippoWebhookResult {
	const trackingNumber = text(data.tracking_number);
	if (!trackingNumber) return { event, ignored: 'track has no tracking number' };
	const status = isObject(data.tracking_status) ? data.tracking_status : {};
	return {
		event,
		update: {
			event,
			carrier: text(data.carrier) ?? 'unknown',
			trackingNumber,
			status: normalizeTrackingStatus(status.status),
			transactionId: text(data.transaction),
			statusAt: text(status.status_date),
			reference: decodeOrderReference(data.metadata),
		},
	};
}
