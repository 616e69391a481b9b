/**
 * LaunchMyStore Shipping → Order (Get, Get Many) and the Order ID list search.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { LaunchMyStore } from '../../../nodes/LaunchMyStore/LaunchMyStore.node';
import { BASE_URL, byId, FakeLaunchMyStore, loadOptionsContext, run, runError } from './fakeLaunchMyStore';

describe('Order → Get', () => {
	it('reads the order (GET /api/v1/orders/{id}.json) and returns data unwrapped, paired with its item', async () => {
		const fake = new FakeLaunchMyStore();
		fake.addOrder([['li_1', 2]], { id: 'ord/1' });
		const { output } = await run(fake, { params: { resource: 'order', operation: 'get', orderId: byId('ord/1') } });
		expect(fake.calls.map((c) => c.options.url)).toEqual([`${BASE_URL}/api/v1/orders/ord%2F1.json`]);
		expect(fake.calls[0].options).toMatchObject({ method: 'GET', json: true });
		expect(fake.calls[0].options.body).toBeUndefined();
		expect(output).toEqual([
			{ json: expect.objectContaining({ id: 'ord/1', line_items: [expect.objectContaining({ id: 'li_1', quantity: 2 })] }) as unknown, pairedItem: { item: 0 } },
		]);
	});

	it('reports an unknown order as a NodeApiError "LaunchMyStore: Order not found" (HTTP 404)', async () => {
		const error = await runError(new FakeLaunchMyStore(), { params: { resource: 'order', operation: 'get', orderId: 'nope' } });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('LaunchMyStore: Order not found');
		expect((error as unknown as NodeApiError).httpCode).toBe('404');
	});

	it('requires the Order ID', async () => {
		const error = await runError(new FakeLaunchMyStore(), { params: { resource: 'order', operation: 'get', orderId: '' } });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Order ID is required/);
	});
});

describe('Order → Get Many', () => {
	const fill = (count: number) => {
		const fake = new FakeLaunchMyStore();
		for (let i = 0; i < count; i++) fake.addOrder([['li', 1]], { fulfillment_status: i % 2 ? 'fulfilled' : 'unfulfilled' });
		return fake;
	};

	it('pages with page/limit up to Limit', async () => {
		const fake = fill(7);
		const { json } = await run(fake, { params: { resource: 'order', operation: 'getAll', returnAll: false, limit: 3, filters: {} } });
		expect(json).toHaveLength(3);
		expect(fake.calls.map((c) => c.options.qs)).toEqual([{ page: 1, limit: 3 }]);
	});

	it('with Return All reads every page until hasMore is false', async () => {
		const fake = fill(260);
		const { json } = await run(fake, { params: { resource: 'order', operation: 'getAll', returnAll: true, filters: {} } });
		expect(json).toHaveLength(260);
		expect(fake.calls.map((c) => c.options.qs)).toEqual([
			{ page: 1, limit: 250 },
			{ page: 2, limit: 250 },
		]);
	});

	it('sends filters as query parameters, dates as ISO 8601, and names a bad date', async () => {
		const fake = fill(4);
		const { json } = await run(fake, {
			params: {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { fulfillment_status: 'unfulfilled', created_at_min: '2024-01-15T10:30:00+02:00', status: '' },
			},
		});
		expect(json).toHaveLength(2);
		expect(fake.calls[0].options.qs).toEqual({
			fulfillment_status: 'unfulfilled',
			created_at_min: '2024-01-15T08:30:00.000Z',
			page: 1,
			limit: 250,
		});
		const error = await runError(fake, {
			params: { resource: 'order', operation: 'getAll', returnAll: true, filters: { created_at_max: 'soon' } },
		});
		expect(error.message).toBe('Created Before: "soon" is not a date');
	});
});

describe('Order ID list search', () => {
	it('lists orders as "#number — email — date", filtered by the typed text, with a next page token', async () => {
		const fake = new FakeLaunchMyStore();
		for (let i = 0; i < 51; i++) {
			fake.addOrder([['li', 1]], { email: i === 3 ? 'ann@example.com' : `c${i}@example.com`, created_at: '2024-01-20T14:30:00Z' });
		}
		const search = new LaunchMyStore().methods.listSearch.searchOrders;
		const first = await search.call(loadOptionsContext(fake));
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: '#1001 — c0@example.com — 2024-01-20', value: 'ord_1' });
		expect(first.paginationToken).toBe('2');
		const second = await search.call(loadOptionsContext(fake), undefined, '2');
		expect(second.results).toHaveLength(1);
		expect(second.paginationToken).toBeUndefined();
		const filtered = await search.call(loadOptionsContext(fake), 'ANN@');
		expect(filtered.results).toEqual([{ name: '#1004 — ann@example.com — 2024-01-20', value: 'ord_4' }]);
	});
});
