/**
 * The live-rate platform contract: what a store platform that asks a carrier service for rates at
 * checkout (HighLevel's shipping carriers, LaunchMyStore's live rate providers, BigCommerce's
 * shipping providers) must provide so that one Shipping Rates Trigger and one Shipping Rates
 * Response serve it. The fail-open guard, the deadline, the answer cache, admission control and
 * the `x-shipping-rates-source` header live in the trigger and work the same for every platform;
 * a platform only says how its callbacks are authenticated, read and answered.
 *
 * No n8n imports: a platform is plain functions over the request and canonical types
 * (nodes/shared/core), so it is unit-tested without n8n. Adding a platform means one module that
 * implements `LiveRatePlatform` and one line in `platforms/index.ts`.
 */
import { z } from 'zod';
import type { RateQuote, RateRequest } from '../core';
import { RateQuoteSchema, RateRequestSchema } from '../core';

/** What a platform sees of an incoming rate callback. */
export interface RateCallback {
	/** Parsed query string (Express's `req.query`). */
	query: Record<string, unknown>;
	/** Header names in lower case. */
	headers: Record<string, string | string[] | undefined>;
	/** The body as received (for signatures over the raw bytes); undefined when the host kept none. */
	rawBody?: Buffer;
	/** The parsed JSON body. */
	body: unknown;
}

/**
 * The decrypted data of the trigger's credential for this platform (the platform picks its signing
 * secret and settings from it). A callback refused with 401 is authenticated once more by the
 * trigger with a freshly read credential, so a rotated secret is picked up without the platform
 * doing anything.
 */
export type CallbackCredential = () => Promise<Record<string, unknown>>;

/** Thrown by `authenticate` when the credential cannot verify anything (no secret set): a set-up error. */
export class PlatformSetupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PlatformSetupError';
	}
}

/**
 * The outcome of authenticating a callback: the store it is for and how its answers are formatted
 * (carried to the Response node in the trigger's item), or why it is refused (4xx).
 */
export type Authentication =
	| { ok: true; storeId: string; formatOptions?: FormatOptions }
	| { ok: false; status: 400 | 401 | 403; error: string };

/** Thrown by `parse` when a body cannot become a rate request; `field` names the culprit. */
export class RateRequestParseError extends Error {
	constructor(
		message: string,
		readonly field?: string,
	) {
		super(message);
		this.name = 'RateRequestParseError';
	}
}

/** How an answer is formatted, beyond the quotes. */
export interface FormatOptions {
	/** `false` leaves service codes out where the platform makes them optional. */
	includeServiceCode?: boolean;
	/** Namespace of service codes where the platform wants one (LaunchMyStore: the app handle). */
	serviceCodePrefix?: string;
	/** Epoch ms that delivery dates count from (default: now); dates are whole UTC days. */
	now?: number;
	/** Id of the quote answer where the platform wants one (BigCommerce `quote_id`, stable for equal requests). */
	quoteId?: string;
	/** `false` leaves delivery estimates out where the merchant turned them off (BigCommerce `zone_options.show_transit_time`). */
	showTransitTime?: boolean;
}

/** One message of a connection check answer (BigCommerce `messages[]`). */
export interface ConnectionCheckMessage {
	type: 'INFO' | 'WARNING' | 'ERROR';
	text: string;
}

/**
 * `kind` of the item the Shipping Rates Trigger emits for a connection check: `{ kind, platform,
 * locationId, connectionOptions, receivedAt, deadlineAt }` (rate callback items carry no `kind`).
 */
export const CONNECTION_CHECK_KIND = 'checkConnectionOptions';

/**
 * A platform that checks a merchant's connection options before connecting the carrier
 * (BigCommerce's Check Connection Options URL). The trigger serves it on its `check-connection`
 * path: it authenticates the call like a rate callback, emits the options, and answers what the
 * Shipping Rates Response node builds from `valid` and `messages`.
 */
export interface ConnectionCheck {
	/** The connection options of a check request. Throws `RateRequestParseError` naming the field. */
	parse(body: unknown): Record<string, unknown>;
	/** A verdict as the platform's answer body. */
	format(verdict: { valid: boolean; messages: readonly ConnectionCheckMessage[] }): unknown;
	/** Whether `body` is a well-formed answer (else the trigger's guard answers `valid: false`). */
	isAnswer(body: unknown): boolean;
}

export interface LiveRatePlatform {
	/** Stable id, stored in the trigger's Platform option and in every item it emits. */
	readonly id: string;
	/** Name shown in the trigger's Platform option. */
	readonly displayName: string;
	/** Deadline the trigger proposes for this platform, in milliseconds (under the platform's own timeout). */
	readonly defaultDeadlineMs: number;
	/** n8n credential types the trigger offers for this platform; the first is the default. */
	readonly credentialTypes: readonly string[];
	/**
	 * Checks that the callback comes from the platform for one store (location, shop); constant-time
	 * comparisons only. Never throws for a bad request: answers `{ ok: false }` with the reason.
	 * Throws `PlatformSetupError` when the credential holds no secret.
	 */
	authenticate(callback: RateCallback, credential: CallbackCredential): Promise<Authentication>;
	/**
	 * The callback body as one canonical rate request. `storeId` is the authenticated store; a body
	 * that names another store is refused. Throws `RateRequestParseError` naming the field.
	 */
	parse(body: unknown, options: { storeId: string; defaultCurrency: string }): RateRequest;
	/** Canonical quotes (already shaped by the rules) as the platform's answer body. */
	format(quotes: readonly RateQuote[], options?: FormatOptions): unknown;
	/** Whether `body` is a well-formed answer of this platform (else the guard answers the fallback). */
	isAnswer(body: unknown): boolean;
	/** The fallback rates as the platform's answer body, where it differs from `format`. */
	formatFallback?(quotes: readonly RateQuote[], options?: FormatOptions): unknown;
	/**
	 * The body of a 4xx answer (a refused or unreadable callback) where the platform wants its own
	 * shape (BigCommerce: `messages: [{ type: "ERROR", text }]`). Without it: `{ error, field? }`.
	 */
	formatError?(message: string, options?: FormatOptions): unknown;
	/** Connection checks, for a platform that makes them (BigCommerce); others answer 404 on that path. */
	readonly connectionCheck?: ConnectionCheck;
}

/** Whether `body` is an object with a `rates` array: the answer shape HighLevel and LaunchMyStore share. */
export function hasRatesList(body: unknown): boolean {
	return typeof body === 'object' && body !== null && Array.isArray((body as { rates?: unknown }).rates);
}

/**
 * The item the Shipping Rates Trigger emits, which carrier nodes (Get Rates) and the Shipping
 * Rates Response node read: the canonical rate request, plus the platform, the store, the
 * deadline (epoch ms) and the fallback rates. Unknown keys (for example `rawBody`) pass through.
 */
export const RateCallbackItemSchema = RateRequestSchema.extend({
	platform: z.string().min(1),
	/** The authenticated store: a HighLevel location id, a LaunchMyStore shop, a BigCommerce store hash. */
	locationId: z.string().min(1),
	receivedAt: z.number().int().nonnegative(),
	deadlineAt: z.number().int().nonnegative(),
	fallbackRates: z.array(RateQuoteSchema),
	/** How the Response node formats the answer (`FormatOptions`, from `authenticate`). */
	answerOptions: z
		.object({ serviceCodePrefix: z.string().optional(), now: z.number().optional() })
		.passthrough()
		.optional(),
}).passthrough();
export type RateCallbackItem = z.infer<typeof RateCallbackItemSchema>;
