/**
 * LaunchMyStore Shipping → Fulfillment (Create, Get Many) against the in-memory API.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { BASE_URL, byId, FakeLaunchMyStore, httpError, run, runError } from './fakeLaunchMyStore';

const create = (params: Record<string, unknown>) => ({
	resource: 'fulfillment',
	operation: 'create',
	...params,
});

describe('Fulfillment → Create', () => {
	it('posts the given line items with tracking, notify and status, through the LaunchMyStore credential', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 2], ['li_2', 1]], { id: 'ord_a' });
		const { json, output } = await run(fake, {
			params: create({
				orderId: byId('ord_a'),
				items: 'given',
				lineItems: { lineItem: [{ lineItemId: 'li_1', quantity: 1 }] },
				trackingNumber: '1Z999AA10123456784',
				trackingCompany: 'UPS',
				trackingUrl: 'https://ups.com/track?num=1Z999AA10123456784',
				notifyCustomer: false,
				status: 'success',
			}),
		});
		expect(fake.routes()).toEqual([
			'GET /api/v1/orders/ord_a/fulfillments.json',
			'POST /api/v1/orders/ord_a/fulfillments.json',
		]);
		const post = fake.writes()[0];
		expect(post.credentialType).toBe('highLevelShippingLaunchMyStoreApi');
		expect(post.options.url).toBe(`${BASE_URL}/api/v1/orders/ord_a/fulfillments.json`);
		expect(post.options.json).toBe(true);
		expect(post.options.body).toEqual({
			line_items: [{ id: 'li_1', quantity: 1 }],
			tracking_number: '1Z999AA10123456784',
			tracking_company: 'UPS',
			tracking_url: 'https://ups.com/track?num=1Z999AA10123456784',
			notify_customer: false,
			status: 'success',
		});
		expect(json).toEqual([
			expect.objectContaining({ order_id: 'ord_a', tracking_number: '1Z999AA10123456784', alreadyFulfilled: false }),
		]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('accepts line items as JSON (text or list, id or lineItemId) and adds repeated ids together', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 3], ['li_2', 1]], { id: 'ord_j' });
		await run(fake, {
			params: create({
				orderId: 'ord_j',
				items: 'json',
				lineItemsJson: '[{"id": "li_1", "quantity": 1}, {"lineItemId": "li_1", "quantity": "1"}, {"id": "li_2", "quantity": 1}]',
			}),
		});
		expect((fake.writes()[0].options.body as { line_items: unknown }).line_items).toEqual([
			{ id: 'li_1', quantity: 2 },
			{ id: 'li_2', quantity: 1 },
		]);
		await run(fake, {
			params: create({ orderId: 'ord_j', items: 'json', lineItemsJson: [{ id: 'li_1', quantity: 1 }] }),
		});
		expect((fake.writes()[1].options.body as { line_items: unknown }).line_items).toEqual([{ id: 'li_1', quantity: 1 }]);
	});

	it('ships what is left: ordered quantity minus shipped fulfillments, ignoring failed ones and counting embedded ones', async () => {
		const fake = new FakeLaunchMyStore();
		const order = fake.addOrder([['li_1', 3], ['li_2', 2], ['li_3', 1]], { id: 'ord_r' });
		fake.addFulfillment('ord_r', [['li_1', 1], ['li_3', 1]], { status: 'in_transit' });
		fake.addFulfillment('ord_r', [['li_2', 2]], { status: 'failed' });
		// Known only from the order itself (not in the list): counts too.
		order.fulfillments = [{ id: 'ful_embedded', status: 'delivered', line_items: [{ id: 'li_1', quantity: 1 }] }];
		const { json } = await run(fake, { params: create({ orderId: byId('ord_r'), items: 'allUnfulfilled' }) });
		expect(fake.routes()).toEqual([
			'GET /api/v1/orders/ord_r.json',
			'GET /api/v1/orders/ord_r/fulfillments.json',
			'POST /api/v1/orders/ord_r/fulfillments.json',
		]);
		expect(fake.writes()[0].options.body).toEqual({
			line_items: [
				{ id: 'li_1', quantity: 1 },
				{ id: 'li_2', quantity: 2 },
			],
			notify_customer: true,
			status: 'success',
		});
		expect(json[0].alreadyFulfilled).toBe(false);
	});

	it('skips without a POST when nothing is left to fulfil', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 2]], { id: 'ord_done' });
		fake.addFulfillment('ord_done', [['li_1', 2]]);
		const { json } = await run(fake, { params: create({ orderId: 'ord_done', items: 'allUnfulfilled' }) });
		expect(fake.writes()).toHaveLength(0);
		expect(json).toEqual([
			{ orderId: 'ord_done', skipped: true, reason: expect.stringContaining('nothing left to fulfil') as unknown },
		]);
	});

	it('is idempotent by tracking number: a second run returns the existing fulfillment and sends no POST', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 2]], { id: 'ord_i' });
		const params = create({ orderId: 'ord_i', items: 'allUnfulfilled', trackingNumber: '1Z 999 aa1' });
		const first = await run(fake, { params });
		expect(fake.writes()).toHaveLength(1);
		const second = await run(fake, { params: { ...params, trackingNumber: '1z999AA1' } });
		expect(fake.writes()).toHaveLength(1);
		expect(second.json[0]).toMatchObject({ id: first.json[0].id, alreadyFulfilled: true });
	});

	it('runs the same tracking number for several items of one execution only once', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 1], ['li_2', 1]], { id: 'ord_twice' });
		const { json } = await run(fake, {
			items: [{ json: {} }, { json: {} }],
			params: create({ orderId: 'ord_twice', items: 'allUnfulfilled', trackingNumber: 'TRACK-1' }),
		});
		expect(fake.writes()).toHaveLength(1);
		expect(json.map((j) => j.alreadyFulfilled)).toEqual([false, true]);
	});

	it.each([
		[{ orderId: byId('  ') }, 'Order ID is required'],
		[{ items: 'given', lineItems: { lineItem: [{ lineItemId: 'li_1', quantity: 0 }] } }, 'Line Items[1].Quantity must be a positive integer'],
		[
			{ items: 'given', lineItems: { lineItem: [{ lineItemId: 'li_1', quantity: 1 }, { lineItemId: '', quantity: 1 }] } },
			'Line Items[2].Line Item ID is required',
		],
		[{ items: 'given', lineItems: {} }, 'Line Items: add at least one line item'],
		[{ items: 'json', lineItemsJson: '{not json' }, 'Line Items (JSON) must be a JSON array of {id, quantity}'],
		[{ items: 'json', lineItemsJson: '[{"id": "li_1", "quantity": 1.5}]' }, 'Line Items (JSON)[1].Quantity must be a positive integer'],
		[{ trackingUrl: 'ups.com/track' }, 'Tracking URL: "ups.com/track" is not an absolute http(s) URL'],
	])('refuses bad input naming the field (%j) before any request', async (params, message) => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 1]], { id: 'ord_x' });
		const error = await runError(fake, { params: create({ orderId: 'ord_x', items: 'allUnfulfilled', ...params }) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(message);
		expect(fake.calls).toHaveLength(0);
	});

	it("turns LaunchMyStore's error into a NodeApiError with its message, HTTP status and item index", async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 1]], { id: 'ord_e' });
		fake.failWhen(
			(o) => o.method === 'POST' && JSON.stringify(o.body).includes('li_9'),
			httpError(422, { success: false, error: 'Line item li_9 is not a line item of order ord_e' }),
		);
		const error = await runError(fake, {
			items: [{ json: {} }, { json: {} }],
			params: create({
				orderId: 'ord_e',
				items: 'given',
				lineItems: (i: number) => ({ lineItem: [{ lineItemId: i === 0 ? 'li_1' : 'li_9', quantity: 1 }] }),
			}),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('LaunchMyStore: Line item li_9 is not a line item of order ord_e');
		expect((error as unknown as NodeApiError).httpCode).toBe('422');
		expect((error as unknown as NodeApiError).description).toContain('HTTP 422');
		expect((error as unknown as NodeApiError).context.itemIndex).toBe(1);
	});

	it('with Continue On Fail emits {error} for the failed item, paired with it, and goes on', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 1]], { id: 'ord_ok' });
		const { output } = await run(fake, {
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
			params: create({ orderId: (i: number) => (i === 0 ? 'ord_missing' : 'ord_ok'), items: 'allUnfulfilled' }),
		});
		expect(output).toHaveLength(2);
		expect(output[0]).toEqual({
			json: { error: 'LaunchMyStore: Order not found', description: expect.stringContaining('HTTP 404') as unknown },
			pairedItem: { item: 0 },
		});
		expect(output[1].json).toMatchObject({ order_id: 'ord_ok', alreadyFulfilled: false });
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('unwraps the camelCase answer of the newer Create Fulfillment page ({data: {fulfillment}})', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 1]], { id: 'ord_c' });
		const handle = fake.handle.bind(fake);
		fake.handle = async (type, options) => {
			if (options.method === 'POST') {
				await handle(type, options);
				return { status: 201, state: 'success', data: { fulfillment: { fulfillmentId: 'ful_new456', trackingNumber: 'T1' } } };
			}
			return await handle(type, options);
		};
		const { json } = await run(fake, { params: create({ orderId: 'ord_c', items: 'allUnfulfilled', trackingNumber: 'T1' }) });
		expect(json[0]).toEqual({ fulfillmentId: 'ful_new456', trackingNumber: 'T1', alreadyFulfilled: false });
	});

	it('treats {success: false} with a 2xx status as a failure', async () => {
		const fake = new FakeLaunchMyStore();
		fake.handle = async () => ({ success: false, error: 'Order is cancelled' });
		const error = await runError(fake, { params: create({ orderId: 'ord_z', items: 'given', lineItems: { lineItem: [{ lineItemId: 'a', quantity: 1 }] } }) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('LaunchMyStore: Order is cancelled');
	});
});

describe('Fulfillment → Get Many', () => {
	it('lists the fulfillments of an order, all or up to Limit', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 3]], { id: 'ord_l' });
		fake.addFulfillment('ord_l', [['li_1', 1]], { tracking_number: 'A' });
		fake.addFulfillment('ord_l', [['li_1', 1]], { tracking_number: 'B' });
		const all = await run(fake, { params: { resource: 'fulfillment', operation: 'getAll', orderId: byId('ord_l'), returnAll: true } });
		expect(all.json.map((f) => f.tracking_number)).toEqual(['A', 'B']);
		const one = await run(fake, { params: { resource: 'fulfillment', operation: 'getAll', orderId: 'ord_l', returnAll: false, limit: 1 } });
		expect(one.json.map((f) => f.tracking_number)).toEqual(['A']);
	});
});
