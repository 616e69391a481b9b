import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	decodeHighLevelReference,
	encodeHighLevelReference,
	highLevelOrderToShippoOrder,
	toMoneyString,
	toShippoOrderStatus,
	validateOrderBody,
} from '../../../nodes/shared/shippo/orders';
import type { HighLevelOrderLike } from '../../../nodes/shared/shippo/orders';
import { ShippoMappingError } from '../../../nodes/shared/shippo/mapping';
import { call, httpError, run } from './context';


/** HighLevel OrderCreate webhook body, shaped like the documented example. */
const hlOrder: HighLevelOrderLike = {
	_id: '660ed43bfdf9fc05a0de7a40',
	altId: 'Z4Bxl8J4SaPEPLq9IQ8g',
	status: 'completed',
	fulfillmentStatus: 'unfulfilled',
	currency: 'usd',
	amount: 150.1,
	createdAt: '2024-04-04T16:24:27.036Z',
	amountSummary: { subtotal: 138, discount: 0, tax: 12.1, shipping: 0 },
	contactSnapshot: {
		firstName: 'Maxwell',
		lastName: 'Schmidt',
		email: 'limof@mailinator.com',
		phone: '+2389372075506',
		address1: '1 Main St',
		city: 'New York',
		state: 'NY',
		postalCode: '10001',
		country: 'us',
	},
	items: [
		{
			name: "Men's classic tee - XL / Charcoal",
			qty: 2,
			price: { name: 'XL / Charcoal', currency: 'USD', amount: 17 },
		},
		{ name: 'Tshirt - Green / S', qty: 1, price: { currency: 'USD', amount: 104.333 } },
		{ name: 'Gift card', qty: 1 },
	],
};
const REF = 'hl:Z4Bxl8J4SaPEPLq9IQ8g:660ed43bfdf9fc05a0de7a40';

describe('HighLevel reference', () => {
	it('encodes hl:<locationId>:<orderId> and decodes it back', () => {
		const ref = encodeHighLevelReference({ locationId: ' loc-1 ', orderId: 'ord_2' });
		expect(ref).toBe('hl:loc-1:ord_2');
		expect(decodeHighLevelReference(ref)).toEqual({ locationId: 'loc-1', orderId: 'ord_2' });
	});

	it('round-trips at exactly 100 characters and refuses 101, naming the field', () => {
		const locationId = 'L'.repeat(20);
		const orderId = 'o'.repeat(100 - 'hl::'.length - 20);
		const ref = encodeHighLevelReference({ locationId, orderId });
		expect(ref).toHaveLength(100);
		expect(decodeHighLevelReference(ref)).toEqual({ locationId, orderId });
		expect(() => encodeHighLevelReference({ locationId, orderId: `${orderId}x` })).toThrow(
			/^reference: reference is 101 characters, more than 100$/,
		);
	});

	it('refuses empty parts and parts with a colon or space', () => {
		expect(() => encodeHighLevelReference({ locationId: '', orderId: 'o' })).toThrow(
			'reference: locationId must be non-empty',
		);
		expect(() => encodeHighLevelReference({ locationId: 'l', orderId: 'a:b' })).toThrow(
			ShippoMappingError,
		);
		expect(() => encodeHighLevelReference({ locationId: 'l a', orderId: 'b' })).toThrow(
			/^reference: locationId /,
		);
	});

	it('decodes nothing that is not a reference', () => {
		for (const text of [
			'',
			'hl:a',
			'hl:a:b:c',
			'xx:a:b',
			'hl::b',
			42,
			undefined,
			`hl:a:${'b'.repeat(100)}`,
		]) {
			expect(decodeHighLevelReference(text)).toBeUndefined();
		}
	});
});

describe('HighLevel order → Shippo order', () => {
	it('maps contact → to_address, items → line_items with string prices, totals and reference', () => {
		expect(highLevelOrderToShippoOrder(hlOrder)).toEqual({
			order_number: REF,
			placed_at: '2024-04-04T16:24:27.036Z',
			order_status: 'PAID',
			to_address: {
				name: 'Maxwell Schmidt',
				street1: '1 Main St',
				city: 'New York',
				state: 'NY',
				zip: '10001',
				country: 'US',
				phone: '+2389372075506',
				email: 'limof@mailinator.com',
			},
			line_items: [
				{
					title: "Men's classic tee - XL / Charcoal",
					quantity: 2,
					total_price: '34.00',
					currency: 'USD',
					variant_title: 'XL / Charcoal',
				},
				{ title: 'Tshirt - Green / S', quantity: 1, total_price: '104.33', currency: 'USD' },
				{ title: 'Gift card', quantity: 1 },
			],
			currency: 'USD',
			total_price: '150.10',
			subtotal_price: '138.00',
			total_tax: '12.10',
			shipping_cost: '0.00',
			shipping_cost_currency: 'USD',
		});
	});

	it('uses now for placed_at without createdAt, and the given location when the order names none', () => {
		const body = highLevelOrderToShippoOrder(
			{ ...hlOrder, createdAt: undefined, altId: undefined },
			{ locationId: 'loc-9', now: () => new Date('2026-01-01T00:00:00Z') },
		);
		expect(body.placed_at).toBe('2026-01-01T00:00:00.000Z');
		expect(body.order_number).toBe('hl:loc-9:660ed43bfdf9fc05a0de7a40');
	});

	it('names the failing field', () => {
		expect(() =>
			highLevelOrderToShippoOrder({ ...hlOrder, items: [{ name: 'x', qty: 1.5 }] }),
		).toThrow('items[0].qty: must be a whole number of at least 1');
		expect(() =>
			highLevelOrderToShippoOrder({ ...hlOrder, contactSnapshot: { city: 'X' } }),
		).toThrow(/^to_address\.country: /);
		expect(() => highLevelOrderToShippoOrder({ ...hlOrder, _id: undefined })).toThrow(
			'reference: orderId must be non-empty',
		);
	});

	it('maps statuses', () => {
		expect(toShippoOrderStatus('pending')).toBe('AWAITPAY');
		expect(toShippoOrderStatus('completed', 'fulfilled')).toBe('SHIPPED');
		expect(toShippoOrderStatus('refunded')).toBe('REFUNDED');
		expect(toShippoOrderStatus('canceled')).toBe('CANCELLED');
		expect(toShippoOrderStatus('weird')).toBe('UNKNOWN');
	});

	it('validates bodies: strings for money, placed_at required, currency with total_price', () => {
		expect(toMoneyString(1.005)).toBe('1.01');
		expect(toMoneyString(1e-7)).toBe('0.00');
		expect(() => toMoneyString(-1, 'total')).toThrow('total: expected a non-negative number');
		expect(() => validateOrderBody({ to_address: { country: 'US' } })).toThrow(
			'placed_at: placed_at is required',
		);
		expect(() =>
			validateOrderBody({
				to_address: { country: 'US' },
				placed_at: '2026-01-01T00:00:00Z',
				total_price: 12,
			}),
		).toThrow(/total_price: Expected string, received number/);
		expect(() =>
			validateOrderBody({
				to_address: { country: 'US' },
				placed_at: '2026-01-01T00:00:00Z',
				total_price: '12.00',
			}),
		).toThrow('currency: currency is required when total_price is given');
	});
});

const address = {
	address: {
		name: 'A B',
		street1: '1 Main St',
		city: 'New York',
		state: 'NY',
		zip: '10001',
		country: 'US',
		company: '',
	},
};

describe('Shippo › Order › Create', () => {
	it('(fields) sends POST /orders with string prices/weights, placed_at, status, shipping and notes', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'order',
				operation: 'create',
				defineOrder: 'fields',
				toAddress: address,
				lineItems: {
					lineItem: [
						{
							title: 'Tee',
							sku: 'T-1',
							quantity: 2,
							totalPrice: 34,
							currency: 'usd',
							weight: 0.4,
							weightUnit: 'lb',
							variantTitle: '',
							manufactureCountry: '',
						},
						{ title: 'Sticker', quantity: 1, totalPrice: 0, weight: 0 },
					],
				},
				additionalFields: {
					placedAt: '2026-01-02T03:04:05.000Z',
					orderStatus: 'PAID',
					currency: 'usd',
					totalPrice: 46.5,
					shippingCost: 12.5,
					shippingCostCurrency: 'usd',
					notes: 'Gift',
				},
				options: {},
			},
			http: () => ({ object_id: 'ord_1' }),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'POST',
				url: 'https://api.goshippo.com/orders',
				qs: undefined,
				body: {
					to_address: {
						name: 'A B',
						street1: '1 Main St',
						city: 'New York',
						state: 'NY',
						zip: '10001',
						country: 'US',
					},
					line_items: [
						{
							title: 'Tee',
							sku: 'T-1',
							quantity: 2,
							total_price: '34.00',
							currency: 'USD',
							weight: '0.4',
							weight_unit: 'lb',
						},
						{ title: 'Sticker', quantity: 1 },
					],
					placed_at: '2026-01-02T03:04:05.000Z',
					order_status: 'PAID',
					currency: 'USD',
					total_price: '46.50',
					shipping_cost: '12.50',
					shipping_cost_currency: 'USD',
					notes: 'Gift',
				},
			},
		]);
		expect(output).toEqual([
			{ json: { object_id: 'ord_1', created: true }, pairedItem: { item: 0 } },
		]);
	});

	it('defaults placed_at to now', async () => {
		const before = Date.now();
		const { requests } = await run({
			params: {
				resource: 'order',
				operation: 'create',
				defineOrder: 'fields',
				toAddress: address,
				additionalFields: {},
				options: {},
			},
		});
		const placed = Date.parse((requests[0].body as { placed_at: string }).placed_at);
		expect(placed).toBeGreaterThanOrEqual(before - 1000);
		expect(placed).toBeLessThanOrEqual(Date.now() + 1000);
	});

	it('(JSON) turns numbers into strings and keeps other spec fields', async () => {
		const { requests } = await run({
			params: {
				resource: 'order',
				operation: 'create',
				defineOrder: 'json',
				orderJson: JSON.stringify({
					to_address: { country: 'DE', zip: '10115' },
					placed_at: '2026-01-02T03:04:05Z',
					line_items: [
						{
							title: 'Mug',
							quantity: 1,
							total_price: 9.5,
							currency: 'EUR',
							weight: 0.35,
							weight_unit: 'kg',
						},
					],
					total_price: 9.5,
					currency: 'EUR',
					shipping_method: 'DHL Paket',
				}),
				additionalFields: {},
				options: {},
			},
		});
		expect(requests[0].body).toEqual({
			to_address: { country: 'DE', zip: '10115' },
			placed_at: '2026-01-02T03:04:05Z',
			line_items: [
				{
					title: 'Mug',
					quantity: 1,
					total_price: '9.50',
					currency: 'EUR',
					weight: '0.35',
					weight_unit: 'kg',
				},
			],
			total_price: '9.50',
			currency: 'EUR',
			shipping_method: 'DHL Paket',
		});
	});

	it('with a HighLevel reference, returns the existing order (created: false) and does not POST', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'order',
				operation: 'create',
				defineOrder: 'fields',
				toAddress: address,
				additionalFields: { orderNumber: '#1068' },
				options: { highLevelReference: { reference: { locationId: 'loc-1', orderId: 'ord-2' } } },
			},
			http: (request) => {
				if (request.method !== 'GET') throw new Error('must not POST');
				const page = Number(request.qs?.page);
				return page === 1
					? {
							next: 'https://api.goshippo.com/orders?page=2',
							results: [{ object_id: 'o1', order_number: 'hl:loc-1:ord-20' }],
						}
					: { next: null, results: [{ object_id: 'o2', order_number: 'hl:loc-1:ord-2' }] };
			},
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'GET',
				url: 'https://api.goshippo.com/orders',
				qs: { page: 1, results: 100 },
				body: undefined,
			},
			{
				method: 'GET',
				url: 'https://api.goshippo.com/orders',
				qs: { page: 2, results: 100 },
				body: undefined,
			},
		]);
		expect(output).toEqual([
			{
				json: { object_id: 'o2', order_number: 'hl:loc-1:ord-2', created: false },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('with a HighLevel reference and no match, searches up to the depth then creates with order_number', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'order',
				operation: 'create',
				defineOrder: 'fields',
				toAddress: address,
				additionalFields: { orderNumber: '#1068', placedAt: '2026-01-02T03:04:05.000Z' },
				options: {
					highLevelReference: { reference: { locationId: 'loc-1', orderId: 'ord-2' } },
					searchPages: 2,
				},
			},
			http: (request) =>
				request.method === 'GET'
					? {
							next: 'https://api.goshippo.com/orders?page=9',
							results: [{ object_id: 'x', order_number: 'other' }],
						}
					: { object_id: 'new', order_number: 'hl:loc-1:ord-2' },
		});
		expect(requests.map((r) => `${r.method} ${String(r.qs?.page ?? '')}`)).toEqual([
			'GET 1',
			'GET 2',
			'POST ',
		]);
		expect(requests[2].body).toMatchObject({
			order_number: 'hl:loc-1:ord-2',
			placed_at: '2026-01-02T03:04:05.000Z',
		});
		expect(output[0].json).toEqual({
			object_id: 'new',
			order_number: 'hl:loc-1:ord-2',
			created: true,
		});
	});

	it('(From HighLevel Order) maps the order and is idempotent by its reference', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'order',
				operation: 'create',
				defineOrder: 'highLevelOrder',
				highLevelOrder: JSON.stringify(hlOrder),
				options: {},
			},
			http: (request) =>
				request.method === 'GET' ? { next: null, results: [] } : { object_id: 'ord_hl' },
		});
		expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);
		expect(requests[1].body).toEqual(highLevelOrderToShippoOrder(hlOrder));
		expect(output[0].json).toEqual({ object_id: 'ord_hl', created: true });
	});

	it('refuses an invalid order naming the field before any request; continueOnFail outputs it per item', async () => {
		const params = {
			resource: 'order',
			operation: 'create',
			defineOrder: 'fields',
			toAddress: {},
			additionalFields: {},
			options: {},
		};
		const promise = run({ params });
		await expect(promise).rejects.toBeInstanceOf(NodeOperationError);
		await expect(promise).rejects.toThrow(/^Invalid order: to_address: Required/);
		const { output, requests } = await run({
			params,
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});
		expect(requests).toHaveLength(0);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(output[1].json.error)).toMatch(/^Invalid order: to_address/);
	});

	it('refuses a reference over 100 characters, naming it', async () => {
		const promise = run({
			params: {
				resource: 'order',
				operation: 'create',
				defineOrder: 'fields',
				toAddress: address,
				additionalFields: {},
				options: {
					highLevelReference: { reference: { locationId: 'l', orderId: 'o'.repeat(100) } },
				},
			},
		});
		await expect(promise).rejects.toThrow(/^reference: .* 105 characters/);
	});
});

describe('Shippo › Order › Get / Get Many', () => {
	it('Get sends GET /orders/{OrderId}; a 404 is a NodeApiError with Shippo’s words', async () => {
		const { requests, output } = await run({
			params: { resource: 'order', operation: 'get', orderId: ' ord_1 ' },
			http: () => ({ object_id: 'ord_1' }),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'GET',
				url: 'https://api.goshippo.com/orders/ord_1',
				qs: undefined,
				body: undefined,
			},
		]);
		expect(output).toEqual([{ json: { object_id: 'ord_1' }, pairedItem: { item: 0 } }]);
		const promise = run({
			params: { resource: 'order', operation: 'get', orderId: 'nope' },
			http: () => {
				throw httpError(404, { detail: 'Not found.' });
			},
		});
		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toThrow('Shippo: Not found.');
	});

	it('Get Many sends the spec filters (order_status[] repeated) with page and results', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'order',
				operation: 'getMany',
				returnAll: false,
				limit: 2,
				filters: {
					orderStatus: ['PAID', 'SHIPPED'],
					shopApp: 'Shippo',
					startDate: '2026-01-01T00:00:00.000Z',
					endDate: '2026-02-01T00:00:00.000Z',
				},
			},
			http: () => ({
				next: 'x',
				results: [{ object_id: 'a' }, { object_id: 'b' }, { object_id: 'c' }],
			}),
		});
		expect(requests.map((r) => ({ ...call(r), arrayFormat: r.arrayFormat }))).toEqual([
			{
				method: 'GET',
				url: 'https://api.goshippo.com/orders',
				qs: {
					'order_status[]': ['PAID', 'SHIPPED'],
					shop_app: 'Shippo',
					start_date: '2026-01-01T00:00:00.000Z',
					end_date: '2026-02-01T00:00:00.000Z',
					page: 1,
					results: 2,
				},
				body: undefined,
				arrayFormat: 'repeat',
			},
		]);
		expect(output.map((item) => item.json.object_id)).toEqual(['a', 'b']);
	});
});
