import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	BASE_URL,
	FakeHighLevel,
	HEADERS,
	LOCATION,
	createLoadOptionsContext,
	createNode,
	rl,
	run,
	runError,
} from './fakeHighLevel';

const orderParams = { resource: 'order', authentication: 'oAuth2', locationId: '' };
const locationQs = { altId: LOCATION, altType: 'location', locationId: LOCATION };

describe('HighLevel node: Order', () => {
	test('Get sends altId, altType and locationId and returns the order', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({ contactId: 'c-1' }, [['price-1', 2]]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...orderParams, operation: 'get', orderId: rl('order-1', 'list') },
		});
		const [credentialType, options] = httpRequestWithAuthentication.mock.calls[0];
		expect(credentialType).toBe('highLevelShippingOAuth2Api');
		expect(options).toEqual({
			method: 'GET',
			url: `${BASE_URL}/payments/orders/order-1`,
			headers: HEADERS,
			qs: locationQs,
			json: true,
		});
		expect(output).toEqual([
			{
				json: expect.objectContaining({
					_id: 'order-1',
					contactId: 'c-1',
					items: [
						expect.objectContaining({ qty: 2, price: expect.objectContaining({ _id: 'price-1' }) }),
					],
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Get uses the node Location ID and encodes the order id', async () => {
		const fake = new FakeHighLevel();
		await runError(fake, {
			params: { ...orderParams, locationId: 'loc-9', operation: 'get', orderId: rl('a/b') },
		});
		expect(fake.calls[0].options.url).toBe(`${BASE_URL}/payments/orders/a%2Fb`);
		expect(fake.calls[0].options.qs).toEqual({
			altId: 'loc-9',
			altType: 'location',
			locationId: 'loc-9',
		});
	});

	test("Get of an unknown order is a NodeApiError with HighLevel's message", async () => {
		const error = await runError(new FakeHighLevel(), {
			params: { ...orderParams, operation: 'get', orderId: rl('nope') },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('HighLevel: Order not found');
		expect((error as NodeApiError).httpCode).toBe('400');
		expect((error as NodeApiError).context.itemIndex).toBe(0);
	});

	test('Get without an order id names the field', async () => {
		const fake = new FakeHighLevel();
		const error = await runError(fake, {
			params: { ...orderParams, operation: 'get', orderId: rl(' ') },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Order: choose one from the list or enter its ID');
		expect(fake.calls).toHaveLength(0);
	});

	test('Get Many sends the filters, dates as YYYY-MM-DD', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({ status: 'completed', paymentStatus: 'paid', contactId: 'c-1' });
		fake.addOrder({ status: 'pending', paymentStatus: 'paid', contactId: 'c-1' });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...orderParams,
				operation: 'getAll',
				returnAll: false,
				limit: 20,
				filters: {
					status: ' completed ',
					paymentStatus: 'paid',
					startAt: '2024-02-01T00:00:00',
					endAt: '2024-02-13',
					search: 'tee',
					contactId: 'c-1',
				},
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'GET',
			url: `${BASE_URL}/payments/orders`,
			headers: HEADERS,
			qs: {
				...locationQs,
				status: 'completed',
				search: 'tee',
				contactId: 'c-1',
				paymentStatus: 'paid',
				startAt: '2024-02-01',
				endAt: '2024-02-13',
				limit: 20,
				offset: 0,
			},
			json: true,
		});
		expect(output.map((item) => item.json._id)).toEqual(['order-1']);
	});

	test('Get Many with Return All pages through {data, totalCount} with limit/offset', async () => {
		const fake = new FakeHighLevel();
		for (let index = 0; index < 200; index++) fake.addOrder({ amount: index });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...orderParams, operation: 'getAll', returnAll: true, filters: {} },
			items: 2,
		});
		expect(output).toHaveLength(400);
		expect(output[199].json.amount).toBe(199);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[399].pairedItem).toEqual({ item: 1 });
		// totalCount 200 = two full pages: no third request for an empty page
		expect(httpRequestWithAuthentication.mock.calls.map(([, options]) => options.qs)).toEqual([
			{ ...locationQs, limit: 100, offset: 0 },
			{ ...locationQs, limit: 100, offset: 100 },
			{ ...locationQs, limit: 100, offset: 0 },
			{ ...locationQs, limit: 100, offset: 100 },
		]);
	});

	test('Get Many keeps paging when HighLevel caps the page at its default of 10', async () => {
		const fake = new FakeHighLevel();
		for (let index = 0; index < 25; index++) fake.addOrder();
		const handle = fake.handle.bind(fake);
		fake.handle = async (credentialType, options) =>
			await handle(credentialType, { ...options, qs: { ...options.qs, limit: 10 } });
		const { output } = await run(fake, {
			params: { ...orderParams, operation: 'getAll', returnAll: true, filters: {} },
		});
		expect(output).toHaveLength(25);
		expect(fake.calls.map((call) => (call.options.qs as { offset: number }).offset)).toEqual([
			0, 10, 20,
		]);
	});

	test('Get Many with a Limit asks for that many only', async () => {
		const fake = new FakeHighLevel();
		for (let index = 0; index < 30; index++) fake.addOrder();
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...orderParams, operation: 'getAll', returnAll: false, limit: 3, filters: {} },
		});
		expect(output).toHaveLength(3);
		expect(httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		expect(httpRequestWithAuthentication.mock.calls[0][1].qs).toEqual({
			...locationQs,
			limit: 3,
			offset: 0,
		});
	});

	test('Get Many refuses a bad date and a reversed range, naming the filter', async () => {
		const fake = new FakeHighLevel();
		const bad = await runError(fake, {
			params: {
				...orderParams,
				operation: 'getAll',
				returnAll: true,
				filters: { startAt: 'soon' },
			},
		});
		expect(bad).toBeInstanceOf(NodeOperationError);
		expect(bad.message).toBe(
			'Filters: Created After "soon" is not a date (e.g. 2024-02-01 or 2024-02-01T00:00:00)',
		);
		const reversed = await runError(fake, {
			params: {
				...orderParams,
				operation: 'getAll',
				returnAll: true,
				filters: { startAt: '2024-03-01', endAt: '2024-02-01' },
			},
		});
		expect(reversed.message).toBe(
			'Filters: Created Before (2024-02-01) is earlier than Created After (2024-03-01)',
		);
		const status = await runError(fake, {
			params: {
				...orderParams,
				operation: 'getAll',
				returnAll: true,
				filters: { paymentStatus: 'free' },
			},
		});
		expect(status.message).toBe(
			'Filters: Payment Status "free" is not one of paid, unpaid, refunded, partially_paid',
		);
		expect(fake.calls).toHaveLength(0);
	});

	test('continueOnFail turns a failed item into {error} and goes on', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder();
		const { output } = await run(fake, {
			params: {
				...orderParams,
				operation: 'get',
				orderId: (index: number) => rl(index === 0 ? 'missing' : 'order-1'),
			},
			items: 2,
			continueOnFail: true,
		});
		expect(output).toEqual([
			{
				json: { error: 'HighLevel: Order not found', description: 'HTTP 400, traceId nf-2' },
				pairedItem: { item: 0 },
			},
			{ json: expect.objectContaining({ _id: 'order-1' }), pairedItem: { item: 1 } },
		]);
	});

	test('searchOrders lists orders with HighLevel search and labels them', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({ contactName: 'Maxwell Schmidt', amount: 150.1, status: 'pending' });
		const context = createLoadOptionsContext(fake, { locationId: '' });
		const result = await createNode().methods.listSearch.searchOrders.call(context, 'max');
		expect(result.results).toEqual([
			{
				name: 'Maxwell Schmidt USD 150.1 (pending)',
				value: 'order-1',
				description: '2024-04-04T16:24:27.036Z',
			},
		]);
		expect(fake.calls[0].options.qs).toEqual({
			...locationQs,
			search: 'max',
			limit: 100,
			offset: 0,
		});
	});
});
