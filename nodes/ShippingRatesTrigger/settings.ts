/**
 * The Shipping Rates Trigger's settings for one callback, read without n8n's per-parameter cost
 * when the node holds no expression (shared/parameters.ts). Defaults are the node description's.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { parameterReader } from '../../nodes/shared/parameters';
import { DEFAULT_PLATFORM_ID, platformById } from '../../nodes/shared/liveRates/platforms';
import type { LiveRatePlatform } from '../../nodes/shared/liveRates/platform';
import { edgeFor } from '../../nodes/shared/liveRates/edges';
import type { TriggerParameterRead } from '../../nodes/shared/liveRates/triggerEdge';

/**
 * Default bound on executions in flight per trigger and process, from the benchmark (README): on
 * 2 cores, with the bundled live-rates workflow, n8n's recommended expression setting and a carrier
 * answering in ~100 ms, the pack completes about 35 executions a second; 32 in flight keep p50
 * near 0.8 s and every admitted call well inside the 2,500 ms deadline with 32 callers, while 48
 * let a 64-caller burst push admitted calls past it. Size it as completed executions per second ×
 * half the deadline in seconds.
 */
export const DEFAULT_MAX_IN_FLIGHT = 32;

/**
 * Share of the deadline an admitted execution may take (admission to answer) before the adaptive
 * bound shrinks (admission.ts): executions slower than that are about to miss the deadline, which
 * under a burst means the machine admits more than it can finish in time. A carrier that is slow
 * by itself but answers within it leaves the bound alone.
 */
export const TARGET_LATENCY_SHARE = 0.8;

/**
 * How long after its deadline an admitted execution may hold its slot without answering, in ms.
 * n8n writes every execution's answer to the callback's response when it ends (the guard sees it
 * and frees the slot); this only bounds the loss when it never does (e.g. a crashed worker).
 */
export const SLOT_HOLD_AFTER_DEADLINE_MS = 30_000;

export interface TriggerSettings {
	/** The live-rate platform (nodes/shared/liveRates/platforms) the callbacks come from. */
	platform: LiveRatePlatform;
	/** n8n credential type name the callbacks are authenticated with (`credentialTypeOf`). */
	credentialType: string;
	/** Milliseconds after arrival by which the callback is answered. */
	deadlineMs: number;
	/** The Fallback Rates parameter as stored (`{ rate: [...] }`). */
	fallbackRates: IDataObject;
	defaultCurrency: string;
	/** Answer cache lifetime in ms; 0 = off. */
	answerCacheTtlMs: number;
	includeRawBody: boolean;
	/** Most executions in flight for this trigger in this process; 0 = no bound. */
	maxInFlight: number;
}

/**
 * The credential type a callback of `platform` is authenticated with: the one its trigger edge
 * picks from the parameters (HighLevel: by its Authentication option), else the platform's first.
 */
export function credentialTypeOf(platform: LiveRatePlatform, read: TriggerParameterRead): string {
	const edge = edgeFor(platform.id);
	return edge?.credentialType ? edge.credentialType(read) : platform.credentialTypes[0];
}

export function readTriggerSettings(ctx: IWebhookFunctions): TriggerSettings {
	const read = parameterReader(ctx.getNode(), (name, fallback) => ctx.getNodeParameter(name, fallback));
	const options = read<IDataObject>('options', {});
	const maxInFlight = Number(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
	const platform = platformById(String(read('platform', DEFAULT_PLATFORM_ID)));
	return {
		platform,
		credentialType: credentialTypeOf(platform, read),
		deadlineMs: Number(read('deadlineMs', platform.defaultDeadlineMs)),
		fallbackRates: read<IDataObject>('fallbackRates', {}),
		defaultCurrency: String(options.defaultCurrency || 'USD'),
		answerCacheTtlMs: Math.max(0, Number(options.answerCacheSeconds ?? 0)) * 1000,
		includeRawBody: options.includeRawBody === true,
		maxInFlight: Number.isFinite(maxInFlight) ? Math.max(0, Math.floor(maxInFlight)) : DEFAULT_MAX_IN_FLIGHT,
	};
}
