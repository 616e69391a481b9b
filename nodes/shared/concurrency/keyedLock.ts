/**
 * Serialises work on one natural key inside this process, e.g. "look for the fulfillment with
 * this tracking number, create it if missing" for one order. Two executions of the same event that
 * run at once in one n8n process then see each other's writes instead of both creating.
 *
 * In memory only, as the pack's design requires: another process (a queue-mode worker) is not
 * covered, so correctness still rests on the look-before-create itself and on reconciliation.
 * Keys are dropped as soon as nobody waits on them, so memory stays bounded by the work in flight.
 */
const tails = new Map<string, Promise<void>>();

export async function withKeyLock<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = tails.get(key) ?? Promise.resolve();
	let release: () => void = () => undefined;
	const mine = new Promise<void>((resolve) => {
		release = resolve;
	});
	const tail = previous.then(() => mine);
	tails.set(key, tail);
	await previous;
	try {
		return await work();
	} finally {
		release();
		if (tails.get(key) === tail) tails.delete(key);
	}
}

/** How many keys are held or awaited now (for tests and diagnostics). */
export function lockedKeyCount(): number {
	return tails.size;
}
