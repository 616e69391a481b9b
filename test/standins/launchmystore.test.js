'use strict';
/**
 * LaunchMyStore stand-in: REST API (shop, orders, fulfillments, token rotation) validated against
 * specs/launchmystore/openapi.yaml, and the dispatcher (signed quotes with retries and fallback,
 * signed webhooks) against a tiny local receiver.
 */
const crypto = require('node:crypto');
const http = require('node:http');
const { startLaunchMyStoreStandin } = require('./index');
const { call } = require('./http-client');

const TOKEN = 'lms-demo-access-token';
const SECRET = 'lms-demo-client-secret';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const ORDER = {
	id: 'ord_seed1',
	email: 'buyer@example.com',
	line_items: [
		{ id: 'li_shirt', title: 'T-Shirt - Red / Medium', sku: 'TS-RM', quantity: 2, grams: 200, price: 2500 },
		{ id: 'li_mug', title: 'Mug', sku: 'MUG', quantity: 1, grams: 350, price: 1200 },
	],
	shipping_lines: [{ title: 'Acme Ground', code: 'acme-shipping-ground', price: 800, source: 'acme-shipping' }],
};

let lms;
const get = (p, headers = AUTH) => call(lms.url, 'GET', p, { headers });
const post = (p, body, headers = AUTH) => call(lms.url, 'POST', p, { headers, body });
const fulfil = (body, id = ORDER.id) => post(`/api/v1/orders/${id}/fulfillments.json`, body);

/** A local receiver: records every request; `answer(req, raw)` gives `{status, body, delayMs, raw}`. */
function receiver() {
	const received = [];
	const sockets = new Set();
	let answer = () => ({ status: 200, body: { ok: true } });
	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			received.push({ headers: req.headers, raw });
			const a = answer(req, raw);
			const send = () => {
				if (res.destroyed) return;
				res.writeHead(a.status || 200, { 'content-type': 'application/json' });
				res.end(a.raw !== undefined ? a.raw : JSON.stringify(a.body));
			};
			if (a.delayMs) setTimeout(send, a.delayMs);
			else send();
		});
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				received,
				url: `http://127.0.0.1:${server.address().port}/api/quote`,
				answerWith(fn) {
					answer = fn;
				},
				close: () =>
					new Promise((done) => {
						for (const s of sockets) s.destroy();
						server.close(done);
					}),
			}),
		),
	);
}

const hmac = (raw, secret = SECRET) => crypto.createHmac('sha256', secret).update(raw).digest();
const RATES = {
	rates: [
		{
			service_name: 'Acme Ground',
			service_code: 'acme-shipping-ground',
			total_price: '80.85',
			currency: 'INR',
			description: '3–5 days · Acme Ground',
			min_delivery_date: '2026-12-03T00:00:00Z',
			max_delivery_date: '2026-12-05T00:00:00Z',
		},
	],
};

let sink;
beforeAll(async () => {
	lms = await startLaunchMyStoreStandin({ checkResponses: true, orders: [ORDER] });
	sink = await receiver();
});
afterAll(async () => {
	await lms.close();
	await sink.close();
});
beforeEach(() => {
	lms.reset();
	sink.received.length = 0;
	sink.answerWith(() => ({ status: 200, body: RATES }));
});
afterEach(() => {
	// Every answer of the stand-in matches the response schemas of openapi.yaml.
	expect(lms.responseViolations).toEqual([]);
});

describe('REST API', () => {
	test('401 without a bearer token, with an unknown one; the seeded token reads the shop', async () => {
		const none = await get('/api/v1/shop.json', {});
		expect(none.status).toBe(401);
		expect(none.json).toMatchObject({ success: false, error: expect.any(String) });
		const unknown = await get('/api/v1/shop.json', { authorization: 'Bearer nope' });
		expect(unknown.status).toBe(401);
		expect(unknown.json).toEqual({ success: false, error: 'Invalid access token' });
		const shop = await get('/api/v1/shop.json');
		expect(shop.status).toBe(200);
		expect(shop.json).toMatchObject({
			success: true,
			data: { domainSlug: 'demo-shop', domain: 'demo-shop.launchmystore.io', name: 'Demo Shop', currency: 'USD' },
		});
		// A missing token is a violation of the declared security; an unknown one is not.
		expect(lms.violations).toHaveLength(1);
	});

	test('GET order with and without .json; money in cents; unknown order 404', async () => {
		const a = await get(`/api/v1/orders/${ORDER.id}.json`);
		const b = await get(`/api/v1/orders/${ORDER.id}`);
		expect(a.status).toBe(200);
		expect(b.json).toEqual(a.json);
		expect(a.json.data).toMatchObject({
			id: ORDER.id,
			status: 'confirmed',
			fulfillment_status: 'unfulfilled',
			currency: 'USD',
			subtotal_price: 6200,
			total_shipping: 800,
			total_price: 7000,
			shipping_lines: ORDER.shipping_lines,
			fulfillments: [],
		});
		expect(a.json.data.order_number).toEqual(expect.any(Number));
		expect(a.json.data.shipping_address).toMatchObject({ country_code: 'US', zip: '10001' });
		const fields = await get(`/api/v1/orders/${ORDER.id}.json?fields=id,total_price`);
		expect(fields.json.data).toEqual({ id: ORDER.id, total_price: 7000 });
		const missing = await get('/api/v1/orders/ord_missing.json');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ success: false, error: 'Order not found' });
		expect(lms.violations).toEqual([]);
	});

	test('two packages: partial, then shipped; fulfillments listed; coverage in state', async () => {
		const first = await fulfil({
			line_items: [{ id: 'li_shirt', quantity: 1 }],
			tracking_number: '1Z001',
			tracking_company: 'UPS',
			tracking_url: 'https://ups.example/1Z001',
			notify_customer: false,
		});
		expect(first.status).toBe(201);
		expect(first.json).toMatchObject({
			success: true,
			data: {
				id: expect.stringMatching(/^ful_/),
				order_id: ORDER.id,
				status: 'success',
				tracking_number: '1Z001',
				tracking_company: 'UPS',
				tracking_url: 'https://ups.example/1Z001',
				notify_customer: false,
				line_items: [{ id: 'li_shirt', quantity: 1, title: 'T-Shirt - Red / Medium' }],
				created_at: expect.any(String),
			},
		});
		let order = (await get(`/api/v1/orders/${ORDER.id}.json`)).json.data;
		expect(order).toMatchObject({ status: 'partial', fulfillment_status: 'partial' });

		// The Orders section's form of the same write (no .json).
		const second = await post(`/api/v1/orders/${ORDER.id}/fulfillments`, {
			line_items: [
				{ id: 'li_shirt', quantity: 1 },
				{ id: 'li_mug', quantity: 1 },
			],
			tracking_number: '1Z002',
		});
		expect(second.status).toBe(201);
		expect(second.json.data.notify_customer).toBe(true);
		order = (await get(`/api/v1/orders/${ORDER.id}`)).json.data;
		expect(order).toMatchObject({ status: 'shipped', fulfillment_status: 'fulfilled' });
		expect(order.fulfillments.map((f) => f.tracking_number)).toEqual(['1Z001', '1Z002']);

		const list = await get(`/api/v1/orders/${ORDER.id}/fulfillments.json`);
		expect(list.json.data.fulfillments.map((f) => f.id)).toEqual([first.json.data.id, second.json.data.id]);
		expect(lms.state.orders[ORDER.id].status).toBe('shipped');
		expect(lms.state.fulfillments[ORDER.id]).toHaveLength(2);
		expect(lms.violations).toEqual([]);
	});

	test('failed fulfillments do not count; a delivered full one makes the order delivered', async () => {
		await fulfil({ line_items: [{ id: 'li_shirt', quantity: 2 }], status: 'failed' });
		expect(lms.state.orders[ORDER.id].fulfillment_status).toBe('unfulfilled');
		await fulfil({ line_items: [{ id: 'li_shirt', quantity: 2 }, { id: 'li_mug', quantity: 1 }], status: 'delivered' });
		expect(lms.state.orders[ORDER.id]).toMatchObject({ status: 'delivered', fulfillment_status: 'fulfilled' });
	});

	test('over-fulfilment and unknown line items: 422 naming the line item; nothing written', async () => {
		expect((await fulfil({ line_items: [{ id: 'li_mug', quantity: 1 }] })).status).toBe(201);
		const over = await fulfil({ line_items: [{ id: 'li_mug', quantity: 1 }] });
		expect(over.status).toBe(422);
		expect(over.json.success).toBe(false);
		expect(over.json.error).toMatch(/li_mug/);
		expect(over.json.error).toMatch(/0 left/);
		// Two entries of one line item add up.
		const summed = await fulfil({ line_items: [{ id: 'li_shirt', quantity: 2 }, { id: 'li_shirt', quantity: 1 }] });
		expect(summed.status).toBe(422);
		expect(summed.json.error).toMatch(/li_shirt.*quantity 3/);
		const unknown = await fulfil({ line_items: [{ id: 'li_nope', quantity: 1 }] });
		expect(unknown.status).toBe(422);
		expect(unknown.json.error).toMatch(/li_nope/);
		expect(lms.state.fulfillments[ORDER.id]).toHaveLength(1);
		expect((await fulfil({ line_items: [{ id: 'li_mug', quantity: 1 }] }, 'ord_missing')).status).toBe(404);
		expect(lms.violations).toEqual([]);
	});

	test('a body the schema rejects is a recorded violation, answered 422 naming the fields', async () => {
		const bad = await fulfil({ lineItems: [{ id: 'li_mug', quantity: 1 }], trackingNumber: '1Z' });
		expect(bad.status).toBe(422);
		expect(bad.json.error).toMatch(/line_items is required/);
		expect(bad.json.error).toMatch(/trackingNumber/);
		const zero = await fulfil({ line_items: [{ id: 'li_mug', quantity: 0 }] });
		expect(zero.status).toBe(422);
		const empty = await fulfil({ line_items: [] });
		expect(empty.status).toBe(422);
		expect(lms.violations.map((v) => v.errors)).toEqual([
			expect.arrayContaining(['body.line_items is required', 'body.trackingNumber is not allowed (additional property)']),
			['body.line_items.0.quantity must be >= 1'],
			['body.line_items must NOT have fewer than 1 items'],
		]);
		const notJson = await call(lms.url, 'POST', `/api/v1/orders/${ORDER.id}/fulfillments.json`, {
			headers: { ...AUTH, 'content-type': 'application/json' },
			raw: '{"line_items": [',
		});
		expect(notJson.status).toBe(400);
		expect(lms.state.fulfillments[ORDER.id]).toEqual([]);
	});

	test('GET /api/v1/orders pages newest first and filters', async () => {
		lms.createOrder({ id: 'ord_b', created_at: '2030-01-01T00:00:00.000Z', financial_status: 'pending' });
		const page = await get('/api/v1/orders?limit=1');
		expect(page.json.data.items.map((o) => o.id)).toEqual(['ord_b']);
		expect(page.json.data.pagination).toEqual({ page: 1, limit: 1, total: 2, hasMore: true });
		const paid = await get('/api/v1/orders?financial_status=paid');
		expect(paid.json.data.items.map((o) => o.id)).toEqual([ORDER.id]);
		const wrong = await get('/api/v1/orders?fulfillment_status=done');
		expect(wrong.status).toBe(422);
		expect(lms.violations).toHaveLength(1);
	});
});

describe('OAuth token rotation', () => {
	const refresh = (refreshToken, secret = SECRET) =>
		post('/apps/oauth/token', { grant_type: 'refresh_token', client_id: 'lms_app_demo', client_secret: secret, refresh_token: refreshToken }, {});

	test('a refresh token is used once; the new access token works; an expired one gets 401', async () => {
		const r = await refresh('lms-demo-refresh-token');
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			status: 200,
			state: 'success',
			data: { token_type: 'Bearer', expires_in: 86400, access_token: expect.any(String), refresh_token: expect.any(String) },
		});
		const { access_token: access, refresh_token: next } = r.json.data;
		expect(next).not.toBe('lms-demo-refresh-token');

		const again = await refresh('lms-demo-refresh-token');
		expect(again.status).toBe(401);
		expect(again.json).toEqual({ status: 401, state: 'error', message: 'Token has been revoked' });

		const shop = await get('/api/v1/shop.json', { authorization: `Bearer ${access}` });
		expect(shop.status).toBe(200);
		expect(shop.json.data.domainSlug).toBe('demo-shop');

		const expired = await call(lms.url, 'POST', '/__standin/expire-token', { body: { accessToken: access } });
		expect(expired.status).toBe(200);
		const after = await get('/api/v1/shop.json', { authorization: `Bearer ${access}` });
		expect(after.status).toBe(401);
		expect(after.json).toEqual({ success: false, error: 'Access token has expired' });

		// The rotated refresh token works once in turn.
		expect((await refresh(next)).status).toBe(200);
		expect((await refresh(next)).status).toBe(401);
		expect(lms.violations).toEqual([]);
	});

	test('wrong client secret 401; authorization_code 400; a bad body is a violation', async () => {
		const wrong = await refresh('lms-demo-refresh-token', 'nope');
		expect(wrong.status).toBe(401);
		expect(wrong.json.state).toBe('error');
		// The refresh token was not consumed by the refused call.
		expect((await refresh('lms-demo-refresh-token')).status).toBe(200);
		const code = await post(
			'/apps/oauth/token',
			{ grant_type: 'authorization_code', client_id: 'lms_app_demo', client_secret: SECRET, code: 'abc', state: 's' },
			{},
		);
		expect(code.status).toBe(400);
		expect(lms.violations).toEqual([]);
		const missing = await post('/apps/oauth/token', { grant_type: 'refresh_token', client_id: 'lms_app_demo', client_secret: SECRET }, {});
		expect(missing.status).toBe(400);
		expect(missing.json).toMatchObject({ status: 400, state: 'error' });
		expect(lms.violations[0].errors).toContain('body.refresh_token is required');
	});
});

describe('quote dispatch', () => {
	test('signed hex over the raw body, request id header, the stand-in shop; a valid answer is used', async () => {
		const r = await lms.quote({ url: sink.url });
		expect(r).toMatchObject({ status: 200, attempts: 1, fellBack: false, body: RATES, violations: [] });
		expect(r.reason).toBeUndefined();
		const [got] = sink.received;
		expect(got.headers['content-type']).toBe('application/json');
		expect(got.headers['x-lms-signature']).toBe(hmac(got.raw).toString('hex'));
		expect(got.headers['user-agent']).toEqual(expect.any(String));
		const body = JSON.parse(got.raw);
		expect(got.headers['x-lms-request-id']).toBe(body.request_id);
		expect(body.shop.domainSlug).toBe('demo-shop');
		expect(body.rate.items[0]).toMatchObject({ sku: 'ABC-MED', grams: 1500, quantity: 1 });
		expect(lms.violations).toEqual([]);
		// No quote cache: the same request reaches the provider again.
		await lms.quote({ url: sink.url, body });
		expect(sink.received).toHaveLength(2);
		expect(sink.received[1].raw).toBe(got.raw);
	});

	test('signature none and wrong', async () => {
		await lms.quote({ url: sink.url, signature: 'none' });
		await lms.quote({ url: sink.url, signature: 'wrong' });
		expect(sink.received[0].headers['x-lms-signature']).toBeUndefined();
		const wrong = sink.received[1];
		expect(wrong.headers['x-lms-signature']).toMatch(/^[0-9a-f]{64}$/);
		expect(wrong.headers['x-lms-signature']).not.toBe(hmac(wrong.raw).toString('hex'));
	});

	test('503 is retried 3 times (250/500/1000 ms), then LaunchMyStore falls back', async () => {
		sink.answerWith(() => ({ status: 503, body: { error: 'down' } }));
		const r = await lms.quote({ url: sink.url, timeoutMs: 1000 });
		expect(r).toMatchObject({ status: 503, attempts: 4, fellBack: true, reason: 'status 503 after 4 attempts' });
		expect(r.durationMs).toBeGreaterThanOrEqual(1750);
		expect(sink.received).toHaveLength(4);
		const ids = new Set(sink.received.map((x) => x.headers['x-lms-request-id']));
		expect(ids.size).toBe(1);
		expect(lms.violations).toEqual([]);
	});

	test('one 500 then a good answer: used, 2 attempts', async () => {
		let n = 0;
		sink.answerWith(() => ((n += 1) === 1 ? { status: 500, body: {} } : { status: 200, body: RATES }));
		const r = await lms.quote({ url: sink.url });
		expect(r).toMatchObject({ status: 200, attempts: 2, fellBack: false });
	});

	test('malformed JSON and a missing rates list fall back and are violations; an empty list only falls back', async () => {
		sink.answerWith(() => ({ status: 200, raw: '{"rates": [' }));
		const malformed = await lms.quote({ url: sink.url });
		expect(malformed).toMatchObject({ fellBack: true, reason: 'malformed JSON', attempts: 1 });
		sink.answerWith(() => ({ status: 200, body: { shipping: [] } }));
		const noRates = await lms.quote({ url: sink.url });
		expect(noRates).toMatchObject({ fellBack: true, reason: 'the answer has no rates array' });
		sink.answerWith(() => ({ status: 200, body: { rates: [] } }));
		const empty = await lms.quote({ url: sink.url });
		expect(empty).toMatchObject({ fellBack: true, reason: 'the answer has an empty rates list', violations: [] });
		expect(lms.violations.map((v) => [v.kind, v.errors])).toEqual([
			['quote-answer', ['(root) is not valid JSON']],
			['quote-answer', ['rates is required']],
		]);
	});

	test('an answer against the documented schema (numeric total_price) is a recorded violation', async () => {
		sink.answerWith(() => ({
			status: 200,
			body: { rates: [{ service_name: 'Acme', service_code: 'acme-shipping-ground', total_price: 80.85, currency: 'INR' }] },
		}));
		const r = await lms.quote({ url: sink.url });
		expect(r.fellBack).toBe(false);
		expect(r.violations).toEqual(['rates.0.total_price must be string']);
		expect(lms.violations).toEqual([
			expect.objectContaining({ kind: 'quote-answer', path: sink.url, requestId: r.requestId, errors: r.violations }),
		]);
	});

	test('a slow provider times out (not retried) and falls back; a 401 answer falls back without violation', async () => {
		sink.answerWith(() => ({ status: 200, body: RATES, delayMs: 600 }));
		const slow = await lms.quote({ url: sink.url, timeoutMs: 150 });
		expect(slow).toMatchObject({ status: 0, attempts: 1, fellBack: true, reason: 'timeout: no answer within 150 ms' });
		expect(slow.durationMs).toBeLessThan(550);
		sink.answerWith(() => ({ status: 401, body: { error: 'invalid X-LMS-Signature signature' } }));
		const refused = await lms.quote({ url: sink.url, signature: 'wrong' });
		expect(refused).toMatchObject({ status: 401, attempts: 1, fellBack: true, reason: 'status 401' });
		expect(lms.violations).toEqual([]);
	});

	test('the control endpoint does the same; bad input is 400', async () => {
		const r = await call(lms.url, 'POST', '/__standin/quote', { body: { url: sink.url, timeoutMs: 20000 } });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ status: 200, fellBack: false, attempts: 1 });
		const bad = await call(lms.url, 'POST', '/__standin/quote', { body: {} });
		expect(bad.status).toBe(400);
		const deliveries = await call(lms.url, 'GET', '/__standin/deliveries');
		expect(deliveries.json.map((d) => d.kind)).toEqual(['quote']);
	});
});

describe('webhook delivery', () => {
	test('orders/create with a stored order: headers, base64 signature by default', async () => {
		sink.answerWith(() => ({ status: 200, body: { received: true } }));
		const r = await lms.webhook({ url: sink.url, topic: 'orders/create', orderId: ORDER.id });
		expect(r).toMatchObject({ status: 200, body: { received: true }, webhookId: expect.any(String) });
		const [got] = sink.received;
		expect(JSON.parse(got.raw)).toMatchObject({ id: ORDER.id, line_items: expect.any(Array), shipping_lines: ORDER.shipping_lines });
		expect(got.headers).toMatchObject({
			'content-type': 'application/json',
			'x-lms-topic': 'orders/create',
			'x-lms-shop-domain': 'demo-shop.launchmystore.io',
			'x-lms-webhook-id': r.webhookId,
			'x-lms-delivery-attempt': '1',
		});
		expect(Number.isNaN(Date.parse(got.headers['x-lms-triggered-at']))).toBe(false);
		expect(got.headers['x-lms-hmac-sha256']).toBe(hmac(got.raw).toString('base64'));
		expect(got.headers['x-lms-signature']).toBeUndefined();
	});

	test('both signature forms verify; wrong and none do not', async () => {
		await lms.webhook({ url: sink.url, topic: 'app/uninstalled', payload: { shop: 'demo-shop' }, signature: 'both' });
		await lms.webhook({ url: sink.url, topic: 'app/uninstalled', payload: {}, signature: 'hex' });
		await lms.webhook({ url: sink.url, topic: 'app/uninstalled', payload: {}, signature: 'wrong' });
		await lms.webhook({ url: sink.url, topic: 'app/uninstalled', payload: {}, signature: 'none' });
		const [both, hex, wrong, none] = sink.received;
		const expected = hmac(both.raw);
		expect(Buffer.from(both.headers['x-lms-hmac-sha256'], 'base64').equals(expected)).toBe(true);
		expect(Buffer.from(both.headers['x-lms-signature'], 'hex').equals(expected)).toBe(true);
		expect(hex.headers['x-lms-signature']).toBe(hmac(hex.raw).toString('hex'));
		expect(hex.headers['x-lms-hmac-sha256']).toBeUndefined();
		expect(wrong.headers['x-lms-hmac-sha256']).not.toBe(hmac(wrong.raw).toString('base64'));
		expect(none.headers['x-lms-hmac-sha256']).toBeUndefined();
		expect(none.headers['x-lms-signature']).toBeUndefined();
	});

	test('a fixed webhook id and time are redelivered as is; the receiver answer is reported', async () => {
		sink.answerWith((req) => ({ status: sink.received.length > 1 ? 409 : 200, body: { id: req.headers['x-lms-webhook-id'] } }));
		const opts = { url: sink.url, topic: 'orders/paid', orderId: ORDER.id, webhookId: 'wh_fixed_1', triggeredAt: '2026-11-30T10:00:00.000Z' };
		const first = await call(lms.url, 'POST', '/__standin/webhook', { body: opts });
		const second = await call(lms.url, 'POST', '/__standin/webhook', { body: { ...opts, attempt: 2 } });
		expect(first.json).toMatchObject({ status: 200, body: { id: 'wh_fixed_1' }, webhookId: 'wh_fixed_1' });
		expect(second.json).toMatchObject({ status: 409, webhookId: 'wh_fixed_1' });
		expect(sink.received.map((x) => x.headers['x-lms-webhook-id'])).toEqual(['wh_fixed_1', 'wh_fixed_1']);
		expect(sink.received.map((x) => x.headers['x-lms-triggered-at'])).toEqual([opts.triggeredAt, opts.triggeredAt]);
		expect(sink.received[1].headers['x-lms-delivery-attempt']).toBe('2');
		expect(sink.received[1].raw).toBe(sink.received[0].raw);
	});

	test('unknown order 404, missing topic 400, unreachable receiver status 0', async () => {
		const unknown = await call(lms.url, 'POST', '/__standin/webhook', { body: { url: sink.url, topic: 'orders/create', orderId: 'ord_x' } });
		expect(unknown.status).toBe(404);
		const noTopic = await call(lms.url, 'POST', '/__standin/webhook', { body: { url: sink.url } });
		expect(noTopic.status).toBe(400);
		const down = await lms.webhook({ url: 'http://127.0.0.1:1/hook', topic: 'orders/create', payload: {} });
		expect(down.status).toBe(0);
		expect(sink.received).toHaveLength(0);
	});
});

describe('state and control', () => {
	test('POST /__standin/orders fills ids and totals; reset restores the seed', async () => {
		const r = await call(lms.url, 'POST', '/__standin/orders', {
			body: { line_items: [{ title: 'Slipper M', quantity: 3, price: 499, grams: 1500 }], shipping_lines: [] },
		});
		expect(r.status).toBe(201);
		const order = r.json;
		expect(order.id).toMatch(/^ord_/);
		expect(order.line_items[0].id).toMatch(/^li_/);
		expect(order).toMatchObject({ subtotal_price: 1497, total_shipping: 0, total_price: 1497, currency: 'USD' });
		const state = (await call(lms.url, 'GET', '/__standin/state')).json;
		expect(Object.keys(state)).toEqual(['shops', 'orders', 'fulfillments']);
		expect(Object.keys(state.orders).sort()).toEqual([ORDER.id, order.id].sort());
		expect(state.shops['demo-shop'].domain).toBe('demo-shop.launchmystore.io');
		const got = await get(`/api/v1/orders/${order.id}.json`);
		expect(got.json.data.order_number).toBeGreaterThan((await get(`/api/v1/orders/${ORDER.id}.json`)).json.data.order_number);
		lms.reset();
		expect(Object.keys(lms.state.orders)).toEqual([ORDER.id]);
		expect((await call(lms.url, 'POST', '/__standin/expire-token', { body: { accessToken: 'nope' } })).status).toBe(404);
	});

	test('options: own shop, secret and tokens', async () => {
		const other = await startLaunchMyStoreStandin({
			clientSecret: 's3cret',
			shop: { domainSlug: 'raja337276', domain: 'raja337276.launchmystore.io', name: 'Acme Store', currency: 'INR' },
			tokens: { t1: { shop: 'raja337276' } },
		});
		try {
			const shop = await call(other.url, 'GET', '/api/v1/shop.json', { headers: { authorization: 'Bearer t1' } });
			expect(shop.json.data).toMatchObject({ domainSlug: 'raja337276', currency: 'INR' });
			expect((await call(other.url, 'GET', '/api/v1/shop.json', { headers: AUTH })).status).toBe(401);
			await other.quote({ url: sink.url });
			const got = sink.received[0];
			expect(got.headers['x-lms-signature']).toBe(hmac(got.raw, 's3cret').toString('hex'));
			expect(JSON.parse(got.raw).shop).toEqual({ domainSlug: 'raja337276', name: 'Acme Store', url: 'raja337276.launchmystore.io' });
		} finally {
			await other.close();
		}
	});
});
