/**
 * One live-rate callback, as the Shipping Rates Trigger handles it (its `webhook` method).
 *
 *  1. authenticate the callback through the trigger's platform (nodes/shared/liveRates/platform.ts;
 *     HighLevel, BigCommerce: the signed URL `?loc=&t=`, constant time; 401 otherwise);
 *  2. parse the platform's body into one canonical rate request (400 naming the field otherwise);
 *     refusals are `{ error, field? }`, or the platform's own error body (`formatError`: BigCommerce
 *     `{ quote_id, messages: [{ type: "ERROR", text }], carrier_quotes: [] }`);
 *  3. answer cache: an identical cart answered by the workflow less than N seconds ago is
 *     answered again at once (`x-shipping-rates-source: cache`), no execution;
 *  4. admission control (admission.ts): with every slot of this trigger taken (an adaptive bound
 *     up to Max Executions in Flight), the fallback rates are answered at once
 *     (`fallback-overload`), no execution;
 *  5. otherwise the fail-open guard is armed (failOpen.ts) and one execution starts with the
 *     request, `deadlineAt` and the fallback rates; the slot is given back when the execution's
 *     own answer reaches the response.
 * The hot path reads the credential through the short-lived credential cache and the parameters
 * without n8n's per-parameter cost. The emitted item is `RateCallbackItem` (platform.ts).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type {
	Authentication,
	CallbackCredential,
	FormatOptions,
	LiveRatePlatform,
	RateCallback,
} from '../../nodes/shared/liveRates/platform';
import { RateRequestParseError } from '../../nodes/shared/liveRates/platform';
import { readCachedCredentials } from '../../nodes/shared/credentials/credentialCache';
import { SOURCE_HEADER } from '../../nodes/shared/liveRates/headers';
import type { GuardedResponse } from './failOpen';
import { armFailOpen } from './failOpen';
import { answerCache, answerCacheKey } from './answerCache';
import { readFallbackRates } from './fallback';
import { admissionGateFor } from './admission';
import type { TriggerSettings } from './settings';
import { readTriggerSettings, SLOT_HOLD_AFTER_DEADLINE_MS, TARGET_LATENCY_SHARE } from './settings';

/** A kept credential older than this is read again before a callback is refused as unsigned. */
const REVERIFY_AFTER_MS = 5_000;

interface Answerable {
	status(code: number): Answerable;
	setHeader(name: string, value: string): unknown;
	json(body: unknown): unknown;
}

/** Answers at once (no execution), optionally naming the source in `x-shipping-rates-source`. */
export function answerNow(res: Answerable, status: number, body: unknown, source?: string): IWebhookResponseData {
	if (source) res.setHeader(SOURCE_HEADER, source);
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * A 4xx answer in the platform's error shape (`formatError`, e.g. BigCommerce's `messages`), else
 * `{ error, field? }` (HighLevel, LaunchMyStore).
 */
function refuse(
	res: Answerable,
	platform: LiveRatePlatform,
	status: number,
	error: string,
	options: { field?: string; formatOptions?: FormatOptions } = {},
): IWebhookResponseData {
	const body = platform.formatError
		? platform.formatError(error, options.formatOptions)
		: { error, field: options.field };
	return answerNow(res, status, body);
}

/** The part of an incoming call a platform authenticates. */
export function callbackOf(ctx: IWebhookFunctions): RateCallback {
	const req = ctx.getRequestObject();
	return {
		query: req.query as Record<string, unknown>,
		headers: req.headers ?? {},
		rawBody: (req as unknown as { rawBody?: Buffer }).rawBody,
		body: req.body,
	};
}

/**
 * Authenticates a call through the trigger's platform with the trigger's credential. Refused with
 * a kept credential (401): once more with one read from n8n within the last 5 s, so a rotated
 * secret is picked up. The platform's set-up error (an empty secret) is thrown as a
 * NodeOperationError.
 */
export async function authenticateCall(
	ctx: IWebhookFunctions,
	settings: TriggerSettings,
	callback: RateCallback,
): Promise<Authentication> {
	const { platform } = settings;
	const credential = (maxAgeMs?: number): CallbackCredential => async () =>
		await readCachedCredentials(ctx, settings.credentialType, { maxAgeMs });
	try {
		const authentication = await platform.authenticate(callback, credential());
		if (authentication.ok || authentication.status !== 401) return authentication;
		return await platform.authenticate(callback, credential(REVERIFY_AFTER_MS));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

export async function handleRateCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const receivedAt = Date.now();
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	const settings = readTriggerSettings(this);
	const { platform } = settings;

	const authentication = await authenticateCall(this, settings, callbackOf(this));
	if (!authentication.ok) return refuse(res, platform, authentication.status, authentication.error);
	const locationId = authentication.storeId;
	const answerOptions = authentication.formatOptions ?? {};

	let request;
	try {
		request = platform.parse(req.body, { storeId: locationId, defaultCurrency: settings.defaultCurrency });
	} catch (error) {
		if (error instanceof RateRequestParseError) {
			return refuse(res, platform, 400, error.message, { field: error.field, formatOptions: answerOptions });
		}
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	if (request.locationId && request.locationId !== locationId) {
		return refuse(res, platform, 401, 'callback URL is signed for another location (store) than the body names', {
			formatOptions: answerOptions,
		});
	}

	const workflowId = this.getWorkflow().id ?? '';
	const nodeName = this.getNode().name;
	const cacheKey =
		settings.answerCacheTtlMs > 0 ? answerCacheKey(workflowId, nodeName, locationId, request) : undefined;
	const cached = cacheKey ? answerCache.get(cacheKey) : undefined;
	if (cached) return answerNow(res, 200, cached, 'cache');

	const fallbackRates = readFallbackRates(settings.fallbackRates, request.currency);
	const fallbackBody = (platform.formatFallback ?? platform.format)(fallbackRates, { ...answerOptions, now: receivedAt });
	const slot = admissionGateFor(`${workflowId}\n${nodeName}`, {
		maxInFlight: settings.maxInFlight,
		holdMs: settings.deadlineMs + SLOT_HOLD_AFTER_DEADLINE_MS,
		targetLatencyMs: Math.round(settings.deadlineMs * TARGET_LATENCY_SHARE),
	}).tryAcquire();
	if (!slot) return answerNow(res, 200, fallbackBody, 'fallback-overload');

	const deadlineAt = receivedAt + settings.deadlineMs;
	armFailOpen(res as unknown as GuardedResponse, {
		deadlineAt,
		fallbackBody,
		isAnswer: platform.isAnswer,
		onSettled: (_source, body, cacheable) => {
			if (cacheKey && cacheable) answerCache.set(cacheKey, body as IDataObject, settings.answerCacheTtlMs);
		},
		onExecutionAnswer: () => slot.release(),
	});

	const json: IDataObject = {
		...(request as unknown as IDataObject),
		platform: platform.id,
		locationId: request.locationId ?? locationId,
		receivedAt,
		deadlineAt,
		fallbackRates: fallbackRates as unknown as IDataObject[],
	};
	if (Object.keys(answerOptions).length > 0) json.answerOptions = { ...answerOptions, now: receivedAt };
	if (settings.includeRawBody) {
		const raw = (req as unknown as { rawBody?: Buffer }).rawBody;
		json.rawBody = raw ? raw.toString('utf8') : JSON.stringify(req.body);
	}
	return { workflowData: [[{ json }]] };
}
