'use strict';
/** BigCommerce stand-in: auth, zones, methods, carrier connection with its check, quote dispatch. */
const { startBigCommerceStandin } = require('./index');
const { startCarrierApp } = require('./bigcommerce');
const { call } = require('./http-client');

const AUTH = { 'x-auth-token': 'bc-demo-token' };
const BASE = '/stores/demo-store/v2';

const goodQuotes = {
	quote_id: 'q-1',
	messages: [],
	carrier_quotes: [
		{
			carrier_info: { code: 'acme', display_name: 'Acme' },
			quotes: [
				{
					code: 'GND',
					rate_id: 'GND',
					display_name: 'Ground',
					cost: { currency: 'USD', amount: 7.5 },
					transit_time: { units: 'BUSINESS_DAYS', duration: 3 },
				},
			],
		},
	],
};

let bc;
const get = (p, o = {}) => call(bc.url, 'GET', `${BASE}${p}`, { headers: AUTH, ...o });
const post = (p, body, o = {}) =>
	call(bc.url, 'POST', `${BASE}${p}`, { headers: AUTH, body, ...o });
const put = (p, body, o = {}) => call(bc.url, 'PUT', `${BASE}${p}`, { headers: AUTH, body, ...o });
// node:http frames a DELETE body only with an explicit content-length.
const del = (p, body, o = {}) =>
	call(bc.url, 'DELETE', `${BASE}${p}`, {
		headers: {
			...AUTH,
			...(body ? { 'content-length': String(Buffer.byteLength(JSON.stringify(body))) } : {}),
		},
		body,
		...o,
	});
const connect = (carrierId = 'carrier_33', connection = {}) =>
	post('/shipping/carrier/connection', { carrier_id: carrierId, connection });

describe('BigCommerce stand-in', () => {
	beforeAll(async () => {
		bc = await startBigCommerceStandin({ checkResponses: true });
	});
	afterAll(async () => {
		await bc.close();
	});
	beforeEach(() => bc.reset());
	afterEach(() => {
		expect(bc.responseViolations).toEqual([]);
	});

	describe('auth', () => {
		test('no X-Auth-Token is 401 with a v2 error list, recorded as a violation', async () => {
			const r = await call(bc.url, 'GET', `${BASE}/shipping/zones`);
			expect(r.status).toBe(401);
			expect(r.json).toEqual([{ status: 401, message: expect.stringContaining('X-Auth-Token') }]);
			expect(bc.violations).toHaveLength(1);
		});

		test('a wrong token is 401; an unknown store hash is 404', async () => {
			expect((await get('/shipping/zones', { headers: { 'x-auth-token': 'nope' } })).status).toBe(
				401,
			);
			const other = await call(bc.url, 'GET', '/stores/other-store/v2/shipping/zones', {
				headers: AUTH,
			});
			expect(other.status).toBe(404);
			expect(other.json[0].message).toMatch(/other-store/);
		});

		test('the right token reads the store information', async () => {
			const r = await get('/store');
			expect(r.status).toBe(200);
			expect(r.json).toMatchObject({ id: 'demo-store', currency: 'USD' });
			expect(bc.violations).toEqual([]);
		});
	});

	test('zones: the two seeded zones as a plain array', async () => {
		const r = await get('/shipping/zones');
		expect(r.status).toBe(200);
		expect(r.json.map((z) => [z.id, z.name, z.type])).toEqual([
			[1, 'United States', 'country'],
			[2, 'Rest of World', 'global'],
		]);
		expect(r.json[0].locations[0].country_iso2).toBe('US');
	});

	describe('methods', () => {
		test('a carrier method needs the carrier connected', async () => {
			const refused = await post('/shipping/zones/1/methods', { name: 'Live', type: 'carrier_33' });
			expect(refused.status).toBe(400);
			expect(refused.json[0].message).toMatch(/carrier_33 is not connected/);
			expect(bc.violations).toEqual([]);
		});

		test('create (200), list, get, update, delete (204); unknown zone or method is 404', async () => {
			expect((await connect()).status).toBe(204);
			const body = {
				name: 'Example Shipping Carrier',
				type: 'carrier_33',
				settings: { carrier_options: { account_id: 'a1ty' } },
				enabled: true,
				handling_fees: { fixed_surcharge: 3 },
			};
			const created = await post('/shipping/zones/1/methods', body);
			expect(created.status).toBe(200);
			expect(created.json).toMatchObject({ id: 1, ...body, is_fallback: false });
			expect((await get('/shipping/zones/1/methods')).json.map((m) => m.id)).toEqual([1]);
			expect((await get('/shipping/zones/2/methods')).json).toEqual([]);
			expect((await get('/shipping/zones/1/methods/1')).json.name).toBe('Example Shipping Carrier');
			const updated = await put('/shipping/zones/1/methods/1', { enabled: false });
			expect(updated.json.enabled).toBe(false);
			expect((await del('/shipping/zones/1/methods/1')).status).toBe(204);
			expect((await del('/shipping/zones/1/methods/1')).status).toBe(404);
			expect((await get('/shipping/zones/9/methods')).status).toBe(404);
			expect(bc.violations).toEqual([]);
		});

		test('bad bodies are 400 and recorded as violations', async () => {
			await connect();
			const withId = await post('/shipping/zones/1/methods', {
				id: 5,
				name: 'x',
				type: 'carrier_33',
			});
			expect(withId.status).toBe(400);
			expect(withId.json[0].message).toMatch(/'id' cannot be written/);
			const noType = await post('/shipping/zones/1/methods', { name: 'x' });
			expect(noType.json[0].message).toBe('Required fields missing [type]');
			const badType = await post('/shipping/zones/1/methods', { name: 'x', type: 'teleport' });
			expect(badType.status).toBe(400);
			expect(bc.violations.map((v) => v.errors.join(' '))).toEqual([
				expect.stringContaining('body.id'),
				expect.stringContaining('body.type is required'),
				expect.stringContaining('body.type'),
			]);
			expect(bc.state.methods['1']).toEqual([]);
		});

		test('seeded zones and methods', async () => {
			const seeded = await startBigCommerceStandin({
				zones: [
					{
						name: 'EU',
						type: 'country',
						locations: [{ country_iso2: 'DE' }],
						methods: [{ name: 'Flat', type: 'perorder', settings: { rate: 5 } }],
					},
				],
			});
			try {
				const r = await call(seeded.url, 'GET', `${BASE}/shipping/zones/1/methods`, {
					headers: AUTH,
				});
				expect(r.json).toEqual([
					expect.objectContaining({ id: 1, name: 'Flat', type: 'perorder' }),
				]);
			} finally {
				await seeded.close();
			}
		});
	});

	describe('carrier connection', () => {
		test('connect, connect again (409), update, disconnect removes the methods, then 404', async () => {
			expect((await connect('carrier_33', { key: 'k' })).status).toBe(204);
			const again = await connect('carrier_33', { key: 'k' });
			expect(again.status).toBe(409);
			expect(again.json[0].message).toMatch(/already connected/);
			expect(
				(
					await put('/shipping/carrier/connection', {
						carrier_id: 'carrier_33',
						connection: { key: 'k2' },
					})
				).status,
			).toBe(204);
			expect(bc.state.connections.carrier_33.connection).toEqual({ key: 'k2' });
			await post('/shipping/zones/1/methods', { name: 'Live', type: 'carrier_33' });
			await post('/shipping/zones/2/methods', {
				name: 'Flat',
				type: 'perorder',
				settings: { rate: 4 },
			});
			expect((await del('/shipping/carrier/connection', { carrier_id: 'carrier_33' })).status).toBe(
				204,
			);
			expect(bc.state.connections).toEqual({});
			expect(bc.state.methods['1']).toEqual([]);
			expect(bc.state.methods['2'].map((m) => m.type)).toEqual(['perorder']);
			expect((await del('/shipping/carrier/connection', { carrier_id: 'carrier_33' })).status).toBe(
				404,
			);
			expect(
				(await put('/shipping/carrier/connection', { carrier_id: 'carrier_33', connection: {} }))
					.status,
			).toBe(404);
			expect(bc.violations).toEqual([]);
		});

		test('an unregistered carrier is 400; a body without connection is a violation', async () => {
			expect((await connect('carrier_99')).status).toBe(400);
			const missing = await post('/shipping/carrier/connection', { carrier_id: 'carrier_33' });
			expect(missing.json[0].message).toBe('Required fields missing [connection]');
			expect(bc.violations).toHaveLength(1);
		});
	});

	describe('with a Check Connection Options URL', () => {
		let app;
		let verdict;
		let withCheck;
		beforeAll(async () => {
			app = await startCarrierApp((body, path) => {
				if (path.startsWith('/check')) return verdict(body);
				return { body: goodQuotes };
			});
			withCheck = await startBigCommerceStandin({
				checkResponses: true,
				carriers: {
					carrier_33: {
						checkConnectionUrl: `${app.url}/check`,
						quoteUrl: `${app.url}/rates`,
						headers: { 'x-app-secret': 's3' },
					},
				},
			});
		});
		afterAll(async () => {
			await withCheck.close();
			await app.close();
		});
		beforeEach(() => {
			withCheck.reset();
			app.requests.length = 0;
		});
		const connectWithCheck = (connection) =>
			call(withCheck.url, 'POST', `${BASE}/shipping/carrier/connection`, {
				headers: AUTH,
				body: { carrier_id: 'carrier_33', connection },
			});

		test('valid: the check gets {connection_options} and the carrier is connected', async () => {
			verdict = () => ({ body: { valid: true, messages: [] } });
			expect((await connectWithCheck({ key: 'good' })).status).toBe(204);
			expect(app.requests).toHaveLength(1);
			expect(app.requests[0].body).toEqual({ connection_options: { key: 'good' } });
			expect(app.requests[0].headers['x-app-secret']).toBe('s3');
			expect(withCheck.state.connections.carrier_33).toEqual({
				carrier_id: 'carrier_33',
				connection: { key: 'good' },
			});
		});

		test('invalid: 400 naming the messages, not connected', async () => {
			verdict = () => ({
				body: { valid: false, messages: [{ text: 'Unknown account key', type: 'ERROR' }] },
			});
			const r = await connectWithCheck({ key: 'bad' });
			expect(r.status).toBe(400);
			expect(r.json[0].message).toMatch(/rejected the connection options: Unknown account key/);
			expect(withCheck.state.connections).toEqual({});
			expect(withCheck.providerViolations).toEqual([]);
		});

		test('an answer that is not {valid, messages} refuses and is recorded', async () => {
			verdict = () => ({ body: { ok: true } });
			const r = await connectWithCheck({ key: 'x' });
			expect(r.status).toBe(400);
			expect(r.json[0].message).toMatch(/did not answer the connection check as documented/);
			expect(withCheck.providerViolations).toEqual([
				expect.objectContaining({
					kind: 'check-connection',
					errors: expect.arrayContaining(['valid is required']),
				}),
			]);
		});

		test('update runs the check too; a 409 connect sends none', async () => {
			verdict = () => ({ body: { valid: true, messages: [] } });
			await connectWithCheck({ key: 'a' });
			expect((await connectWithCheck({ key: 'a' })).status).toBe(409);
			expect(app.requests).toHaveLength(1);
			verdict = () => ({
				body: { valid: false, messages: [{ text: 'Expired key', type: 'ERROR' }] },
			});
			const r = await call(withCheck.url, 'PUT', `${BASE}/shipping/carrier/connection`, {
				headers: AUTH,
				body: { carrier_id: 'carrier_33', connection: { key: 'old' } },
			});
			expect(r.status).toBe(400);
			expect(r.json[0].message).toMatch(/Expired key/);
			expect(withCheck.state.connections.carrier_33.connection).toEqual({ key: 'a' });
		});

		test('check-connection control returns the answer and its verdict', async () => {
			verdict = (body) => ({ body: { valid: body.connection_options.key === 'ok', messages: [] } });
			const r = await call(withCheck.url, 'POST', '/__standin/check-connection', {
				body: { carrierId: 'carrier_33', connection_options: { key: 'ok' } },
			});
			expect(r.json).toMatchObject({ status: 200, valid: true, violations: [] });
		});

		test('quote: the documented request with this store id and the stored connection', async () => {
			verdict = () => ({ body: { valid: true, messages: [] } });
			await connectWithCheck({ key: 'userKey', account_number: 'n1' });
			const r = await withCheck.quote({ carrierId: 'carrier_33' });
			expect(r).toMatchObject({
				status: 200,
				body: goodQuotes,
				violations: [],
				requestViolations: [],
			});
			const sent = app.requests.find((q) => q.path === '/rates').body;
			expect(sent.base_options.store_id).toBe('demo-store');
			expect(sent.base_options.destination.zip).toBe('94103');
			expect(sent.connection_options).toEqual({ key: 'userKey', account_number: 'n1' });
		});
	});

	describe('quote dispatch', () => {
		let app;
		let reply;
		beforeAll(async () => {
			app = await startCarrierApp(() => reply());
		});
		afterAll(async () => {
			await app.close();
		});

		test('a good answer over the control endpoint: no violations', async () => {
			reply = () => ({ body: goodQuotes });
			const r = await call(bc.url, 'POST', '/__standin/quote', {
				body: { url: `${app.url}/rates?loc=demo-store&t=x` },
			});
			expect(r.status).toBe(200);
			expect(r.json).toMatchObject({ status: 200, violations: [], body: goodQuotes });
			expect(r.json.durationMs).toBeGreaterThanOrEqual(0);
			expect(app.requests.at(-1).path).toBe('/rates?loc=demo-store&t=x');
			expect(app.requests.at(-1).body.base_options.store_id).toBe('demo-store');
		});

		test('a string amount and a missing display name are violations, recorded', async () => {
			reply = () => ({
				body: {
					carrier_quotes: [
						{ quotes: [{ code: 'GND', cost: { currency: 'USD', amount: '7.50' } }] },
					],
				},
			});
			const r = await bc.quote({ url: `${app.url}/rates`, body: { base_options: { items: [] } } });
			expect(r.violations).toEqual(
				expect.arrayContaining([
					'carrier_quotes.0.quotes.0.cost.amount must be number',
					'carrier_quotes.0.quotes.0.display_name is required',
				]),
			);
			expect(r.requestViolations).toEqual(
				expect.arrayContaining(['base_options.origin is required']),
			);
			expect(bc.providerViolations).toEqual([
				expect.objectContaining({ kind: 'quote', url: `${app.url}/rates` }),
			]);
		});

		test('a 500, a text body and no answer are violations', async () => {
			reply = () => ({ status: 500, body: { error: 'x' } });
			expect((await bc.quote({ url: app.url })).violations).toEqual([
				expect.stringMatching(/HTTP 500/),
			]);
			reply = () => ({ body: 'not json' });
			expect((await bc.quote({ url: app.url })).violations).toEqual(['the body is not JSON']);
			const closed = await bc.quote({ url: 'http://127.0.0.1:9/rates', timeoutMs: 500 });
			expect(closed.status).toBe(0);
			expect(closed.violations[0]).toMatch(/^no answer/);
		});

		test('without a url the control answers 400', async () => {
			const r = await call(bc.url, 'POST', '/__standin/quote', { body: {} });
			expect(r.status).toBe(400);
			expect(r.json.error).toMatch(/url is required/);
		});
	});

	test('state control: zones, methods, connections', async () => {
		await connect();
		const r = await call(bc.url, 'GET', '/__standin/state');
		expect(Object.keys(r.json).sort()).toEqual(['connections', 'methods', 'zones']);
		expect(r.json.connections.carrier_33).toEqual({ carrier_id: 'carrier_33', connection: {} });
	});
});
