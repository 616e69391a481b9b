/**
 * Small in-memory LRU + TTL cache for rate answers (carrier quotes, callback answers), keyed by a stable hash of the
 * canonical request and the options that shape the carrier call.
 *
 * In-memory only and per process (each n8n main/worker keeps its own): a miss simply calls the
 * carrier, so correctness never depends on it. Values are copied in and out, so callers cannot
 * change a cached entry by mutating what they got back. Values must be JSON data.
 */
import { createHash } from 'node:crypto';

export interface RateCacheOptions {
	/** Most entries kept; the least recently used goes first. Default 500. */
	maxEntries?: number;
	/** Clock in epoch milliseconds (tests inject their own). Default `Date.now`. */
	now?: () => number;
}

interface Entry {
	/** JSON text of the value (a copy, so nobody can mutate the cached data). */
	value: string;
	expiresAt: number;
}

export class RateCache<T> {
	private readonly entries = new Map<string, Entry>();

	private readonly maxEntries: number;

	private readonly now: () => number;

	constructor(options: RateCacheOptions = {}) {
		this.maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 500));
		this.now = options.now ?? (() => Date.now());
	}

	/** The cached value, or undefined when absent or expired (expired entries are dropped). */
	get(key: string): T | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= this.now()) {
			this.entries.delete(key);
			return undefined;
		}
		// Re-insert to mark as most recently used (Map keeps insertion order).
		this.entries.delete(key);
		this.entries.set(key, entry);
		return JSON.parse(entry.value) as T;
	}

	/** Stores a value for `ttlMs` milliseconds; a TTL ≤ 0 stores nothing. */
	set(key: string, value: T, ttlMs: number): void {
		if (!(ttlMs > 0)) return;
		this.entries.delete(key);
		this.entries.set(key, { value: JSON.stringify(value), expiresAt: this.now() + ttlMs });
		while (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next().value as string;
			this.entries.delete(oldest);
		}
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}

	get size(): number {
		return this.entries.size;
	}
}

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so two equal
 * requests written in a different key order give the same text.
 */
export function stableStringify(value: unknown): string {
	if (value === undefined) return 'null';
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) {
		return `[${value.map((item) => (item === undefined ? 'null' : stableStringify(item))).join(',')}]`;
	}
	const record = value as Record<string, unknown>;
	const members = Object.keys(record)
		.filter((key) => record[key] !== undefined)
		.sort()
		.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`);
	return `{${members.join(',')}}`;
}

/** SHA-256 (hex) of the stable JSON of `parts`: the cache key. */
export function rateCacheKey(parts: unknown): string {
	return createHash('sha256').update(stableStringify(parts)).digest('hex');
}
