'use strict';
/** Shippo stand-in: orders, transactions + label PDF, tracks, webhooks, addresses. */
const { startShippoStandin } = require('./index');
const { call } = require('./http-client');

const AUTH = { authorization: 'ShippoToken shippo_test_standin' };
const hex32 = /^[0-9a-f]{32}$/;

let sh;
const get = (p) => call(sh.url, 'GET', p, { headers: AUTH });
const post = (p, body) => call(sh.url, 'POST', p, { headers: AUTH, body });
const del = (p) => call(sh.url, 'DELETE', p, { headers: AUTH });

const to = {
	name: 'Customer',
	street1: '1 Main St',
	city: 'New York',
	state: 'NY',
	zip: '10001',
	country: 'US',
};
const from = {
	name: 'Store',
	street1: '215 Clayton St.',
	city: 'San Francisco',
	state: 'CA',
	zip: '94117',
	country: 'US',
};
const order = (over = {}) => ({
	to_address: to,
	placed_at: '2026-01-02T03:04:05Z',
	order_number: 'hl:loc-a:order-1',
	order_status: 'PAID',
	line_items: [
		{
			title: 'Tee',
			quantity: 2,
			total_price: '34.00',
			currency: 'USD',
			weight: '0.4',
			weight_unit: 'lb',
		},
	],
	currency: 'USD',
	total_price: '34.00',
	...over,
});

beforeAll(async () => {
	sh = await startShippoStandin({ checkResponses: true });
});
afterAll(() => sh.close());
beforeEach(() => sh.reset());
afterEach(() => {
	expect(sh.responseViolations).toEqual([]);
});

describe('orders', () => {
	test('create echoes order_number and fields; get and list (newest first) return it', async () => {
		const created = await post('/orders', order());
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			order_number: 'hl:loc-a:order-1',
			total_price: '34.00',
			shop_app: 'Shippo',
		});
		expect(created.json.object_id).toMatch(hex32);
		expect(created.json.line_items[0]).toMatchObject({ title: 'Tee', quantity: 2 });
		const second = await post('/orders', order({ order_number: 'hl:loc-a:order-2' }));
		expect((await get(`/orders/${created.json.object_id}`)).json.order_number).toBe(
			'hl:loc-a:order-1',
		);
		const listed = await get('/orders?results=1');
		expect(listed.json.results.map((o) => o.object_id)).toEqual([second.json.object_id]);
		expect(listed.json.next).toContain('page=2');
		expect(sh.violations).toEqual([]);
	});

	test('list filters order_status[] (repeated), start_date/end_date on placed_at', async () => {
		await post('/orders', order({ order_status: 'PAID' }));
		await post('/orders', order({ order_status: 'SHIPPED', placed_at: '2026-03-01T00:00:00Z' }));
		await post('/orders', order({ order_status: 'CANCELLED' }));
		const both = await get('/orders?order_status[]=PAID&order_status[]=SHIPPED');
		expect(both.json.results.map((o) => o.order_status).sort()).toEqual(['PAID', 'SHIPPED']);
		const late = await get('/orders?start_date=2026-02-01T00:00:00Z');
		expect(late.json.results.map((o) => o.order_status)).toEqual(['SHIPPED']);
		expect(sh.violations).toEqual([]);
	});

	test('a body without placed_at, or with a number as price, is refused naming the field', async () => {
		const { placed_at, ...noDate } = order();
		const r1 = await post('/orders', noDate);
		expect(r1.status).toBe(400);
		expect(Object.keys(r1.json)).toContain('placed_at');
		const r2 = await post('/orders', order({ total_price: 34 }));
		expect(r2.status).toBe(400);
		expect(r2.json).toHaveProperty('total_price');
		expect(sh.violations).toHaveLength(2);
		expect(await get('/orders/00000000000000000000000000000000')).toMatchObject({
			status: 404,
			json: { detail: 'Not found.' },
		});
	});
});

describe('transactions and labels', () => {
	async function rateId() {
		const s = await post('/shipments', {
			address_from: from,
			address_to: to,
			parcels: [
				{
					length: '10',
					width: '8',
					height: '4',
					distance_unit: 'in',
					weight: '2',
					mass_unit: 'lb',
				},
			],
			async: false,
		});
		return s.json.rates[0].object_id;
	}

	test('buying a rate gives a SUCCESS transaction with a test tracking number and a PDF label', async () => {
		const rate = await rateId();
		const tx = await post('/transactions', {
			rate,
			label_file_type: 'PDF_4x6',
			metadata: 'hl:loc-a:order-1',
			async: false,
		});
		expect(tx.status).toBe(201);
		expect(tx.json).toMatchObject({
			status: 'SUCCESS',
			rate,
			metadata: 'hl:loc-a:order-1',
			tracking_number: expect.stringMatching(/^\d{22}$/),
			label_file_type: 'PDF_4x6',
		});
		expect(tx.json.label_url).toBe(`${sh.url}/__standin/labels/${tx.json.object_id}.pdf`);
		const label = await call(sh.url, 'GET', new URL(tx.json.label_url).pathname);
		expect(label.status).toBe(200);
		expect(label.headers['content-type']).toBe('application/pdf');
		expect(label.text.startsWith('%PDF-1.4')).toBe(true);
		expect((await get(`/transactions/${tx.json.object_id}`)).json.object_id).toBe(
			tx.json.object_id,
		);
		const listed = await get(`/transactions?rate=${rate}`);
		expect(listed.json.results).toHaveLength(1);
		expect(sh.violations).toEqual([]);
	});

	test('an unknown rate is a 400 naming rate; an unknown label is a 404', async () => {
		const tx = await post('/transactions', { rate: 'f'.repeat(32), async: false });
		expect(tx).toMatchObject({
			status: 400,
			json: { rate: [expect.stringContaining('not found')] },
		});
		const label = await call(sh.url, 'GET', `/__standin/labels/${'a'.repeat(32)}.pdf`);
		expect(label.status).toBe(404);
	});
});

describe('tracks', () => {
	test('test numbers give their status; POST keeps metadata for later GETs', async () => {
		const reg = await post('/tracks', {
			carrier: 'shippo',
			tracking_number: 'SHIPPO_DELIVERED',
			metadata: 'hl:loc-a:order-1',
		});
		expect(reg.status).toBe(200);
		expect(reg.json).toMatchObject({
			carrier: 'shippo',
			tracking_number: 'SHIPPO_DELIVERED',
			metadata: 'hl:loc-a:order-1',
			tracking_status: { status: 'DELIVERED' },
		});
		const got = await get('/tracks/shippo/SHIPPO_DELIVERED');
		expect(got.json).toMatchObject({
			metadata: 'hl:loc-a:order-1',
			tracking_status: { status: 'DELIVERED', substatus: { code: 'delivered' } },
		});
		expect((await get('/tracks/usps/9400100000000000000000')).json.tracking_status.status).toBe(
			'UNKNOWN',
		);
		const bad = await post('/tracks', { carrier: 'shippo' });
		expect(bad).toMatchObject({
			status: 400,
			json: { tracking_number: ['This field is required.'] },
		});
	});
});

describe('webhooks', () => {
	test('create, list, get, delete', async () => {
		const hook = await post('/webhooks', {
			event: 'track_updated',
			url: 'https://example.com/hook?token=abc',
			is_test: true,
		});
		expect(hook.status).toBe(201);
		expect(hook.json).toMatchObject({ event: 'track_updated', active: true, is_test: true });
		expect((await get('/webhooks')).json).toMatchObject({
			count: 1,
			results: [{ object_id: hook.json.object_id }],
		});
		expect((await get(`/webhooks/${hook.json.object_id}`)).status).toBe(200);
		expect((await del(`/webhooks/${hook.json.object_id}`)).status).toBe(204);
		expect((await del(`/webhooks/${hook.json.object_id}`)).status).toBe(404);
		const bad = await post('/webhooks', { event: 'nope', url: 'https://example.com' });
		expect(bad.status).toBe(400);
		expect(bad.json).toHaveProperty('event');
	});
});

describe('addresses', () => {
	test('validate: true adds validation_results; an incomplete address is invalid with messages', async () => {
		const ok = await post('/addresses', { ...to, validate: true });
		expect(ok.status).toBe(201);
		expect(ok.json.validation_results).toEqual({ is_valid: true, messages: [] });
		expect(ok.json).not.toHaveProperty('validate');
		const badZip = await post('/addresses', { ...to, zip: 'ABC', state: '', validate: true });
		expect(badZip.json.validation_results.is_valid).toBe(false);
		expect(badZip.json.validation_results.messages.map((m) => m.code).sort()).toEqual([
			'invalid_postal_code',
			'missing_state',
		]);
		const plain = await post('/addresses', { country: 'US' });
		expect(plain.json).not.toHaveProperty('validation_results');
		expect(sh.violations).toEqual([]);
	});
});
