'use strict';
/**
 * Load generation and measurement for the benchmark (bench/run.js): closed-loop callers posting
 * HighLevel live-rate callbacks, and a sampler of a process's resident memory.
 *
 * A caller sends its next call as soon as it has the answer to the last one (what a checkout page
 * does, and what turns a slow server into a growing backlog when answers come from a deadline).
 */
const fs = require('node:fs');
const http = require('node:http');

/** One POST; resolves { ms, status, source, rates } (rates: count, -1 when not a rates answer). */
function post(agent, url, body, timeoutMs = 30000) {
	return new Promise((resolve) => {
		const payload = JSON.stringify(body);
		const started = process.hrtime.bigint();
		const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
		const req = http.request(
			url,
			{ method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					let rates = -1;
					try {
						rates = JSON.parse(Buffer.concat(chunks).toString('utf8')).rates.length;
					} catch {
						rates = -1;
					}
					resolve({ ms: elapsed(), status: res.statusCode, source: String(res.headers['x-shipping-rates-source'] || 'n/a'), rates });
				});
			},
		);
		req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
		req.on('error', () => resolve({ ms: elapsed(), status: 0, source: 'error', rates: -1 }));
		req.end(payload);
	});
}

/**
 * Carts: `repeat` posts the fixture as is (the answer cache hits after the first call); `new`
 * gives every call a destination ZIP code never used before in this process (every call quotes at
 * the carrier, like new buyers).
 */
function cartSource(fixture) {
	let zip = 10000;
	return (mode) => {
		const body = JSON.parse(JSON.stringify(fixture));
		if (mode === 'new') {
			zip += 1;
			body.rate.destination.zip = String(zip).padStart(5, '0');
		}
		return body;
	};
}

/** Resident set size of a process in bytes (Linux /proc), 0 when it is gone. */
function rssOf(pid) {
	try {
		const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Samples `read()` (bytes) every `everyMs` until stopped; resolves { peak, last, samples }. */
function memorySampler(read, everyMs = 200) {
	let peak = 0;
	let last = 0;
	let samples = 0;
	const tick = () => {
		last = read();
		samples += 1;
		if (last > peak) peak = last;
	};
	tick();
	const timer = setInterval(tick, everyMs);
	return {
		get peak() {
			return peak;
		},
		stop() {
			clearInterval(timer);
			tick();
			return { peak, last, samples };
		},
	};
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/**
 * Runs `callers` closed-loop callers until `count` calls are done or `seconds` have passed.
 * `onProgress(doneCount)` is called after every answer. Resolves the row's figures:
 * { calls, seconds, rps, p50, p99, max, carrier, cache, fallback, overload, bad, withinDeadline }.
 *   carrier: answered 200 with rates by the workflow (source workflow, or a core-node answer);
 *   cache: answered from the answer cache; fallback: any fallback-* source; overload: fallback-overload;
 *   bad: not 200 or not a rates answer; withinDeadline: answered 200 ≤ deadlineMs + graceMs;
 *   lateBySource: the other answers, counted by x-shipping-rates-source.
 */
async function runLoad({ url, callers, count = Infinity, seconds = Infinity, cart, deadlineMs = 2500, graceMs = 200, warmup = 0, onProgress }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: callers });
	for (let i = 0; i < warmup; i++) await post(agent, url, cart());
	const results = [];
	let started = 0;
	const t0 = process.hrtime.bigint();
	const elapsedS = () => Number(process.hrtime.bigint() - t0) / 1e9;
	await Promise.all(
		Array.from({ length: callers }, async () => {
			while (started < count && elapsedS() < seconds) {
				started += 1;
				results.push(await post(agent, url, cart()));
				if (onProgress) onProgress(results.length);
			}
		}),
	);
	const total = elapsedS();
	agent.destroy();
	const ms = results.map((r) => r.ms).sort((a, b) => a - b);
	const ok = (r) => r.status === 200 && r.rates > 0;
	const carrierSources = new Set(['workflow', 'n/a']);
	return {
		calls: results.length,
		seconds: total,
		rps: results.length / total,
		p50: percentile(ms, 50),
		p99: percentile(ms, 99),
		max: ms[ms.length - 1],
		carrier: results.filter((r) => ok(r) && carrierSources.has(r.source)).length,
		carrierWithinDeadline: results.filter((r) => ok(r) && carrierSources.has(r.source) && r.ms <= deadlineMs).length,
		cache: results.filter((r) => ok(r) && r.source === 'cache').length,
		fallback: results.filter((r) => r.source.startsWith('fallback')).length,
		overload: results.filter((r) => r.source === 'fallback-overload').length,
		bad: results.filter((r) => !ok(r)).length,
		withinDeadline: results.filter((r) => r.status === 200 && r.ms <= deadlineMs + graceMs).length,
		lateBySource: results
			.filter((r) => !(r.status === 200 && r.ms <= deadlineMs + graceMs))
			.reduce((counts, r) => ({ ...counts, [r.source]: (counts[r.source] || 0) + 1 }), {}),
	};
}

module.exports = { post, cartSource, rssOf, memorySampler, runLoad, percentile };
