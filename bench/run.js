'use strict';
/**
 * Benchmark of the live-rates hot path (`npm run bench`), side by side in one run.
 *
 * Every row drives HighLevel live-rate callbacks (test/fixtures/highlevel-rate-request.json) at a
 * real n8n (the version scripts/install-n8n.sh pins) on Node.js 24, with closed-loop callers (bench/lib/load.js), against one of:
 *   floor  — n8n's own floor: Webhook → Respond to Webhook with a static body (bench/n8n-floor.json),
 *            in an n8n without the pack;
 *   peer   — the same job built from n8n's core nodes: Webhook → HTTP Request (POST /shipments at
 *            the Shippo stand-in) → Respond to Webhook mapping Shippo's rates by an expression
 *            (bench/core-peer.json), in an n8n with the pack installed;
 *   pack   — the bundled workflows/live-rates.json (Shipping Rates Trigger → Shippo Get Rates →
 *            Shipping Rates Response), in an n8n with the pack installed;
 *   raw    — a plain Node.js server doing the same work with the pack's modules (bench/raw-server.js);
 *   queue  — live-rates.json in n8n's queue mode: Redis, PostgreSQL, main, one webhook process (where
 *            the callbacks go) and two workers (`startStack({ queue: true })`); memory is the sum
 *            over those four n8n processes.
 * Each of floor, peer and pack gets a freshly started n8n, so their memory figures do not mix.
 * All call the same Shippo stand-in (a separate process).
 *
 * Carts: `repeat` posts the same cart every time (the pack's answer cache hits after the first
 * call); `new` gives every call a destination ZIP code never used before (every call quotes at the
 * carrier). Rows: floor repeat and peer/pack new at 1, 8 and 32 callers, pack repeat at 1, 8 and
 * 32, raw beside the pack; overload: 64 callers for 60 s, new carts, peer and pack; soak: 10,000
 * new-cart calls at 8 callers, n8n's resident memory every 1,000 calls.
 * Memory: the n8n main process's RSS, sampled every 200 ms through each row (peak) and 30 s after
 * it; idle is measured 5 s after n8n is up. After the overload rows' 30 s sample, one full GC
 * (bench/lib/gc.js) and RSS again: what V8 had not collected yet against what is still held.
 *
 * Two n8n configurations run in turn: n8n as installed (defaults) and with the setting the README
 * recommends for live rates, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (n8n creates an expression
 * isolate only for executions that evaluate an expression). The defaults run has fewer rows.
 *
 * Env: BENCH_REQUESTS (calls per row, default 500), BENCH_WARMUP (default 20), BENCH_SETTLE_MS
 * (wait after a row before the "after" sample, default 30000), BENCH_OVERLOAD_S (default 60),
 * BENCH_SOAK (calls, default 10000), BENCH_QUEUE=0 (no queue-mode rows), BENCH_CONFIGS (comma list of `recommended`, `defaults`).
 * Prints a Markdown report; the figures also go to .bench/last.json.
 */
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { startStack, installN8n, freePorts } = require('../scripts/lib/stack');
const { cartSource, memorySampler, rssOf, runLoad } = require('./lib/load');
const { report } = require('./lib/report');
const { forceGc } = require('./lib/gc');

const ROOT = path.resolve(__dirname, '..');
const REQUESTS = Number(process.env.BENCH_REQUESTS || 500);
const WARMUP = Number(process.env.BENCH_WARMUP || 20);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 30000);
const OVERLOAD_S = Number(process.env.BENCH_OVERLOAD_S || 60);
const SOAK = Number(process.env.BENCH_SOAK || 10000);
const QUEUE = process.env.BENCH_QUEUE !== '0';
const CONFIGS = (process.env.BENCH_CONFIGS || 'defaults,recommended').split(',').map((c) => c.trim());
const DEADLINE_MS = 2500;
const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/highlevel-rate-request.json'), 'utf8'));
const carts = cartSource(FIXTURE);
const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a child that prints one JSON line when ready; resolves { child, info }. */
function spawnReady(command, args, env = process.env) {
	return new Promise((resolve, reject) => {
		const child = childProcess.spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
		const lines = readline.createInterface({ input: child.stdout });
		lines.once('line', (line) => {
			try {
				resolve({ child, info: JSON.parse(line) });
			} catch (error) {
				reject(error);
			}
		});
		child.once('exit', (code) => reject(new Error(`${path.basename(args[0])} exited with ${code}`)));
	});
}

function stopChild(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once('exit', resolve);
		child.kill('SIGTERM');
	});
}

const CONFIG_ENV = {
	defaults: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'false' },
	recommended: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
};

/** The row plans of one configuration; `full` adds 1 caller, raw, overload, soak, queue mode and the 30 s samples. */
function plan(full) {
	const callers = full ? [1, 8, 32] : [8, 32];
	return { callers, overload: full, soak: full, raw: full, queue: full && QUEUE, settleMs: full ? SETTLE_MS : 0 };
}

/**
 * Resident memory of a stack's n8n: the main process, or in queue mode the sum of main, the
 * webhook process and the workers (without their task runners).
 */
function rssOfStack(stack) {
	if (!stack.queue) return rssOf(stack.n8nPid);
	return stack.queue.processes.reduce((sum, p) => sum + rssOf(p.pid), 0);
}

async function main() {
	const n8n = await installN8n(log);
	const standins = await spawnReady(process.execPath, [path.join(ROOT, 'test/standins/cli.js')]);
	const shippoUrl = standins.info.shippo;
	const standinUrls = { highlevelUrl: standins.info.highlevel, shippoUrl };
	log(`stand-ins: ${JSON.stringify(standins.info)}`);
	const pointPeerAtShippo = (definition, file) => {
		if (file !== 'core-peer.json') return definition;
		for (const node of definition.nodes) {
			if (node.type === 'n8n-nodes-base.httpRequest') node.parameters.url = `${shippoUrl}/shipments`;
		}
		return definition;
	};
	const results = { date: new Date().toISOString(), n8nVersion: n8n.version, requestsPerRow: REQUESTS, deadlineMs: DEADLINE_MS, configs: {} };

	/** One n8n run: start, idle sample, the rows, stop. `rows(stack, measure)`. */
	async function withN8n(config, label, options, rows) {
		log(`${config}: n8n ${label}`);
		const stack = await startStack({ standins: standinUrls, log, env: CONFIG_ENV[config], transformWorkflow: pointPeerAtShippo, ...options });
		try {
			await sleep(5000);
			const idle = rssOfStack(stack);
			const out = { idle, rows: [] };
			const measure = async (row, load, settleMs) => {
				log(`${config}: ${row.workflow} ${row.carts} × ${row.callers}`);
				const sampler = memorySampler(() => rssOfStack(stack));
				const figures = await runLoad({ deadlineMs: DEADLINE_MS, warmup: WARMUP, ...load });
				const memory = sampler.stop();
				let after;
				let afterGc;
				if (settleMs > 0) {
					await sleep(settleMs);
					after = rssOfStack(stack);
					// Overload rows: then one full GC, to tell uncollected garbage from memory still held.
					if (row.burst && !stack.queue && (await forceGc(n8n.node, stack.n8nPid))) {
						await sleep(2000);
						afterGc = rssOfStack(stack);
					}
				}
				const entry = { ...row, ...figures, rssPeak: memory.peak, rssAfter: after, rssAfterGc: afterGc };
				out.rows.push(entry);
				return entry;
			};
			await rows(stack, measure);
			return out;
		} finally {
			const shutdown = await stack.stop();
			log(`${config}: ${label} stopped: ${JSON.stringify(shutdown)}`);
		}
	}

	for (const config of CONFIGS) {
		const p = plan(config === 'recommended');
		const runs = {};
		const count = (callers) => Math.max(REQUESTS, callers * 10);

		runs.floor = await withN8n(config, 'without the pack: the floor', { installPack: false, workflows: [path.join(ROOT, 'bench/n8n-floor.json')] }, async (stack, measure) => {
			const url = `${stack.n8nUrl}/webhook/bench-floor`;
			for (const callers of p.callers) {
				await measure({ workflow: 'floor', carts: 'repeat', callers }, { url, callers, count: count(callers), cart: () => carts('repeat') }, p.settleMs);
			}
		});

		runs.peer = await withN8n(config, 'with the pack: the core-node peer', { workflows: [path.join(ROOT, 'bench/core-peer.json')] }, async (stack, measure) => {
			const url = `${stack.n8nUrl}/webhook/bench-core-peer`;
			for (const callers of p.callers) {
				await measure({ workflow: 'peer', carts: 'new', callers }, { url, callers, count: count(callers), cart: () => carts('new') }, p.settleMs);
			}
			if (p.overload) {
				await measure({ workflow: 'peer', carts: 'new', callers: 64, burst: true }, { url, callers: 64, seconds: OVERLOAD_S, warmup: 0, cart: () => carts('new') }, p.settleMs);
			}
		});

		let soakResult;
		runs.pack = await withN8n(config, 'with the pack: live-rates.json', { workflows: ['workflows/live-rates.json'] }, async (stack, measure) => {
			let raw;
			let rawUrl;
			if (p.raw) {
				const [rawPort] = await freePorts(1);
				raw = await spawnReady(n8n.node, [path.join(ROOT, 'bench/raw-server.js'), '--port', String(rawPort), '--shippo', shippoUrl, '--secret', stack.callbackSecret]);
				const callback = new URL(stack.callbackUrl);
				rawUrl = `${raw.info.url}${callback.pathname}${callback.search}`;
			}
			try {
				for (const mode of ['repeat', 'new']) {
					for (const callers of p.callers) {
						const load = { callers, count: count(callers), cart: () => carts(mode) };
						await measure({ workflow: 'pack', carts: mode, callers }, { ...load, url: stack.callbackUrl }, p.settleMs);
						if (raw) {
							const figures = await runLoad({ ...load, url: rawUrl, deadlineMs: DEADLINE_MS, warmup: WARMUP });
							runs.raw = runs.raw || { rows: [] };
							runs.raw.rows.push({ workflow: 'raw', carts: mode, callers, ...figures, rssPeak: rssOf(raw.child.pid) });
						}
					}
				}
				if (p.overload) {
					await measure({ workflow: 'pack', carts: 'new', callers: 64, burst: true }, { url: stack.callbackUrl, callers: 64, seconds: OVERLOAD_S, warmup: 0, cart: () => carts('new') }, p.settleMs);
				}
				if (p.soak) {
					log(`${config}: soak, ${SOAK} new-cart calls at 8 callers`);
					const rssEvery1000 = [];
					const soak = await runLoad({
						url: stack.callbackUrl,
						callers: 8,
						count: SOAK,
						cart: () => carts('new'),
						deadlineMs: DEADLINE_MS,
						onProgress: (done) => {
							if (done % 1000 === 0) rssEvery1000.push({ calls: done, rss: rssOf(stack.n8nPid) });
						},
					});
					soakResult = { ...soak, rssEvery1000 };
				}
			} finally {
				if (raw) await stopChild(raw.child);
			}
		});
		runs.pack.soak = soakResult;

		if (p.queue) {
			// Queue mode: the same workflow behind a webhook process with two workers (Redis, PostgreSQL).
			runs.queue = await withN8n(config, 'queue mode: live-rates.json, webhook process + 2 workers', { queue: true, workflows: ['workflows/live-rates.json'] }, async (stack, measure) => {
				for (const [mode, callers] of [['repeat', 32], ['new', 8], ['new', 32]]) {
					await measure({ workflow: 'queue', carts: mode, callers }, { url: stack.callbackUrl, callers, count: count(callers), cart: () => carts(mode) }, p.settleMs);
				}
			});
		}
		results.configs[config] = runs;
	}
	await stopChild(standins.child);

	const cpu = os.cpus();
	results.machine = `${cpu.length} × ${cpu[0].model.trim()}, ${Math.round(os.totalmem() / 1048576)} MB RAM, ${os.type()} ${os.release()}`;
	fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
	fs.writeFileSync(path.join(ROOT, '.bench/last.json'), JSON.stringify(results, null, 2));
	process.stdout.write(`${report(results)}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
