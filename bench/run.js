'use strict';
/**
 * Benchmark of the live-rates hot path (`npm run bench`).
 *
 * Drives the bundled live-rates workflow (Shipping Rates Trigger → Shippo Get Rates → Shipping
 * Rates Response) in a real n8n with the pack installed, and beside it, in the same run, a raw
 * Node.js `http` server doing the same work with the pack's built modules (bench/raw-server.js).
 * Both call the same Shippo stand-in (a separate process) and run on the same Node.js 24.
 *
 * For 1, 8 and 32 concurrent callers, in two modes:
 *   hit  — the same cart every time: after the first call, quotes come from the in-memory cache;
 *   miss — a new destination ZIP code per call: every call quotes at the Shippo stand-in;
 * it prints p50/p99 latency and throughput for n8n and the raw server and their ratios. As n8n's
 * own floor it also drives, in an n8n without the pack, a core-node workflow that answers a static
 * body (bench/n8n-floor.json: Webhook → Respond to Webhook), under the same load. Memory: resident
 * size of n8n's main process without the pack (idle, and after the floor load) and with the pack
 * (idle, and after its load).
 *
 * Env: BENCH_REQUESTS (per cell, default 300), BENCH_WARMUP (default 20).
 * Results also go to .bench/last.json.
 */
const childProcess = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { startStack, installN8n, freePorts } = require('../scripts/lib/stack');

const ROOT = path.resolve(__dirname, '..');
const REQUESTS = Number(process.env.BENCH_REQUESTS || 300);
const WARMUP = Number(process.env.BENCH_WARMUP || 20);
const CONCURRENCY = [1, 8, 32];
const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/highlevel-rate-request.json'), 'utf8'));
const log = (line) => process.stderr.write(`[bench] ${line}\n`);

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

/** One POST; resolves { ms, status, source }. */
function post(agent, url, body) {
	return new Promise((resolve) => {
		const payload = JSON.stringify(body);
		const started = process.hrtime.bigint();
		const req = http.request(
			url,
			{ method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const ms = Number(process.hrtime.bigint() - started) / 1e6;
					let rates = 0;
					try {
						rates = JSON.parse(Buffer.concat(chunks).toString('utf8')).rates.length;
					} catch {
						rates = -1;
					}
					resolve({ ms, status: res.statusCode, source: res.headers['x-shipping-rates-source'] || 'raw', rates });
				});
			},
		);
		req.setTimeout(30000, () => req.destroy(new Error('timeout')));
		req.on('error', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: 0, source: 'error', rates: -1 }));
		req.end(payload);
	});
}

let zipCounter = 20000;
function bodyFor(mode) {
	const body = JSON.parse(JSON.stringify(FIXTURE));
	if (mode === 'miss') body.rate.destination.zip = String(zipCounter++);
	return body;
}

async function runCell(url, concurrency, mode, count) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	for (let i = 0; i < Math.min(WARMUP, count); i++) await post(agent, url, bodyFor(mode));
	const results = [];
	let next = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				next += 1;
				results.push(await post(agent, url, bodyFor(mode)));
			}
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	const ms = results.map((r) => r.ms).sort((a, b) => a - b);
	const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
	const bad = results.filter((r) => r.status !== 200 || r.rates <= 0).length;
	const fallback = results.filter((r) => String(r.source).startsWith('fallback')).length;
	return { p50: pct(50), p99: pct(99), rps: results.length / seconds, count: results.length, bad, fallback };
}

const mb = (bytes) => (bytes / 1048576).toFixed(0);
const fixed = (value, digits = 1) => value.toFixed(digits);

async function main() {
	const n8n = await installN8n(log);
	const standins = await spawnReady(process.execPath, [path.join(ROOT, 'test/standins/cli.js')]);
	const standinUrls = { highlevelUrl: standins.info.highlevel, shippoUrl: standins.info.shippo };
	log(`stand-ins: ${JSON.stringify(standins.info)}`);
	const results = { date: new Date().toISOString(), requestsPerCell: REQUESTS, cells: [], memory: {} };
	let stack;
	let raw;
	try {
		log('n8n without the pack: memory and the core-node floor');
		const bare = await startStack({
			installPack: false,
			workflows: [path.join(ROOT, 'bench/n8n-floor.json')],
			standins: standinUrls,
			log,
		});
		try {
			await new Promise((r) => setTimeout(r, 5000));
			results.memory.withoutPack = await bare.rssBytes();
			const floorUrl = `${bare.n8nUrl}/webhook/bench-floor`;
			results.floor = [];
			for (const concurrency of CONCURRENCY) {
				log(`floor, ${concurrency} concurrent`);
				results.floor.push({ concurrency, ...(await runCell(floorUrl, concurrency, 'hit', Math.max(REQUESTS, concurrency * 10))) });
			}
			results.memory.withoutPackAfterLoad = await bare.rssBytes();
		} finally {
			await bare.stop();
		}

		log('n8n with the pack and the live-rates workflow');
		stack = await startStack({ workflows: ['workflows/live-rates.json'], standins: standinUrls, log });
		await new Promise((r) => setTimeout(r, 5000));
		results.memory.withPackAtRest = await stack.rssBytes();

		const [rawPort] = await freePorts(1);
		raw = await spawnReady(n8n.node, [
			path.join(ROOT, 'bench/raw-server.js'),
			'--port', String(rawPort),
			'--shippo', standinUrls.shippoUrl,
			'--secret', stack.callbackSecret,
		]);
		const rawUrl = `${raw.info.url}${new URL(stack.callbackUrl).pathname}${new URL(stack.callbackUrl).search}`;

		for (const mode of ['hit', 'miss']) {
			for (const concurrency of CONCURRENCY) {
				const count = Math.max(REQUESTS, concurrency * 10);
				log(`${mode}, ${concurrency} concurrent: n8n`);
				const viaN8n = await runCell(stack.callbackUrl, concurrency, mode, count);
				log(`${mode}, ${concurrency} concurrent: raw server`);
				const viaRaw = await runCell(rawUrl, concurrency, mode, count);
				results.cells.push({ mode, concurrency, n8n: viaN8n, raw: viaRaw });
			}
		}
		results.memory.withPackAfterLoad = await stack.rssBytes();
		results.memory.rawAfterLoad = Number(
			(fs.readFileSync(`/proc/${raw.child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) || [0, 0])[1],
		) * 1024;
	} finally {
		if (raw) await stopChild(raw.child);
		if (stack) await stack.stop();
		await stopChild(standins.child);
	}

	const cpu = os.cpus();
	const machine = `${cpu.length} × ${cpu[0].model.trim()}, ${mb(os.totalmem())} MB RAM, ${os.type()} ${os.release()}`;
	results.machine = machine;
	fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
	fs.writeFileSync(path.join(ROOT, '.bench/last.json'), JSON.stringify(results, null, 2));

	const floorOf = (concurrency) => results.floor.find((f) => f.concurrency === concurrency);
	const lines = [
		`Live-rates benchmark, ${results.date.slice(0, 10)}, n8n 2.41.1 on Node.js 24 (${machine}); ${REQUESTS} calls per row after ${WARMUP} warm-up calls.`,
		'',
		'| cache | callers | pack in n8n p50 / p99 ms | req/s | raw server p50 / p99 ms | req/s | n8n floor p50 / p99 ms | req/s | pack ÷ raw p50 | raw ÷ pack req/s | pack ÷ floor p50 | fallback / bad |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const { mode, concurrency, n8n: a, raw: b } of results.cells) {
		const f = floorOf(concurrency);
		lines.push(
			`| ${mode} | ${concurrency} | ${fixed(a.p50)} / ${fixed(a.p99)} | ${fixed(a.rps)} | ${fixed(b.p50, 2)} / ${fixed(b.p99, 2)} | ${fixed(b.rps)} | ${fixed(f.p50)} / ${fixed(f.p99)} | ${fixed(f.rps)} | ${fixed(a.p50 / b.p50)}× | ${fixed(b.rps / a.rps)}× | ${fixed(a.p50 / f.p50)}× | ${a.fallback} / ${a.bad} |`,
		);
	}
	const m = results.memory;
	lines.push(
		'',
		'| resident memory, n8n main process | MB |',
		'|---|---:|',
		`| n8n without the pack, idle | ${mb(m.withoutPack)} |`,
		`| n8n without the pack, after the floor load | ${mb(m.withoutPackAfterLoad)} |`,
		`| n8n with the pack and live-rates active, idle | ${mb(m.withPackAtRest)} (pack: +${mb(m.withPackAtRest - m.withoutPack)}) |`,
		`| n8n with the pack, after the live-rates load | ${mb(m.withPackAfterLoad)} |`,
		`| raw server, after the same load | ${mb(m.rawAfterLoad)} |`,
		'',
		'pack ÷ raw p50 = latency ratio of the workflow in n8n to the raw server; raw ÷ pack req/s = throughput ratio; pack ÷ floor p50 = the workflow against n8n answering a static body with core nodes. "fallback" counts answers the fail-open guard sent at the deadline; "bad" counts answers that were not 200 with rates.',
	);
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
