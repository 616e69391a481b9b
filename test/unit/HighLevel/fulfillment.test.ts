import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	BASE_URL,
	FakeHighLevel,
	HEADERS,
	LOCATION,
	httpError,
	rl,
	run,
	runError,
} from './fakeHighLevel';

const fulfillmentParams = { resource: 'fulfillment', authentication: 'oAuth2', locationId: '' };
const createParams = { ...fulfillmentParams, operation: 'create', orderId: rl('order-1') };
const alt = { altId: LOCATION, altType: 'location' };
const tracking = {
	tracking: [
		{
			trackingNumber: ' 40012345678 ',
			shippingCarrier: 'FedEx',
			trackingUrl: 'https://www.fedex.com/wtrk/track/?trknbr=40012345678',
		},
		{ trackingNumber: '', shippingCarrier: '', trackingUrl: '' },
	],
};

describe('HighLevel node: Fulfillment', () => {
	test('Create with explicit items and trackings posts exactly them (one request)', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 3]]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...createParams,
				items: { item: [{ priceId: ' price-1 ', qty: 2 }] },
				trackings: tracking,
				options: { notifyCustomer: true, skipExistingTracking: false },
			},
		});
		expect(httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		const [credentialType, options] = httpRequestWithAuthentication.mock.calls[0];
		expect(credentialType).toBe('highLevelShippingOAuth2Api');
		expect(options).toEqual({
			method: 'POST',
			url: `${BASE_URL}/payments/orders/order-1/fulfillments`,
			headers: HEADERS,
			body: {
				...alt,
				trackings: [
					{
						trackingNumber: '40012345678',
						shippingCarrier: 'FedEx',
						trackingUrl: 'https://www.fedex.com/wtrk/track/?trknbr=40012345678',
					},
				],
				items: [{ priceId: 'price-1', qty: 2 }],
				notifyCustomer: true,
			},
			json: true,
		});
		expect(output).toEqual([
			{
				json: expect.objectContaining({
					_id: 'ful-2',
					items: [{ _id: 'price-1', name: 'price-1', qty: 2 }],
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Create returns the fulfillment that already has the tracking number and writes nothing', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 3]]);
		const params = { ...createParams, items: {}, trackings: tracking, options: {} };
		const first = await run(fake, { params });
		expect(first.output[0].json).toMatchObject({ created: true, items: [{ _id: 'price-1', qty: 3 }] });
		const again = await run(fake, { params });
		expect(again.output[0].json).toMatchObject({ created: false, _id: first.output[0].json._id });
		expect(fake.writes()).toHaveLength(1);
		expect(fake.fulfillments.get('order-1')).toHaveLength(1);
	});

	test('Create run twice at once for the same tracking number creates one fulfillment', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 3]]);
		const params = { ...createParams, items: {}, trackings: { tracking: [{ trackingNumber: 'T9' }] }, options: {} };
		const outputs = await Promise.all([run(fake, { params }), run(fake, { params }), run(fake, { params })]);
		expect(outputs.map((o) => o.output[0].json.created).sort()).toEqual([false, false, true]);
		expect(fake.writes()).toHaveLength(1);
	});

	test('Create with Skip If Tracking Number Exists off creates a second fulfillment', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 3]]);
		const params = {
			...createParams,
			items: { item: [{ priceId: 'price-1', qty: 1 }] },
			trackings: { tracking: [{ trackingNumber: 'T1' }] },
			options: { skipExistingTracking: false },
		};
		await run(fake, { params });
		await run(fake, { params });
		expect(fake.writes()).toHaveLength(2);
	});

	test('Create accepts items and trackings as arrays from an expression', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 3]]);
		await run(fake, {
			params: {
				...createParams,
				items: [{ priceId: 'price-1', qty: '2' }],
				trackings: [{ trackingNumber: 'T1' }],
				options: {},
			},
		});
		expect(fake.writes()[0].options.body).toEqual({
			...alt,
			trackings: [{ trackingNumber: 'T1' }],
			items: [{ priceId: 'price-1', qty: 2 }],
			notifyCustomer: false,
		});
	});

	test('Create without items fulfils every remaining quantity of a partially fulfilled order', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [
			['price-a', 3],
			['price-b', 1],
			['price-c', 2],
			['price-a', 1],
		]);
		fake.addFulfillment('order-1', [
			['price-a', 2],
			['price-b', 1],
		]);
		fake.addFulfillment('order-1', [['price-a', 1]]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...createParams, items: {}, trackings: {}, options: {} },
		});
		expect(httpRequestWithAuthentication.mock.calls.map(([, options]) => options)).toEqual([
			{
				method: 'GET',
				url: `${BASE_URL}/payments/orders/order-1`,
				headers: HEADERS,
				qs: { ...alt, locationId: LOCATION },
				json: true,
			},
			{
				method: 'GET',
				url: `${BASE_URL}/payments/orders/order-1/fulfillments`,
				headers: HEADERS,
				qs: alt,
				json: true,
			},
			{
				method: 'POST',
				url: `${BASE_URL}/payments/orders/order-1/fulfillments`,
				headers: HEADERS,
				body: {
					...alt,
					trackings: [],
					// price-a: 3 + 1 ordered, 2 + 1 fulfilled; price-b done; price-c untouched
					items: [
						{ priceId: 'price-a', qty: 1 },
						{ priceId: 'price-c', qty: 2 },
					],
					notifyCustomer: false,
				},
				json: true,
			},
		]);
		expect(output[0].json.items).toEqual([
			{ _id: 'price-a', name: 'price-a', qty: 1 },
			{ _id: 'price-c', name: 'price-c', qty: 2 },
		]);
	});

	test('Create without items fulfils the whole order when nothing was fulfilled yet', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [
			['price-a', 1],
			['price-b', 4],
		]);
		await run(fake, { params: { ...createParams, items: {}, trackings: tracking, options: {} } });
		expect(fake.writes()[0].options.body).toMatchObject({
			items: [
				{ priceId: 'price-a', qty: 1 },
				{ priceId: 'price-b', qty: 4 },
			],
		});
	});

	test('Create without items on a fully fulfilled order names the order and posts nothing', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-a', 2]]);
		fake.addFulfillment('order-1', [['price-a', 2]]);
		const error = await runError(fake, {
			params: { ...createParams, items: {}, trackings: {}, options: {} },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Fulfillment: nothing left to fulfil for order order-1 (every item is already fulfilled, or the order has no items with a price)',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(0);
		expect(fake.writes()).toHaveLength(0);
	});

	test('Create refuses a non-positive qty and a missing price id, naming the field', async () => {
		const fake = new FakeHighLevel();
		const zero = await runError(fake, {
			params: { ...createParams, items: { item: [{ priceId: 'p-1', qty: 0 }] }, trackings: {} },
		});
		expect(zero).toBeInstanceOf(NodeOperationError);
		expect(zero.message).toBe('Items: qty must be a positive number (item 1, price p-1: "0")');
		const noPrice = await runError(fake, {
			params: { ...createParams, items: { item: [{ priceId: '', qty: 2 }] }, trackings: {} },
		});
		expect(noPrice.message).toBe('Items: item 1 needs a Price ID');
		const badUrl = await runError(fake, {
			params: {
				...createParams,
				items: { item: [{ priceId: 'p-1', qty: 1 }] },
				trackings: { tracking: [{ trackingUrl: 'fedex.com/123' }] },
			},
		});
		expect(badUrl.message).toBe('Trackings: "fedex.com/123" is not an absolute http(s) URL');
		expect(fake.calls).toHaveLength(0);
	});

	test('Create passes HighLevel errors on as NodeApiError (e.g. 422 array message)', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 1]]);
		fake.failWhen(
			(options) => options.method === 'POST',
			httpError(422, {
				statusCode: 422,
				message: ['items.0.qty must be a number conforming to the specified constraints'],
				error: 'Unprocessable Entity',
				traceId: 't-9',
			}),
		);
		const error = await runError(fake, {
			params: { ...createParams, items: { item: [{ priceId: 'price-1', qty: 1 }] }, trackings: {} },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'HighLevel: items.0.qty must be a number conforming to the specified constraints',
		);
		expect((error as NodeApiError).description).toBe('HTTP 422, traceId t-9');
	});

	test('Create with continueOnFail keeps going after a failed item', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 1]]);
		const { output } = await run(fake, {
			params: {
				...createParams,
				orderId: (index: number) => rl(index === 0 ? 'missing' : 'order-1'),
				items: {},
				trackings: {},
				options: {},
			},
			items: 2,
			continueOnFail: true,
		});
		expect(output).toEqual([
			{
				json: { error: 'HighLevel: Order not found', description: 'HTTP 400, traceId nf-2' },
				pairedItem: { item: 0 },
			},
			{ json: expect.objectContaining({ _id: 'ful-2' }), pairedItem: { item: 1 } },
		]);
	});

	test('Get Many lists the fulfillments of an order (Limit applies)', async () => {
		const fake = new FakeHighLevel();
		fake.addOrder({}, [['price-1', 3]]);
		fake.addFulfillment('order-1', [['price-1', 1]]);
		fake.addFulfillment('order-1', [['price-1', 2]]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...fulfillmentParams,
				operation: 'getAll',
				orderId: rl('order-1'),
				returnAll: true,
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'GET',
			url: `${BASE_URL}/payments/orders/order-1/fulfillments`,
			headers: HEADERS,
			qs: alt,
			json: true,
		});
		expect(output.map((item) => item.json._id)).toEqual(['ful-2', 'ful-3']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const limited = await run(fake, {
			params: {
				...fulfillmentParams,
				operation: 'getAll',
				orderId: rl('order-1'),
				returnAll: false,
				limit: 1,
			},
		});
		expect(limited.output.map((item) => item.json._id)).toEqual(['ful-2']);
	});
});
