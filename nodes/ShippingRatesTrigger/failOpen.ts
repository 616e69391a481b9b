/**
 * Fail-open guard for a pending live-rate callback.
 *
 * The store platform (HighLevel, …) waits on the HTTP response of the callback; a 5xx, a non-JSON
 * answer or a slow one leaves the buyer without shipping options. Once the trigger has accepted a callback it arms
 * this guard on the Express response:
 *  - at the deadline (FALLBACK_LEAD_MS before it, for timer delay under load), if nothing was sent
 *    yet, it answers 200 with the fallback rates;
 *  - whatever n8n sends later (the Shipping Rates Response node's answer arriving late, or n8n's
 *    own "Error in workflow" 500 when a node fails) is dropped once an answer went out;
 *  - an answer that is not 2xx and a valid answer of the platform (`isAnswer`) is replaced by the
 *    fallback rates;
 *  - header writes after the answer went out (`setHeader`, and `setHeaders`, which n8n's
 *    response-node relay uses and Node.js answers with "Cannot set headers after they are sent to
 *    the client" once headers are out) are dropped.
 * Every time n8n writes the execution's own answer (the Shipping Rates Response node's, or n8n's
 * when the workflow failed or ended without one), `onExecutionAnswer` tells the trigger that the
 * execution is done, even when the deadline answered the caller long before.
 * The guard lives where the HTTP connection lives (n8n's main or webhook process), so it works
 * unchanged in queue mode, where the workflow itself runs on a worker.
 */
import { sleep } from 'n8n-workflow';
import { CACHEABLE_HEADER, SOURCE_HEADER } from '../../nodes/shared/liveRates/headers';
import { parseJson } from '../../nodes/shared/json';
import { fallbackAt } from '../../nodes/shared/liveRates/deadline';
import { hasRatesList } from '../../nodes/shared/liveRates/platform';

/** The part of Express's response the guard touches. */
export interface GuardedResponse {
	getHeader(name: string): number | string | string[] | undefined;
	headersSent: boolean;
	writableEnded: boolean;
	statusCode: number;
	status(code: number): GuardedResponse;
	setHeader(name: string, value: number | string | readonly string[]): GuardedResponse;
	/** Node.js ≥ 18.15: sets several headers at once (a Headers or a Map). */
	setHeaders?(headers: Headers | Map<string, number | string | readonly string[]>): GuardedResponse;
	json(body?: unknown): GuardedResponse;
	send(body?: unknown): GuardedResponse;
	end(...args: unknown[]): GuardedResponse;
}


export interface FailOpenOptions {
	/** Epoch milliseconds by which an answer must be sent. */
	deadlineAt: number;
	/** Body sent on deadline or failure: the fallback rates in the platform's answer format. */
	fallbackBody: unknown;
	/**
	 * Body sent on deadline or failure when it depends on which (a connection check answers why it
	 * is not valid); takes the place of `fallbackBody`.
	 */
	fallbackFor?: (source: 'fallback-deadline' | 'fallback-error') => unknown;
	/**
	 * Whether a body is a well-formed answer of the callback's platform (`LiveRatePlatform.isAnswer`);
	 * any other answer is replaced by the fallback. Default: a `{ "rates": [...] }` object.
	 */
	isAnswer?: (body: unknown) => boolean;
	/**
	 * Called once with how the callback was answered, the body sent, and whether the workflow
	 * marked it cacheable (carrier quotes rather than fallback rates).
	 */
	onSettled?: (source: 'workflow' | 'fallback-deadline' | 'fallback-error', body: unknown, cacheable: boolean) => void;
	/**
	 * Called once, when n8n first writes the execution's own answer (whether or not the caller was
	 * already answered): the execution is done with the callback (admission control gives its slot back).
	 */
	onExecutionAnswer?: () => void;
}


function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	return typeof body === 'string' ? parseJson(body) : body;
}

/** Wraps `res` so that the callback is always answered with rates, by `deadlineAt` at the latest. */
export function armFailOpen(res: GuardedResponse, options: FailOpenOptions): void {
	const original = {
		status: res.status.bind(res),
		setHeader: res.setHeader.bind(res),
		end: res.end.bind(res),
	};
	let settled = false;

	const deliver = (body: unknown, source: 'workflow' | 'fallback-deadline' | 'fallback-error') => {
		settled = true;
		if (res.headersSent) return;
		const cacheable = source === 'workflow' && String(res.getHeader(CACHEABLE_HEADER)) === 'true';
		original.status(200);
		original.setHeader('content-type', 'application/json; charset=utf-8');
		original.setHeader(SOURCE_HEADER, source);
		original.end(JSON.stringify(body));
		options.onSettled?.(source, body, cacheable);
	};

	const fallback = (source: 'fallback-deadline' | 'fallback-error') =>
		options.fallbackFor ? options.fallbackFor(source) : options.fallbackBody;

	let executionAnswered = false;
	const markExecutionAnswered = () => {
		if (executionAnswered) return;
		executionAnswered = true;
		options.onExecutionAnswer?.();
	};
	const answer = (body: unknown) => {
		markExecutionAnswered();
		if (settled) return res;
		const parsed = parseBody(body);
		const ok = res.statusCode >= 200 && res.statusCode < 300 && (options.isAnswer ?? hasRatesList)(parsed);
		if (ok) deliver(parsed, 'workflow');
		else deliver(fallback('fallback-error'), 'fallback-error');
		return res;
	};

	res.status = (code: number) => {
		if (!settled) original.status(code);
		return res;
	};
	res.setHeader = (name, value) => {
		if (!res.headersSent) original.setHeader(name, value);
		return res;
	};
	res.setHeaders = (headers) => {
		if (!res.headersSent) headers.forEach((value, name) => original.setHeader(name, value));
		return res;
	};
	res.json = (body?: unknown) => answer(body);
	res.send = (body?: unknown) => answer(body);
	res.end = (...args: unknown[]) => {
		if (res.writableEnded) {
			markExecutionAnswered();
			return res;
		}
		if (!settled) return answer(args[0]);
		original.end(...args);
		return res;
	};

	void sleep(Math.max(0, fallbackAt(options.deadlineAt) - Date.now())).then(() => {
		if (!settled) deliver(fallback('fallback-deadline'), 'fallback-deadline');
	});
}
