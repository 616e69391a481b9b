'use strict';
/**
 * The benchmark's Markdown report (bench/run.js): one table per n8n configuration, and the
 * issue's targets checked against the figures of the same run.
 */

const mb = (bytes) => (bytes === undefined ? '–' : String(Math.round(bytes / 1048576)));
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const pct = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');
const mark = (ok) => (ok ? 'met' : '**not met**');

/** Heading of one configuration's table; `version` is the n8n version the run used. */
const TITLES = {
	defaults: (version) => `n8n ${version} as installed (defaults)`,
	recommended: (version) =>
		`n8n ${version} with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (the README’s setting for live rates)`,
};
// Runs recorded before the version was stored in the results used n8n 2.41.1.
const versionOf = (results) => results.n8nVersion || '2.41.1';

function rowLine(r) {
	const label = r.workflow === 'queue' ? 'pack, queue mode (webhook process + 2 workers)' : r.workflow;
	const name = r.burst ? `${label} (overload, ${Math.round(r.seconds)} s)` : label;
	return `| ${name} | ${r.carts} | ${r.callers} | ${r.calls} | ${fixed(r.rps)} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${pct(r.carrier, r.calls)} | ${pct(r.cache, r.calls)} | ${r.fallback} (${r.overload ? r.overload : 0}) | ${pct(r.withinDeadline, r.calls)} | ${mb(r.rssPeak)} | ${mb(r.rssAfter)} |`;
}

function find(runs, workflow, carts, callers, overload = false) {
	const list = (runs[workflow] && runs[workflow].rows) || [];
	return list.find((r) => r.carts === carts && r.callers === callers && Boolean(r.burst) === overload);
}

/** The targets of the live-rates issue that the figures of one configuration can show. */
function targets(runs, deadlineMs) {
	const lines = [];
	for (const callers of [8, 32]) {
		const pack = find(runs, 'pack', 'new', callers);
		const peer = find(runs, 'peer', 'new', callers);
		if (pack && peer) {
			// Throughput of live rates = answers with carrier rates per second (fallback answers excluded).
			const packRate = pack.carrier / pack.seconds;
			const peerRate = peer.carrier / peer.seconds;
			const ratio = packRate / peerRate;
			lines.push(
				`- New carts, ${callers} callers: pack ${fixed(packRate)} carrier-rate answers/s (${fixed(pack.rps)} req/s, ${pct(pack.carrier, pack.calls)} carrier rates) vs peer ${fixed(peerRate)}/s: ${fixed(ratio, 2)}× (target ≥ 1.2×: ${mark(ratio >= 1.2)}); p50 ${fixed(pack.p50)} vs ${fixed(peer.p50)} ms (target pack ≤ peer: ${mark(pack.p50 <= peer.p50)}).`,
			);
		}
		const hit = find(runs, 'pack', 'repeat', callers);
		const floor = find(runs, 'floor', 'repeat', callers);
		if (hit && floor) {
			// Repeated carts count only answers 200 with rates (from the cache or the workflow).
			const hitRate = (hit.calls - hit.bad) / hit.seconds;
			const floorRate = (floor.calls - floor.bad) / floor.seconds;
			lines.push(
				`- Repeated carts, ${callers} callers: pack ${fixed(hitRate)} answers with rates/s (${pct(hit.cache, hit.calls)} from the answer cache) vs n8n's floor ${fixed(floorRate)}/s: ${fixed(hitRate / floorRate, 2)}× (target ≥ 1×: ${mark(hitRate >= floorRate)}).`,
			);
		}
	}
	const over = find(runs, 'pack', 'new', 64, true);
	const overPeer = find(runs, 'peer', 'new', 64, true);
	if (over && overPeer) {
		const idle = runs.pack.idle;
		lines.push(
			`- Overload, 64 callers: ${pct(over.withinDeadline, over.calls)} of ${over.calls} pack calls answered within ${deadlineMs} + 200 ms (target 100 %: ${mark(over.withinDeadline === over.calls)}${over.withinDeadline === over.calls ? '' : `; late: ${JSON.stringify(over.lateBySource)}`}); the peer answered ${pct(overPeer.withinDeadline, overPeer.calls)} of ${overPeer.calls} within it.`,
			`- Overload, carrier rates: pack ${over.carrierWithinDeadline} callers got carrier rates within the deadline (${over.overload} fallback-overload, ${over.fallback - over.overload} other fallback), peer ${overPeer.carrierWithinDeadline} (target pack ≥ peer: ${mark(over.carrierWithinDeadline >= overPeer.carrierWithinDeadline)}).`,
			`- Overload, memory: n8n main RSS peak ${mb(over.rssPeak)} MB with the pack vs ${mb(overPeer.rssPeak)} MB with the peer: ${fixed(over.rssPeak / overPeer.rssPeak, 2)}× (target ≤ 1.5×: ${mark(over.rssPeak <= 1.5 * overPeer.rssPeak)}); 30 s after the load ${mb(over.rssAfter)} MB against ${mb(idle)} MB idle (target within 150 MB: ${mark(over.rssAfter !== undefined && over.rssAfter - idle <= 150 * 1048576)})${over.rssAfterGc !== undefined ? `; after one forced full GC then: ${mb(over.rssAfterGc)} MB (peer: ${mb(overPeer.rssAfterGc)} MB)` : ''}.`,
		);
	}
	for (const callers of [8, 32]) {
		const single = find(runs, 'pack', 'new', callers);
		const queued = find(runs, 'queue', 'new', callers);
		if (single && queued) {
			lines.push(
				`- Queue mode, new carts, ${callers} callers: ${fixed(queued.carrier / queued.seconds)} carrier-rate answers/s, p50 ${fixed(queued.p50)} ms, against ${fixed(single.carrier / single.seconds)}/s and ${fixed(single.p50)} ms in one process (${fixed(queued.carrier / queued.seconds / (single.carrier / single.seconds), 2)}×); memory ${mb(queued.rssPeak)} MB peak over four n8n processes.`,
			);
		}
	}
	const soak = runs.pack && runs.pack.soak;
	if (soak && soak.rssEvery1000.length >= 3) {
		const points = soak.rssEvery1000;
		const last = points[points.length - 1];
		const before = points.find((p) => p.calls === last.calls - 2000) || points[points.length - 3];
		const growth = (last.rss - before.rss) / before.rss;
		lines.push(
			`- Soak, ${soak.calls} new-cart calls at 8 callers (${fixed(soak.rps)} req/s, p50 ${fixed(soak.p50)} ms, ${pct(soak.carrier, soak.calls)} carrier rates): RSS every 1,000 calls ${points.map((p) => mb(p.rss)).join(', ')} MB; the last ${last.calls - before.calls} calls grew it by ${fixed(100 * growth, 1)} % (target < 5 %: ${mark(growth < 0.05)}).`,
		);
	}
	return lines;
}

function report(results) {
	const out = [
		`Live-rates benchmark, ${results.date.slice(0, 10)}, n8n ${versionOf(results)} on Node.js 24, ${results.machine}; ${results.requestsPerRow} calls per row (at least 10 per caller) after warm-up calls; deadline ${results.deadlineMs} ms.`,
	];
	for (const [config, runs] of Object.entries(results.configs)) {
		out.push(
			'',
			`### ${TITLES[config] ? TITLES[config](versionOf(results)) : config}`,
			'',
			'| workflow | carts | callers | calls | req/s | p50 ms | p99 ms | carrier rates | from cache | fallback (overload) | ≤ deadline + 200 ms | RSS peak MB | RSS 30 s after MB |',
			'|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		);
		for (const workflow of ['floor', 'peer', 'pack', 'queue', 'raw']) {
			for (const row of (runs[workflow] && runs[workflow].rows) || []) out.push(rowLine(row));
		}
		out.push(
			'',
			`Idle RSS of n8n's main process: without the pack ${mb(runs.floor && runs.floor.idle)} MB; with the pack and the peer workflow ${mb(runs.peer && runs.peer.idle)} MB; with the pack and live-rates.json ${mb(runs.pack && runs.pack.idle)} MB.${runs.queue ? ` Queue mode (RSS summed over main, webhook process and 2 workers): ${mb(runs.queue.idle)} MB idle.` : ''}`,
			'',
			...targets(runs, results.deadlineMs),
		);
	}
	out.push(
		'',
		'floor = Webhook → Respond to Webhook with a static body (n8n without the pack); peer = Webhook → HTTP Request to Shippo → Respond to Webhook with an expression (bench/core-peer.json); pack = workflows/live-rates.json; queue = live-rates.json in n8n’s queue mode, callbacks to the webhook process, executions on 2 workers (RSS summed over main, webhook process and workers); raw = a plain Node.js server with the pack’s modules (its RSS in the peak column). "carrier rates" = answered 200 with rates by the workflow; "from cache" = the pack’s answer cache; "fallback (overload)" = answers with the fallback rates, of which fallback-overload (admission control, no execution).',
	);
	return out.join('\n');
}

module.exports = { report, targets };
