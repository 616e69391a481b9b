import { RateCache, rateCacheKey, stableStringify } from '../../../nodes/shared/cache/rateCache';

describe('RateCache', () => {
	let now = 1_000;
	const clock = () => now;
	beforeEach(() => {
		now = 1_000;
	});

	it('returns a value until its TTL runs out, then forgets it', () => {
		const cache = new RateCache<{ n: number }>({ now: clock });
		cache.set('k', { n: 1 }, 500);
		now = 1_499;
		expect(cache.get('k')).toEqual({ n: 1 });
		now = 1_500;
		expect(cache.get('k')).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('stores nothing for a TTL of 0', () => {
		const cache = new RateCache<number>({ now: clock });
		cache.set('k', 1, 0);
		expect(cache.get('k')).toBeUndefined();
	});

	it('evicts the least recently used entry beyond maxEntries', () => {
		const cache = new RateCache<string>({ now: clock, maxEntries: 2 });
		cache.set('a', 'A', 1000);
		cache.set('b', 'B', 1000);
		expect(cache.get('a')).toBe('A'); // a is now the most recent
		cache.set('c', 'C', 1000);
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBe('A');
		expect(cache.get('c')).toBe('C');
	});

	it('hands out copies, so callers cannot change a cached entry', () => {
		const cache = new RateCache<{ list: number[] }>({ now: clock });
		const value = { list: [1] };
		cache.set('k', value, 1000);
		value.list.push(2);
		const first = cache.get('k') as { list: number[] };
		first.list.push(3);
		expect(cache.get('k')).toEqual({ list: [1] });
	});
});

describe('rateCacheKey / stableStringify', () => {
	it('is the same for equal data in another key order and differs otherwise', () => {
		const a = { request: { currency: 'USD', destination: { country: 'US', postalCode: '10001' } }, x: undefined };
		const b = { request: { destination: { postalCode: '10001', country: 'US' }, currency: 'USD' } };
		expect(stableStringify(a)).toBe(stableStringify(b));
		expect(rateCacheKey(a)).toBe(rateCacheKey(b));
		expect(rateCacheKey(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(rateCacheKey({ request: { ...b.request, currency: 'CAD' } })).not.toBe(rateCacheKey(b));
		expect(stableStringify([1, undefined, { b: 2, a: [null] }])).toBe('[1,null,{"a":[null],"b":2}]');
	});
});
