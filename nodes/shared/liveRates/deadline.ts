/**
 * The live-rate deadline carried on the trigger's item: `deadlineAt`, epoch milliseconds by which
 * the callback is answered (the Shipping Rates Trigger's fail-open guard answers the fallback
 * rates then, if nothing else has). Nodes downstream read it to size their carrier calls and to
 * end early once the callback is answered. Stateless: it works wherever the execution runs (main
 * process or a queue-mode worker).
 */

/**
 * How long before `deadlineAt` the guard sends the fallback rates, in ms: under load the event
 * loop runs timers late, and the answer still has to reach HighLevel by the deadline.
 */
export const FALLBACK_LEAD_MS = 250;

/** Epoch ms at which the guard answers a callback whose deadline is `deadlineAt`. */
export function fallbackAt(deadlineAt: number): number {
	return deadlineAt - FALLBACK_LEAD_MS;
}

/** `deadlineAt` as a number, or undefined when absent or not a finite number. */
export function readDeadline(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * Whether the callback behind this item was already answered: the guard's time (`fallbackAt`)
 * has passed, so it has sent the fallback rates and whatever the execution computes now is dropped.
 */
export function callbackAnswered(json: { deadlineAt?: unknown }, now: number = Date.now()): boolean {
	const deadlineAt = readDeadline(json.deadlineAt);
	return deadlineAt !== undefined && now >= fallbackAt(deadlineAt);
}
