'use strict';
/** Latency, faults, control endpoints, bounded recording, startStandins() and the CLI. */
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawn } = require('node:child_process');
const { startStandins, startShippoStandin } = require('./index');
const { call } = require('./http-client');

const HL = { authorization: 'Bearer t' };
const SH = { authorization: 'ShippoToken shippo_test_x' };
const shipment = {
	address_from: {
		name: 'A',
		street1: '1 Main',
		city: 'San Francisco',
		state: 'CA',
		zip: '94105',
		country: 'US',
	},
	address_to: {
		name: 'B',
		street1: '2 Main',
		city: 'New York',
		state: 'NY',
		zip: '10001',
		country: 'US',
	},
	parcels: [
		{ length: '10', width: '8', height: '4', distance_unit: 'in', weight: '2', mass_unit: 'lb' },
	],
};
const zones = '/store/shipping-zone?altId=demo&altType=location';

let s;
beforeAll(async () => {
	s = await startStandins({
		seed: { locations: { demo: { zones: [{ name: 'Domestic', countries: [{ code: 'US' }] }] } } },
	});
});
afterAll(() => s.close());
beforeEach(() => {
	s.highlevel.reset();
	s.shippo.reset();
});

describe('faults', () => {
	test('hang: the client times out, the request is recorded, other routes still answer', async () => {
		s.shippo.setFault({ route: 'POST /shipments', mode: 'hang' });
		const t0 = Date.now();
		await expect(
			call(s.shippo.url, 'POST', '/shipments', { headers: SH, body: shipment, timeoutMs: 300 }),
		).rejects.toMatchObject({ code: 'TIMEOUT' });
		expect(Date.now() - t0).toBeLessThan(2000);
		expect(s.shippo.requests[0]).toMatchObject({
			method: 'POST',
			route: 'POST /shipments',
			status: 'hang',
		});
		expect((await call(s.shippo.url, 'GET', '/carrier_accounts', { headers: SH })).status).toBe(
			200,
		);
	});

	test('close() terminates promptly while a request hangs', async () => {
		const own = await startShippoStandin();
		own.setFault({ mode: 'hang' });
		const pending = call(own.url, 'GET', '/carrier_accounts', { headers: SH }).catch((e) => e);
		await new Promise((r) => setTimeout(r, 100)); // let the request arrive
		expect(own.requests).toHaveLength(1);
		const t0 = Date.now();
		await own.close();
		expect(Date.now() - t0).toBeLessThan(500);
		const result = await pending;
		expect(result.code).toBe('ECONNRESET'); // socket destroyed: the client sees a reset
	});

	test('malformed: 2xx with a truncated JSON body, limited by `times`', async () => {
		s.shippo.setFault({ route: 'POST /shipments', mode: 'malformed', times: 1 });
		const bad = await call(s.shippo.url, 'POST', '/shipments', { headers: SH, body: shipment });
		expect(bad.status).toBe(201);
		expect(bad.text.startsWith('{"')).toBe(true);
		expect(() => JSON.parse(bad.text)).toThrow();
		const good = await call(s.shippo.url, 'POST', '/shipments', { headers: SH, body: shipment });
		expect(good.status).toBe(201);
		expect(good.json.rates.length).toBeGreaterThan(0);
		expect(s.shippo.faults).toEqual([]);
	});

	test('status: 503 / 500 / 429 in each service error format; route-scoped', async () => {
		s.highlevel.setFault({ route: 'GET /store/shipping-zone', mode: 'status', status: 503 });
		const hl = await call(s.highlevel.url, 'GET', zones, { headers: HL });
		expect(hl.status).toBe(503);
		expect(hl.json).toMatchObject({ statusCode: 503, message: 'Service Unavailable' });
		expect(hl.json.traceId).toEqual(expect.any(String));
		expect(
			(
				await call(s.highlevel.url, 'GET', '/store/shipping-carrier?altId=demo&altType=location', {
					headers: HL,
				})
			).status,
		).toBe(200);

		s.highlevel.clearFaults();
		s.highlevel.setFault({ mode: 'status', status: 429, times: 1 });
		const limited = await call(s.highlevel.url, 'GET', zones, { headers: HL });
		expect(limited.status).toBe(429);
		expect(limited.headers['x-ratelimit-remaining']).toBe('0');
		expect(limited.headers['x-ratelimit-interval-milliseconds']).toBe('10000');
		expect((await call(s.highlevel.url, 'GET', zones, { headers: HL })).status).toBe(200);

		s.shippo.setFault({ route: 'POST /shipments', mode: 'status', status: 503 });
		const sh = await call(s.shippo.url, 'POST', '/shipments', { headers: SH, body: shipment });
		expect(sh.status).toBe(503);
		expect(sh.json).toEqual({ detail: 'Service Unavailable' });
		s.shippo.clearFaults();
		s.shippo.setFault({ mode: 'status', status: 429 });
		const thr = await call(s.shippo.url, 'GET', '/carrier_accounts', { headers: SH });
		expect(thr.status).toBe(429);
		expect(thr.headers['retry-after']).toBe('60');
		s.shippo.clearFaults();
		s.shippo.setFault({ route: 'GET /carrier_accounts', mode: 'status', status: 500 });
		expect((await call(s.shippo.url, 'GET', '/carrier_accounts', { headers: SH })).json).toEqual({
			detail: 'A server error occurred.',
		});
		expect(Object.keys(s.shippo.state.shipments)).toEqual([]); // the 503 created nothing
	});

	test('latency: global and per-route, and requests keep being validated under faults', async () => {
		s.highlevel.setLatency(150);
		let t0 = Date.now();
		expect((await call(s.highlevel.url, 'GET', zones, { headers: HL })).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		s.highlevel.setLatency(0);
		s.highlevel.setFault({
			route: 'GET /store/shipping-zone',
			mode: 'latency',
			latencyMs: 200,
			times: 1,
		});
		t0 = Date.now();
		await call(s.highlevel.url, 'GET', zones, { headers: HL });
		expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
		t0 = Date.now();
		await call(s.highlevel.url, 'GET', zones, { headers: HL });
		expect(Date.now() - t0).toBeLessThan(150);

		s.highlevel.setFault({ mode: 'status', status: 500 });
		await call(s.highlevel.url, 'GET', '/store/shipping-zone?altType=location', { headers: HL });
		expect(s.highlevel.violations).toEqual([
			{ method: 'GET', path: '/store/shipping-zone', errors: ['query.altId is required'] },
		]);
	});

	test('setFault rejects unknown modes and malformed routes', () => {
		expect(() => s.shippo.setFault({ mode: 'explode' })).toThrow(/mode/);
		expect(() => s.shippo.setFault({ mode: 'hang', route: '/shipments' })).toThrow(/route/);
	});
});

describe('control endpoints under /__standin/', () => {
	test('faults, latency, requests, violations, state, reset over HTTP (no auth, not recorded)', async () => {
		const base = s.shippo.url;
		const f = await call(base, 'POST', '/__standin/faults', {
			body: { route: 'GET /carrier_accounts', mode: 'status', status: 503 },
		});
		expect(f.status).toBe(201);
		expect(f.json.faults).toHaveLength(1);
		expect((await call(base, 'GET', '/carrier_accounts', { headers: SH })).status).toBe(503);
		expect((await call(base, 'DELETE', '/__standin/faults')).json).toEqual({ faults: [] });
		expect((await call(base, 'GET', '/carrier_accounts', { headers: SH })).status).toBe(200);

		expect((await call(base, 'POST', '/__standin/latency', { body: { ms: 120 } })).json).toEqual({
			latencyMs: 120,
		});
		const t0 = Date.now();
		await call(base, 'GET', '/carrier_accounts', { headers: SH });
		expect(Date.now() - t0).toBeGreaterThanOrEqual(110);

		await call(base, 'GET', '/carrier_accounts'); // no auth -> violation
		const created = await call(base, 'POST', '/shipments', { headers: SH, body: shipment });
		const reqs = (await call(base, 'GET', '/__standin/requests')).json;
		expect(reqs.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'GET /carrier_accounts 503',
			'GET /carrier_accounts 200',
			'GET /carrier_accounts 200',
			'GET /carrier_accounts 401',
			'POST /shipments 201',
		]);
		expect(reqs[4]).toMatchObject({ valid: true, violations: [], body: shipment, query: {} });
		expect(reqs[4].headers.authorization).toBe(SH.authorization);
		const viol = (await call(base, 'GET', '/__standin/violations')).json;
		expect(viol).toEqual([
			{
				method: 'GET',
				path: '/carrier_accounts',
				errors: ['header.authorization is missing or not of the declared security scheme'],
			},
		]);
		const state = (await call(base, 'GET', '/__standin/state')).json;
		expect(Object.keys(state.shipments)).toEqual([created.json.object_id]);

		expect((await call(base, 'POST', '/__standin/reset')).json).toEqual({ reset: true });
		expect(s.shippo.requests).toEqual([]);
		expect(s.shippo.violations).toEqual([]);
		expect(s.shippo.latencyMs).toBe(0);
		expect(s.shippo.state.shipments).toEqual({});
	});

	test('bad fault -> 400, unknown control endpoint -> 404', async () => {
		expect(
			(await call(s.highlevel.url, 'POST', '/__standin/faults', { body: { mode: 'nope' } })).status,
		).toBe(400);
		expect((await call(s.highlevel.url, 'GET', '/__standin/nothing')).status).toBe(404);
		expect(s.highlevel.requests).toEqual([]);
	});
});

test('recorded requests, violations and stored shipments are bounded (maxRecords)', async () => {
	const own = await startShippoStandin({ maxRecords: 10 });
	try {
		for (let i = 0; i < 15; i++) await call(own.url, 'GET', `/carrier_accounts?page=${i + 1}`);
		expect(own.requests).toHaveLength(10);
		expect(own.violations).toHaveLength(10);
		expect(own.requests[9].query).toEqual({ page: '15' });
		expect(own.requests[0].query).toEqual({ page: '6' });
		// stored shipments are capped the same way (oldest forgotten, with their rates)
		const made = [];
		for (let i = 0; i < 12; i++) {
			made.push((await call(own.url, 'POST', '/shipments', { headers: SH, body: shipment })).json);
		}
		expect(Object.keys(own.state.shipments)).toEqual(made.slice(2).map((x) => x.object_id));
		expect(Object.keys(own.state.rates)).toHaveLength(
			made.slice(2).reduce((n, x) => n + x.rates.length, 0),
		);
		const gone = await call(own.url, 'GET', `/rates/${made[0].rates[0].object_id}`, {
			headers: SH,
		});
		expect(gone.status).toBe(404);
	} finally {
		await own.close();
	}
});

describe('cli.js', () => {
	const cli = path.join(__dirname, 'cli.js');
	const run = (args) => {
		const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (err += c));
		const line = new Promise((resolve, reject) => {
			const t = setTimeout(() => reject(new Error(`no URL line; stderr: ${err}`)), 15000);
			child.stdout.on('data', () => {
				if (out.includes('\n')) {
					clearTimeout(t);
					resolve(out);
				}
			});
			child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
		});
		const exited = new Promise((resolve) =>
			child.on('exit', (code, signal) => resolve({ code, signal })),
		);
		return { child, line, exited, stderr: () => err, stdout: () => out };
	};

	test('prints one JSON line with both URLs, serves the default seed, logs violations, exits on SIGTERM', async () => {
		const p = run(['--host', '127.0.0.1', '--latency-ms', '0']);
		const out = await p.line;
		const lines = out.trim().split('\n');
		expect(lines).toHaveLength(1);
		const urls = JSON.parse(lines[0]);
		expect(Object.keys(urls)).toEqual(['highlevel', 'shippo']);
		expect(urls.highlevel).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const z = await call(
			urls.highlevel,
			'GET',
			'/store/shipping-zone?altId=LOCATION_ID_HERE&altType=location',
			{ headers: HL },
		);
		expect(z.json.data.map((x) => [x.name, x.countries.map((c) => c.code)])).toEqual([
			['Domestic', ['US']],
			['International', ['CA', 'GB']],
		]);
		expect((await call(urls.shippo, 'GET', '/carrier_accounts', { headers: SH })).status).toBe(200);
		await call(urls.shippo, 'GET', '/carrier_accounts?results=1000', { headers: SH });
		await new Promise((r) => setTimeout(r, 100));
		expect(p.stderr()).toContain(
			'[shippo] violation GET /carrier_accounts: query.results must be <= 100',
		);
		const t0 = Date.now();
		p.child.kill('SIGTERM');
		expect(await p.exited).toEqual({ code: 0, signal: null });
		expect(Date.now() - t0).toBeLessThan(3000);
		expect(p.stdout().trim().split('\n')).toHaveLength(1);
	});

	test('--seed-file and fixed ports', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standins-'));
		const seedFile = path.join(dir, 'seed.json');
		fs.writeFileSync(
			seedFile,
			JSON.stringify({
				locations: { mine: { zones: [{ name: 'EU', countries: [{ code: 'DE' }] }] } },
			}),
		);
		const probe = await startStandins();
		const ports = [probe.highlevel.port, probe.shippo.port];
		await probe.close(); // free two ports we know were available
		const p = run([
			'--seed-file',
			seedFile,
			'--highlevel-port',
			String(ports[0]),
			`--shippo-port=${ports[1]}`,
		]);
		try {
			const urls = JSON.parse(await p.line);
			expect(urls).toEqual({
				highlevel: `http://127.0.0.1:${ports[0]}`,
				shippo: `http://127.0.0.1:${ports[1]}`,
			});
			const z = await call(
				urls.highlevel,
				'GET',
				'/store/shipping-zone?altId=mine&altType=location',
				{ headers: HL },
			);
			expect(z.json.data.map((x) => x.name)).toEqual(['EU']);
		} finally {
			p.child.kill('SIGINT');
			expect((await p.exited).code).toBe(0);
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('rejects unknown options with exit code 2', async () => {
		const p = run(['--bogus', '1']);
		await expect(p.line).rejects.toThrow(/exited 2/);
		expect(p.stderr()).toContain('unknown option --bogus');
	});
});
