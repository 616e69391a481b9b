'use strict';
/** HighLevel stand-in: orders and fulfillments (payments.json) - validation, state, filters, paging. */
const { startHighLevelStandin } = require('./index');
const { call } = require('./http-client');

const LOC = 'loc-a';
const H = { authorization: 'Bearer token-a', version: '2021-07-28' };
const hex24 = /^[0-9a-f]{24}$/;

let hl;
const get = (p, o = {}) => call(hl.url, 'GET', p, { headers: H, ...o });
const post = (p, body, o = {}) => call(hl.url, 'POST', p, { headers: H, body, ...o });
const alt = `altId=${LOC}&altType=location`;

const price = (id, amount = 17) => ({
	_id: id,
	name: `Price ${id}`,
	type: 'one_time',
	currency: 'USD',
	amount,
});
const line = (priceId, qty) => ({
	name: `Tee ${priceId}`,
	qty,
	product: { _id: `prod-${priceId}`, name: 'Tee', availableInStore: true },
	price: price(priceId),
});
// Shaped like docs/webhook events/OrderCreate.md
const orders = [
	{
		_id: 'order-old',
		status: 'completed',
		paymentStatus: 'paid',
		contactId: 'contact-1',
		contactSnapshot: {
			id: 'contact-1',
			firstName: 'Maxwell',
			lastName: 'Schmidt',
			email: 'max@example.com',
		},
		amount: 150.1,
		amountSummary: { subtotal: 138, discount: 0, tax: 12.1, shipping: 0 },
		source: { type: 'website', subType: 'store', id: 'store-1', name: 'Ecom Store' },
		items: [line('price-a', 2), line('price-b', 1)],
		createdAt: '2024-02-01T10:00:00.000Z',
	},
	{
		_id: 'order-new',
		status: 'pending',
		paymentStatus: 'unpaid',
		contactId: 'contact-2',
		items: [line('price-a', 1)],
		createdAt: '2024-03-05T10:00:00.000Z',
	},
	{
		_id: 'order-part',
		status: 'completed',
		paymentStatus: 'paid',
		items: [line('price-c', 3)],
		createdAt: '2024-02-20T10:00:00.000Z',
		fulfillments: [
			{ items: [{ priceId: 'price-c', qty: 1 }], trackings: [{ trackingNumber: 'T0' }] },
		],
	},
];

beforeAll(async () => {
	hl = await startHighLevelStandin({
		checkResponses: true,
		seed: { locations: { [LOC]: { orders } } },
	});
});
afterAll(() => hl.close());
beforeEach(() => hl.reset());
afterEach(() => {
	// Every answer matched the response schema declared in payments.json (with the overlay).
	expect(hl.responseViolations).toEqual([]);
});

describe('orders', () => {
	test('list: {data, totalCount}, newest first, summaries, default page 10', async () => {
		const r = await get(`/payments/orders?altId=${LOC}&altType=location&locationId=${LOC}`);
		expect(r.status).toBe(200);
		expect(r.json.totalCount).toBe(3);
		expect(r.json.data.map((o) => o._id)).toEqual(['order-new', 'order-part', 'order-old']);
		expect(r.json.data[2]).toMatchObject({
			altId: LOC,
			altType: 'location',
			contactName: 'Maxwell Schmidt',
			contactEmail: 'max@example.com',
			subtotal: 138,
			sourceType: 'website',
			sourceName: 'Ecom Store',
			totalProducts: 3,
			fulfillmentStatus: 'unfulfilled',
		});
		expect(r.json.data[1].fulfillmentStatus).toBe('partially_fulfilled');
		expect(r.json.data[0].items).toBeUndefined();
		expect(hl.violations).toEqual([]);
	});

	test('list filters: status, paymentStatus, contactId, search, startAt/endAt; limit/offset paging', async () => {
		const ids = async (qs) =>
			(await get(`/payments/orders?altId=${LOC}&${qs}`)).json.data.map((o) => o._id);
		expect(await ids('status=completed')).toEqual(['order-part', 'order-old']);
		expect(await ids('paymentStatus=unpaid')).toEqual(['order-new']);
		expect(await ids('contactId=contact-1')).toEqual(['order-old']);
		expect(await ids('search=maxwell')).toEqual(['order-old']);
		expect(await ids('startAt=2024-02-20&endAt=2024-03-01')).toEqual(['order-part']);
		expect(await ids('endAt=2024-02-01')).toEqual(['order-old']);
		const page = await get(`/payments/orders?altId=${LOC}&limit=2&offset=2`);
		expect(page.json).toMatchObject({ totalCount: 3, data: [{ _id: 'order-old' }] });
		expect(hl.violations).toEqual([]);
	});

	test('list validation: altId required, paymentStatus enum', async () => {
		const r = await get('/payments/orders?locationId=x');
		expect(r.status).toBe(422);
		expect(r.json.message).toEqual(['altId should not be empty']);
		const r2 = await get(`/payments/orders?altId=${LOC}&paymentStatus=free`);
		expect(r2.status).toBe(422);
		expect(r2.json.message).toEqual([
			'paymentStatus must be one of the following values: paid, unpaid, refunded, partially_paid',
		]);
		const r3 = await call(hl.url, 'GET', `/payments/orders?altId=${LOC}`, {
			headers: { authorization: 'Bearer t' },
		});
		expect(r3.status).toBe(422); // Version header is required by payments.json
		expect(hl.violations.map((v) => v.errors)).toEqual([
			['query.altId is required'],
			['query.paymentStatus must be one of: paid, unpaid, refunded, partially_paid'],
			['header.version is required'],
		]);
	});

	test('get: the full order with object items; unknown id 400 "Order not found"', async () => {
		const r = await get(
			`/payments/orders/order-old?altId=${LOC}&altType=location&locationId=${LOC}`,
		);
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			_id: 'order-old',
			altId: LOC,
			status: 'completed',
			paymentStatus: 'paid',
			items: [
				{ _id: expect.stringMatching(hex24), qty: 2, price: { _id: 'price-a' } },
				{ qty: 1, price: { _id: 'price-b' }, product: { _id: 'prod-price-b', locationId: LOC } },
			],
		});
		const missing = await get(`/payments/orders/nope?altId=${LOC}`);
		expect(missing.status).toBe(400);
		expect(missing.json).toMatchObject({ statusCode: 400, message: 'Order not found' });
		const otherLocation = await get('/payments/orders/order-old?altId=loc-b');
		expect(otherLocation.status).toBe(400);
	});
});

describe('fulfillments', () => {
	const body = (items, over = {}) => ({
		altId: LOC,
		altType: 'location',
		trackings: [
			{
				trackingNumber: '40012345678',
				shippingCarrier: 'FedEx',
				trackingUrl: 'https://t.example/1',
			},
		],
		items,
		notifyCustomer: false,
		...over,
	});

	test('create answers 200 {status, data}; list returns it; order status follows', async () => {
		const r = await post(
			'/payments/orders/order-old/fulfillments',
			body([{ priceId: 'price-a', qty: 1 }]),
		);
		expect(r.status).toBe(200);
		expect(r.json).toEqual({
			status: true,
			data: {
				_id: expect.stringMatching(hex24),
				altId: LOC,
				altType: 'location',
				trackings: [
					{
						trackingNumber: '40012345678',
						shippingCarrier: 'FedEx',
						trackingUrl: 'https://t.example/1',
					},
				],
				items: [
					{
						_id: 'price-a',
						name: 'Tee price-a',
						product: expect.objectContaining({ _id: 'prod-price-a' }),
						price: price('price-a'),
						qty: 1,
					},
				],
				createdAt: expect.any(String),
				updatedAt: expect.any(String),
			},
		});
		const list = await get(`/payments/orders/order-old/fulfillments?${alt}`);
		expect(list.status).toBe(200);
		expect(list.json).toEqual({ status: true, data: [r.json.data] });
		expect((await get(`/payments/orders/order-old?altId=${LOC}`)).json.fulfillmentStatus).toBe(
			'partially_fulfilled',
		);
		const rest = await post(
			'/payments/orders/order-old/fulfillments',
			body([
				{ priceId: 'price-a', qty: 1 },
				{ priceId: 'price-b', qty: 1 },
			]),
		);
		expect(rest.status).toBe(200);
		expect((await get(`/payments/orders/order-old/fulfillments?${alt}`)).json.data).toHaveLength(2);
		expect((await get(`/payments/orders/order-old?altId=${LOC}`)).json.fulfillmentStatus).toBe(
			'fulfilled',
		);
		expect(hl.violations).toEqual([]);
	});

	test('over-fulfilment is rejected with 400 and changes nothing (seeded partial fulfillment counts)', async () => {
		const seeded = await get(`/payments/orders/order-part/fulfillments?${alt}`);
		expect(seeded.json.data).toHaveLength(1);
		const r = await post(
			'/payments/orders/order-part/fulfillments',
			body([{ priceId: 'price-c', qty: 3 }]),
		);
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({
			statusCode: 400,
			message: 'Cannot fulfil 3 of price-c: only 2 left to fulfil in order order-part',
		});
		const split = await post(
			'/payments/orders/order-part/fulfillments',
			body([
				{ priceId: 'price-c', qty: 2 },
				{ priceId: 'price-c', qty: 1 },
			]),
		);
		expect(split.status).toBe(400);
		const unknown = await post(
			'/payments/orders/order-part/fulfillments',
			body([{ priceId: 'price-z', qty: 1 }]),
		);
		expect(unknown.status).toBe(400);
		expect(unknown.json.message).toBe('Item with priceId price-z is not part of order order-part');
		const zero = await post(
			'/payments/orders/order-part/fulfillments',
			body([{ priceId: 'price-c', qty: 0 }]),
		);
		expect(zero.status).toBe(400);
		const none = await post('/payments/orders/order-part/fulfillments', body([]));
		expect(none.status).toBe(400);
		const missing = await post(
			'/payments/orders/nope/fulfillments',
			body([{ priceId: 'price-c', qty: 1 }]),
		);
		expect(missing.status).toBe(400);
		expect(missing.json.message).toBe('Order not found');
		expect((await get(`/payments/orders/order-part/fulfillments?${alt}`)).json.data).toHaveLength(
			1,
		);
		expect(hl.violations).toEqual([]); // business-rule failures, not spec violations
	});

	test('a bad body is a spec violation answered 422 with the fields named', async () => {
		const r = await post('/payments/orders/order-old/fulfillments', {
			altId: LOC,
			altType: 'company',
			items: [{ priceId: 'price-a', qty: '1' }, { qty: 1 }],
			trackings: [{ trackingNumber: 40012345678 }],
		});
		expect(r.status).toBe(422);
		expect(r.json.message).toEqual(
			expect.arrayContaining([
				'altType must be one of the following values: location',
				'items.0.qty must be a number conforming to the specified constraints',
				'items.1.priceId should not be empty',
				'trackings.0.trackingNumber must be a string',
				'notifyCustomer should not be empty',
			]),
		);
		expect(hl.violations).toHaveLength(1);
		expect(hl.violations[0].errors).toEqual(
			expect.arrayContaining([
				'body.notifyCustomer is required',
				'body.items.1.priceId is required',
			]),
		);
		expect((await get(`/payments/orders/order-old/fulfillments?${alt}`)).json.data).toEqual([]);
	});

	test('list validation: altType is required in the query', async () => {
		const r = await get(`/payments/orders/order-old/fulfillments?altId=${LOC}`);
		expect(r.status).toBe(422);
		expect(r.json.message).toEqual(['altType should not be empty']);
	});

	test('state survives across requests and reset() restores the seed', async () => {
		await post('/payments/orders/order-new/fulfillments', body([{ priceId: 'price-a', qty: 1 }]));
		expect(hl.state.locations[LOC].fulfillments['order-new']).toHaveLength(1);
		hl.reset();
		expect(hl.state.locations[LOC].fulfillments['order-new']).toEqual([]);
		expect(hl.state.locations[LOC].fulfillments['order-part']).toHaveLength(1);
	});
});

describe('payments.json overlay', () => {
	test('order items typed string[] only matter for responses; the overlay accepts object items', () => {
		const path = require('node:path');
		const { OpenApiValidator, specsDir } = require('./openapi');
		const { highlevelValidator } = require('./highlevel');
		const file = path.join(specsDir(), 'highlevel/apps/payments.json');
		const order = {
			_id: 'o',
			altId: LOC,
			altType: 'location',
			status: 'pending',
			createdAt: 't',
			updatedAt: 't',
			items: [line('price-a', 1)],
		};
		const raw = new OpenApiValidator({ file, responses: true });
		const rawRoute = raw.match('GET', '/payments/orders/o').route;
		expect(raw.validateResponse(rawRoute, 200, order)).toEqual(['items.0 must be string']);
		const fixed = highlevelValidator({ responses: true });
		expect(
			fixed.validateResponse(fixed.match('GET', '/payments/orders/o').route, 200, order),
		).toEqual([]);
		// the fulfillment request body is unaffected: CreateFulfillmentDto.items is declared correctly
		const { route, params } = raw.match('POST', '/payments/orders/o/fulfillments');
		const req = {
			pathParams: params,
			query: {},
			headers: H,
			body: {
				altId: LOC,
				altType: 'location',
				trackings: [],
				items: [{ priceId: 'p', qty: 1 }],
				notifyCustomer: true,
			},
			rawBody: '{}',
			contentType: 'application/json',
		};
		expect(raw.validate(route, req).errors).toEqual([]);
	});
});
