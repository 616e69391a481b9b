/**
 * One live-rate callback, as the Shipping Rates Trigger handles it (its `webhook` method).
 *
 *  1. authenticate the callback through the trigger's platform (nodes/shared/liveRates/platform.ts;
 *     HighLevel: the signed URL `?loc=&t=`, constant time; 401 otherwise);
 *  2. parse the platform's body into one canonical rate request (400 naming the field otherwise);
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
import type { CallbackCredential, RateCallback } from '../../nodes/shared/liveRates/platform';
import { RateRequestParseError } from '../../nodes/shared/liveRates/platform';
import { readCachedCredentials } from '../../nodes/shared/credentials/credentialCache';
import { SOURCE_HEADER } from '../../nodes/shared/liveRates/headers';
import type { GuardedResponse } from './failOpen';
import { armFailOpen } from './failOpen';
import { answerCache, answerCacheKey } from './answerCache';
import { readFallbackRates } from './fallback';
import { admissionGateFor } from './admission';
import { readTriggerSettings, SLOT_HOLD_AFTER_DEADLINE_MS, TARGET_LATENCY_SHARE } from './settings';

/** A kept credential older than this is read again before a callback is refused as unsigned. */
const REVERIFY_AFTER_MS = 5_000;

interface Answerable {
	status(code: number): Answerable;
	setHeader(name: string, value: string): unknown;
	json(body: unknown): unknown;
}

function answerNow(res: Answerable, status: number, body: unknown, source?: string): IWebhookResponseData {
	if (source) res.setHeader(SOURCE_HEADER, source);
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

export async function handleRateCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const receivedAt = Date.now();
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	const settings = readTriggerSettings(this);
	const { platform } = settings;

	const callback: RateCallback = {
		query: req.query as Record<string, unknown>,
		headers: req.headers ?? {},
		rawBody: (req as unknown as { rawBody?: Buffer }).rawBody,
		body: req.body,
	};
	// Refused with a kept credential: once more with one read from n8n within the last 5 s, so a
	// rotated secret is picked up (the platform set-up error of an empty secret surfaces as is).
	const credential = (maxAgeMs?: number): CallbackCredential => async () =>
		await readCachedCredentials(this, settings.credentialType, { maxAgeMs });
	let authentication;
	try {
		authentication = await platform.authenticate(callback, credential());
		if (!authentication.ok && authentication.status === 401) {
			authentication = await platform.authenticate(callback, credential(REVERIFY_AFTER_MS));
		}
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	if (!authentication.ok) return answerNow(res, authentication.status, { error: authentication.error });
	const locationId = authentication.storeId;
	const answerOptions = authentication.formatOptions ?? {};

	let request;
	try {
		request = platform.parse(req.body, { storeId: locationId, defaultCurrency: settings.defaultCurrency });
	} catch (error) {
		if (error instanceof RateRequestParseError) {
			return answerNow(res, 400, { error: error.message, field: error.field });
		}
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	if (request.locationId && request.locationId !== locationId) {
		return answerNow(res, 401, { error: 'callback URL is signed for another location (store) than the body names' });
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
