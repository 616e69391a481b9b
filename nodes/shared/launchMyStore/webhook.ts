/**
 * LaunchMyStore webhook deliveries: headers, the replay window, redelivery dedupe, topics and
 * order routing by `shipping_lines[].source`.
 *
 * Headers (https://docs.launchmystore.io/api-reference/webhooks/verification): `X-LMS-Hmac-SHA256`
 * (base64 HMAC-SHA256 of the raw body with the app's client secret; the live-rate page names
 * `X-LMS-Signature`, hex, instead), `X-LMS-Topic`, `X-LMS-Shop-Domain`, `X-LMS-Webhook-Id`
 * ("globally-unique delivery id — use for idempotency"), `X-LMS-Delivery-Attempt` (1, 2, 3) and
 * `X-LMS-Triggered-At` ("ISO 8601 timestamp when the source event fired (not the delivery time)").
 * Only the body is signed: these headers are not covered by the signature.
 *
 * Routing (https://docs.launchmystore.io/api-reference/webhooks/topics, "orders/create payload";
 * https://docs.launchmystore.io/extensions/live-rate-providers): every shipping app receives every
 * order webhook and acts only when `shipping_lines[].source` is its own app handle; `source` is
 * null when the customer picked a merchant zone or local delivery ("no app should auto-push"), and
 * `code` is the app's `service_code` (`<app_handle>-<carrier_id>`).
 */
import type { IDataObject } from 'n8n-workflow';
import { currencyExponent, formatMinorUnits, toMinorUnits } from '../core/money';
import { decodeLaunchMyStoreServiceCode } from '../dialects/launchMyStore';

export const LMS_TOPIC_HEADER = 'x-lms-topic';
export const LMS_SHOP_DOMAIN_HEADER = 'x-lms-shop-domain';
export const LMS_WEBHOOK_ID_HEADER = 'x-lms-webhook-id';
export const LMS_TRIGGERED_AT_HEADER = 'x-lms-triggered-at';

/** Topic value meaning "every topic" in the trigger's Events. */
export const ALL_TOPICS = '*';

/** Default replay window around X-LMS-Triggered-At, in seconds. */
export const DEFAULT_TRIGGERED_AT_WINDOW_SECONDS = 300;

export type HeaderBag = Record<string, string | string[] | undefined>;

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** The first value of a header (names are lower-case, as Node.js gives them), trimmed. */
export function headerOf(headers: HeaderBag, name: string): string {
	const value = headers[name];
	return text(Array.isArray(value) ? value[0] : value);
}

/**
 * Milliseconds since the epoch of an `X-LMS-Triggered-At` value: ISO 8601, or epoch seconds
 * (below 10^12) or milliseconds. Undefined when unreadable.
 */
export function parseTriggeredAt(value: string): number | undefined {
	const trimmed = value.trim();
	if (!trimmed) return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		const number = Number(trimmed);
		return number < 1e12 ? number * 1000 : number;
	}
	const at = Date.parse(trimmed);
	return Number.isFinite(at) ? at : undefined;
}

/** "5-minute window", "90-second window". */
export const windowLabel = (windowSeconds: number) =>
	windowSeconds % 60 === 0 ? `${windowSeconds / 60}-minute window` : `${windowSeconds}-second window`;

export type TriggeredAtCheck = { ok: true; triggeredAtMs?: number } | { ok: false; reason: string };

/**
 * The replay window: a delivery whose `X-LMS-Triggered-At` is more than `windowSeconds` before or
 * after `nowMs` is refused. A delivery without the header passes: the header is not signed, so
 * requiring it would stop nobody who can replay a body, and the documented envelope may omit it.
 */
export function checkTriggeredAt(value: string, nowMs: number, windowSeconds: number): TriggeredAtCheck {
	if (!value) return { ok: true };
	const at = parseTriggeredAt(value);
	if (at === undefined) return { ok: false, reason: `X-LMS-Triggered-At is not a date: ${value.slice(0, 40)}` };
	if (Math.abs(nowMs - at) > windowSeconds * 1000) {
		return { ok: false, reason: `X-LMS-Triggered-At outside the ${windowLabel(windowSeconds)}` };
	}
	return { ok: true, triggeredAtMs: at };
}

/**
 * Ids seen in the last `ttlMs`, at most `capacity` (the oldest go first). In memory only.
 */
export class ExpiringIdSet {
	private readonly seenAt = new Map<string, number>();

	constructor(
		readonly capacity = 10_000,
		readonly ttlMs = 24 * 60 * 60 * 1000,
		private readonly now: () => number = Date.now,
	) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
	}

	private prune(now: number): void {
		for (const [id, at] of this.seenAt) {
			if (now - at < this.ttlMs && this.seenAt.size <= this.capacity) break;
			this.seenAt.delete(id);
		}
	}

	has(id: string): boolean {
		this.prune(this.now());
		return this.seenAt.has(id);
	}

	/** Records the id; false when it was already seen within the TTL. */
	add(id: string): boolean {
		const now = this.now();
		this.prune(now);
		if (this.seenAt.has(id)) return false;
		this.seenAt.set(id, now);
		this.prune(now);
		return true;
	}

	clear(): void {
		this.seenAt.clear();
	}

	get size(): number {
		return this.seenAt.size;
	}
}

/**
 * The delivery ids of one trigger node (key: workflow and node), process-local. What they save is
 * work only: a redelivery reaching another process (queue mode) or arriving after a restart is not
 * recognised, so exactly-once effects come from the idempotent writes downstream.
 */
const idsByTrigger = new Map<string, ExpiringIdSet>();

export function webhookIdsOf(triggerKey: string): ExpiringIdSet {
	let ids = idsByTrigger.get(triggerKey);
	if (!ids) {
		ids = new ExpiringIdSet();
		idsByTrigger.set(triggerKey, ids);
	}
	return ids;
}

/** Forgets every trigger's delivery ids (tests). */
export function clearWebhookIds(): void {
	idsByTrigger.clear();
}

/** Whether a topic is one of the selected events (`*` selects all). Case-insensitive. */
export function topicSelected(topic: string, events: readonly string[]): boolean {
	const wanted = events.map((event) => event.trim().toLowerCase());
	return wanted.includes(ALL_TOPICS) || wanted.includes(topic.trim().toLowerCase());
}

export const isOrderTopic = (topic: string) => topic.trim().toLowerCase().startsWith('orders/');

/** The webhook body's record: `data` of the `{id, topic, shop_domain, created_at, data}` envelope, else the body. */
export function recordOfPayload(body: IDataObject): IDataObject {
	const data = asObject(body.data);
	return data && typeof body.topic === 'string' ? data : body;
}

/**
 * The shipping lines of an order payload: `shipping_lines` of the order, or of its `order`
 * (the orders/create payload nests the order), else the `order.shippingMethod` of that payload as
 * one line (`appHandle` → source, `serviceCode` → code, `serviceName` → title, `price` in minor units).
 */
export function shippingLinesOf(order: IDataObject): IDataObject[] {
	const nested = asObject(order.order);
	const lines = order.shipping_lines ?? nested?.shipping_lines;
	if (Array.isArray(lines)) return lines.map(asObject).filter((line): line is IDataObject => line !== undefined);
	const method = asObject(order.shippingMethod) ?? asObject(nested?.shippingMethod);
	if (!method) return [];
	return [
		{
			source: method.appHandle ?? null,
			code: method.serviceCode,
			title: method.serviceName,
			priceMinor: method.price,
		},
	];
}

export type OrderRoute = { ok: true; line: IDataObject | undefined } | { ok: false; reason: string };

/**
 * Which shipping line makes the order this app's: the first whose `source` equals `appHandle`
 * (trimmed, case-insensitive), else with `autoPush` the first with an empty or missing source.
 * Refused with a reason: no shipping lines, or only other sources (another app, local_pickup).
 */
export function routeOrder(lines: IDataObject[], appHandle: string, autoPush: boolean): OrderRoute {
	if (lines.length === 0) return { ok: false, reason: 'order has no shipping lines' };
	const handle = appHandle.trim().toLowerCase();
	const sourceOf = (line: IDataObject) => text(line.source).toLowerCase();
	const ours = lines.find((line) => handle !== '' && sourceOf(line) === handle);
	if (ours) return { ok: true, line: ours };
	const empty = lines.find((line) => sourceOf(line) === '');
	if (autoPush && empty) return { ok: true, line: empty };
	const first = text(lines[0].source) || '(none)';
	return { ok: false, reason: `shipping line source ${first} is not this app (${appHandle.trim()})` };
}

/**
 * A shipping line's price in major units as text: a text price is major units (as in quote
 * answers, "80.85"), an integer number minor units (the REST API's money convention), any other
 * number major units; `priceMinor` (from `shippingMethod`) is minor units. Undefined when absent.
 */
export function shippingPriceMajor(line: IDataObject, currency: string): string | undefined {
	const code = /^[A-Za-z]{3}$/.test(currency) ? currency : 'USD';
	try {
		if (line.priceMinor !== undefined && line.priceMinor !== null && text(line.priceMinor) !== '') {
			return formatMinorUnits(Math.round(Number(line.priceMinor)), code);
		}
		const price = line.price;
		if (typeof price === 'string' && price.trim() !== '') return formatMinorUnits(toMinorUnits(price, code), code);
		if (typeof price === 'number' && Number.isFinite(price)) {
			const minor = Number.isInteger(price) ? price : toMinorUnits(price, code);
			return formatMinorUnits(minor, code);
		}
	} catch {
		return undefined;
	}
	return undefined;
}

/** The `shipping` object the trigger emits for the chosen line (see the trigger's docs). */
export function describeShipping(line: IDataObject, prefix: string, currency: string): IDataObject {
	const decoded = decodeLaunchMyStoreServiceCode(line.code ?? line.service_code, prefix);
	const shipping: IDataObject = {
		source: text(line.source) || null,
		code: text(line.code ?? line.service_code),
		title: text(line.title ?? line.name),
		serviceCode: decoded.serviceCode,
		servicePrefix: decoded.servicePrefix,
	};
	const priceMajor = shippingPriceMajor(line, currency);
	if (priceMajor !== undefined) shipping.priceMajor = priceMajor;
	return shipping;
}

/** The order's currency (`currency`, or that of its nested `order`), default USD. */
export function currencyOf(order: IDataObject): string {
	const value = text(order.currency) || text(asObject(order.order)?.currency);
	try {
		currencyExponent(value);
		return value.toUpperCase();
	} catch {
		return 'USD';
	}
}
