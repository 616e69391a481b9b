/**
 * Product, Price, Inventory and Store operations against the HighLevel stand-in over real HTTP:
 * the requests pass validation against products.json, the answers are what the operations return,
 * and bad input names the field before anything is sent.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { optionIdFor, stableId, totalOf } from '../../../nodes/HighLevel/helpers/products';
import { searchPrices, searchProducts } from '../../../nodes/HighLevel/methods/productSearch';
import type { HighLevelStandin } from './standinContext';
import {
	STANDIN_LOCATION,
	byId,
	loadOptionsAgainstStandin,
	routeOf,
	runAgainstStandin,
	runErrorAgainstStandin,
	startHighLevelStandin,
} from './standinContext';

let hl: HighLevelStandin;

beforeAll(async () => {
	hl = await startHighLevelStandin();
});
afterAll(async () => {
	await hl.close();
});
beforeEach(() => hl.reset());
afterEach(() => {
	expect(hl.violations).toEqual([]);
	expect(hl.responseViolations).toEqual([]);
});

const run = async (params: Record<string, unknown>, continueOnFail = false) =>
	await runAgainstStandin(hl, { params: { locationId: '', ...params }, continueOnFail });
const runError = async (params: Record<string, unknown>) =>
	await runErrorAgainstStandin(hl, { params: { locationId: '', ...params } });

/** Product → Create of a tee in sizes S and M and the color Red, with one image. */
const TEE = {
	resource: 'product',
	operation: 'create',
	name: 'Classic Tee',
	productType: 'PHYSICAL',
	variants: {
		variant: [
			{ name: 'Size', options: 'S, M' },
			{ name: 'Color', options: 'Red' },
		],
	},
	medias: { media: [{ url: 'https://example.com/tee.jpg', type: 'image', isFeatured: true }] },
};

const createTee = async () =>
	(await run({ ...TEE, additionalFields: { description: 'Soft cotton', availableInStore: true } })).json[0];

describe('HighLevel node: Product (stand-in)', () => {
	test('Create sends derived variant, option and media ids and returns the product', async () => {
		const result = await run({
			...TEE,
			additionalFields: { description: 'Soft cotton', image: 'https://example.com/tee.jpg' },
		});
		expect(result.sent.map(routeOf)).toEqual(['POST /products/']);
		expect(result.sent[0].body).toEqual({
			locationId: STANDIN_LOCATION,
			name: 'Classic Tee',
			productType: 'PHYSICAL',
			description: 'Soft cotton',
			image: 'https://example.com/tee.jpg',
			variants: [
				{
					id: stableId('variant', 'size'),
					name: 'Size',
					options: [
						{ id: optionIdFor('Size', 'S'), name: 'S' },
						{ id: optionIdFor('Size', 'M'), name: 'M' },
					],
				},
				{
					id: stableId('variant', 'color'),
					name: 'Color',
					options: [{ id: optionIdFor('Color', 'Red'), name: 'Red' }],
				},
			],
			medias: [
				{
					id: stableId('media', 'https://example.com/tee.jpg'),
					url: 'https://example.com/tee.jpg',
					type: 'image',
					isFeatured: true,
				},
			],
		});
		expect(result.json[0]).toMatchObject({ _id: expect.any(String), name: 'Classic Tee' });
		expect(optionIdFor(' size ', 's')).toBe(optionIdFor('Size', 'S'));
		expect(optionIdFor('Size', 'S')).toMatch(/^[0-9a-f]{11}$/);
	});

	test('Get, Get Many (search, limit, return all), Update (keeps the other fields), Delete', async () => {
		const tee = await createTee();
		for (const name of ['Mug', 'Poster', 'Tote']) {
			await run({ resource: 'product', operation: 'create', name, productType: 'PHYSICAL' });
		}
		const got = await run({
			resource: 'product',
			operation: 'get',
			productId: byId(String(tee._id)),
		});
		expect(got.json[0]).toMatchObject({
			_id: tee._id,
			medias: [{ url: 'https://example.com/tee.jpg' }],
		});

		const limited = await run({
			resource: 'product',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(limited.json).toHaveLength(2);
		expect(limited.sent[0].qs).toEqual({ locationId: STANDIN_LOCATION, limit: 2, offset: 0 });
		const all = await run({ resource: 'product', operation: 'getAll', returnAll: true });
		expect(all.json.map((product) => product.name)).toEqual([
			'Tote',
			'Poster',
			'Mug',
			'Classic Tee',
		]);
		const searched = await run({
			resource: 'product',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'tee', sortOrder: 'asc' },
		});
		expect(searched.json.map((product) => product.name)).toEqual(['Classic Tee']);

		const updated = await run({
			resource: 'product',
			operation: 'update',
			productId: byId(String(tee._id)),
			updateFields: { name: 'Classic Tee v2' },
		});
		expect(updated.sent.map(routeOf)).toEqual([
			`GET /products/${String(tee._id)}`,
			`PUT /products/${String(tee._id)}`,
		]);
		expect(updated.sent[1].body).toMatchObject({
			locationId: STANDIN_LOCATION,
			name: 'Classic Tee v2',
			productType: 'PHYSICAL',
			description: 'Soft cotton',
			variants: tee.variants,
			medias: [{ url: 'https://example.com/tee.jpg' }],
		});
		expect(updated.json[0]).toMatchObject({ name: 'Classic Tee v2', description: 'Soft cotton' });

		const deleted = await run({
			resource: 'product',
			operation: 'delete',
			productId: byId(String(tee._id)),
		});
		expect(deleted.json).toEqual([{ deleted: true, productId: tee._id }]);
		const error = await runError({
			resource: 'product',
			operation: 'get',
			productId: byId(String(tee._id)),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('HighLevel: Product not found');
	});

	test('bad input names the field', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ operation: 'create', name: ' ' }, 'Name: enter a value'],
			[
				{
					operation: 'create',
					name: 'Tee',
					variants: {
						variant: [
							{ name: 'Size', options: 'S' },
							{ name: '', options: 'Red' },
						],
					},
				},
				'Variants: item 2 needs a name (e.g. Size)',
			],
			[
				{
					operation: 'create',
					name: 'Tee',
					variants: { variant: [{ name: 'Size', options: ' , ' }] },
				},
				'Variants: item 1 ("Size") needs at least one option (e.g. S, M, L)',
			],
			[
				{
					operation: 'create',
					name: 'Tee',
					variants: { variant: [{ name: 'Size', options: 'S, s' }] },
				},
				'Variants: option "s" of "Size" is given twice',
			],
			[
				{ operation: 'create', name: 'Tee', medias: { media: [{ url: 'ftp://x/y.png' }] } },
				'Media: "ftp://x/y.png" is not an absolute http(s) URL',
			],
			[
				{ operation: 'update', productId: byId('p1'), updateFields: {} },
				'Update Fields: add at least one field to update',
			],
			[
				{ operation: 'get', productId: byId('') },
				'Product: choose one from the list or enter its ID',
			],
		];
		for (const [params, message] of cases) {
			const error = await runError({ resource: 'product', productType: 'PHYSICAL', ...params });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
		}
		expect(hl.requests).toEqual([]);
	});
});

describe('HighLevel node: Price (stand-in)', () => {
	test('Create with option ids, stock and shipping options; Get, Get Many, Update, Delete', async () => {
		const tee = await createTee();
		const productId = byId(String(tee._id));
		const created = await run({
			resource: 'price',
			operation: 'create',
			productId,
			name: 'Red / M',
			type: 'one_time',
			currency: 'usd',
			amount: 19.99,
			additionalFields: {
				sku: 'TEE-RED-M',
				variantOptionIds: `${optionIdFor('Size', 'M')}, ${optionIdFor('Color', 'Red')}`,
				trackInventory: true,
				availableQuantity: 12,
				compareAtPrice: 24.99,
				weight: { weight: { value: 180, unit: 'g' } },
				dimensions: { dimensions: { length: 30, width: 25, height: 2, unit: 'cm' } },
			},
		});
		expect(created.sent[0].body).toEqual({
			locationId: STANDIN_LOCATION,
			name: 'Red / M',
			type: 'one_time',
			currency: 'USD',
			amount: 19.99,
			compareAtPrice: 24.99,
			sku: 'TEE-RED-M',
			variantOptionIds: [optionIdFor('Size', 'M'), optionIdFor('Color', 'Red')],
			trackInventory: true,
			availableQuantity: 12,
			shippingOptions: {
				weight: { value: 180, unit: 'g' },
				dimensions: { length: 30, width: 25, height: 2, unit: 'cm' },
			},
		});
		const priceId = String(created.json[0]._id);
		await run({
			resource: 'price',
			operation: 'create',
			productId,
			name: 'Monthly',
			type: 'recurring',
			recurringInterval: 'month',
			recurringIntervalCount: 3,
			currency: 'USD',
			amount: 5,
		});
		expect(hl.requests[hl.requests.length - 1].status).toBe(201);

		const got = await run({
			resource: 'price',
			operation: 'get',
			productId,
			priceId: byId(priceId),
		});
		expect(got.json[0]).toMatchObject({ _id: priceId, sku: 'TEE-RED-M', amount: 19.99 });
		const listed = await run({
			resource: 'price',
			operation: 'getAll',
			productId,
			returnAll: true,
		});
		expect(listed.json.map((price) => price.name)).toEqual(['Red / M', 'Monthly']);
		expect(listed.json[1]).toMatchObject({
			type: 'recurring',
			recurring: { interval: 'month', intervalCount: 3 },
		});
		const filtered = await run({
			resource: 'price',
			operation: 'getAll',
			productId,
			returnAll: false,
			limit: 5,
			filters: { ids: priceId },
		});
		expect(filtered.sent[0].qs).toMatchObject({ ids: priceId });
		expect(filtered.json.map((price) => price._id)).toEqual([priceId]);

		const updated = await run({
			resource: 'price',
			operation: 'update',
			productId,
			priceId: byId(priceId),
			updateFields: { amount: 21.5, weight: { weight: { value: 0.2, unit: 'kg' } } },
		});
		expect(updated.sent[1].body).toEqual({
			locationId: STANDIN_LOCATION,
			name: 'Red / M',
			type: 'one_time',
			currency: 'USD',
			amount: 21.5,
			membershipOffers: [],
			compareAtPrice: 24.99,
			sku: 'TEE-RED-M',
			variantOptionIds: [optionIdFor('Size', 'M'), optionIdFor('Color', 'Red')],
			trackInventory: true,
			availableQuantity: 12,
			shippingOptions: {
				weight: { value: 0.2, unit: 'kg' },
				dimensions: { length: 30, width: 25, height: 2, unit: 'cm' },
			},
		});
		expect(updated.json[0]).toMatchObject({ amount: 21.5 });

		const deleted = await run({
			resource: 'price',
			operation: 'delete',
			productId,
			priceId: byId(priceId),
		});
		expect(deleted.json).toEqual([{ deleted: true, productId: tee._id, priceId }]);
	});

	test('bad input names the field; HighLevel errors keep its message', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ amount: -1 }, 'Amount: "-1" is not a number ≥ 0 (price in major units, e.g. 19.99)'],
			[{ currency: 'dollars' }, 'Currency: "dollars" is not a 3-letter ISO 4217 code (e.g. USD)'],
			[
				{ additionalFields: { availableQuantity: 1.5 } },
				'Available Quantity: "1.5" is not a whole number ≥ 0',
			],
			[
				{ additionalFields: { weight: { weight: { value: 0, unit: 'g' } } } },
				'Weight: "0" is not a number > 0 (weight of one unit, e.g. 180)',
			],
			[
				{ type: 'recurring', recurringInterval: 'month', recurringIntervalCount: 0 },
				'Billing Interval Count: "0" is not a whole number ≥ 1',
			],
		];
		for (const [params, message] of cases) {
			const error = await runError({
				resource: 'price',
				operation: 'create',
				productId: byId('p1'),
				name: 'Red / M',
				type: 'one_time',
				currency: 'USD',
				amount: 10,
				...params,
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
		}
		expect(hl.requests).toEqual([]);

		const tee = await createTee();
		const unknownOption = await runError({
			resource: 'price',
			operation: 'create',
			productId: byId(String(tee._id)),
			name: 'Red / XL',
			type: 'one_time',
			currency: 'USD',
			amount: 10,
			additionalFields: { variantOptionIds: 'nope' },
		});
		expect(unknownOption).toBeInstanceOf(NodeApiError);
		expect(unknownOption.message).toMatch(
			/^HighLevel: variantOptionIds: "nope" is not an option id/,
		);
	});
});

describe('HighLevel node: Inventory and Store (stand-in)', () => {
	test('Inventory Get Many lists the prices with SKU and stock; Update sets several at once', async () => {
		const tee = await createTee();
		const productId = byId(String(tee._id));
		const ids: string[] = [];
		for (const [name, sku] of [
			['Red / S', 'TEE-RED-S'],
			['Red / M', 'TEE-RED-M'],
		]) {
			const created = await run({
				resource: 'price',
				operation: 'create',
				productId,
				name,
				type: 'one_time',
				currency: 'USD',
				amount: 19.99,
				additionalFields: { sku, trackInventory: true, availableQuantity: 3 },
			});
			ids.push(String(created.json[0]._id));
		}
		const listed = await run({ resource: 'inventory', operation: 'getAll', returnAll: true });
		expect(listed.sent[0].qs).toEqual({
			altId: STANDIN_LOCATION,
			altType: 'location',
			limit: 100,
			offset: 0,
		});
		expect(listed.json).toEqual([
			expect.objectContaining({
				_id: ids[0],
				sku: 'TEE-RED-S',
				availableQuantity: 3,
				product: tee._id,
			}),
			expect.objectContaining({ _id: ids[1], sku: 'TEE-RED-M', availableQuantity: 3 }),
		]);
		const searched = await run({
			resource: 'inventory',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { search: 'red' },
		});
		expect(searched.json).toHaveLength(1);

		const updated = await run({
			resource: 'inventory',
			operation: 'update',
			items: {
				item: [
					{ priceId: ids[0], availableQuantity: 0, allowOutOfStockPurchases: 'allow' },
					{ priceId: ids[1], availableQuantity: 8, allowOutOfStockPurchases: 'unchanged' },
				],
			},
		});
		expect(updated.sent.map(routeOf)).toEqual(['POST /products/inventory']);
		expect(updated.sent[0].body).toEqual({
			altId: STANDIN_LOCATION,
			altType: 'location',
			items: [
				{ priceId: ids[0], availableQuantity: 0, allowOutOfStockPurchases: true },
				{ priceId: ids[1], availableQuantity: 8 },
			],
		});
		expect(updated.json[0]).toMatchObject({ status: true });
		const after = await run({ resource: 'inventory', operation: 'getAll', returnAll: true });
		expect(
			after.json.map((item) => [item.availableQuantity, item.allowOutOfStockPurchases]),
		).toEqual([
			[0, true],
			[8, false],
		]);

		const errors: Array<[unknown, string]> = [
			[{ item: [{ priceId: '', availableQuantity: 1 }] }, 'Items: item 1 needs a Price ID'],
			[
				[{ priceId: 'p1', availableQuantity: -2 }],
				'Items: item 1 (price p1) availableQuantity: "-2" is not a whole number ≥ 0',
			],
			[
				[{ priceId: 'p1' }],
				'Items: item 1 (price p1) sets nothing: give an available quantity or out-of-stock purchases',
			],
			[{}, 'Items: add at least one item'],
		];
		for (const [items, message] of errors) {
			const error = await runError({ resource: 'inventory', operation: 'update', items });
			expect(error.message).toBe(message);
		}
	});

	test('Store: include and exclude products; Product Get Many filters by store', async () => {
		const tee = await createTee();
		const mug = (
			await run({ resource: 'product', operation: 'create', name: 'Mug', productType: 'PHYSICAL' })
		).json[0];
		const included = await run({
			resource: 'store',
			operation: 'updateProducts',
			storeId: 'store-1',
			storeAction: 'include',
			productIds: `${String(tee._id)}, ${String(mug._id)}`,
		});
		expect(included.sent[0].body).toEqual({
			altId: STANDIN_LOCATION,
			altType: 'location',
			action: 'include',
			productIds: [tee._id, mug._id],
		});
		expect(included.json[0]).toMatchObject({ status: true, storeId: 'store-1', action: 'include' });
		await run({
			resource: 'store',
			operation: 'updateProducts',
			storeId: 'store-1',
			storeAction: 'exclude',
			productIds: [mug._id],
		});
		const inStore = await run({
			resource: 'product',
			operation: 'getAll',
			returnAll: true,
			filters: { storeId: 'store-1', includedInStore: true },
		});
		expect(inStore.json.map((product) => product._id)).toEqual([tee._id]);

		const noIds = await runError({
			resource: 'store',
			operation: 'updateProducts',
			storeId: 'store-1',
			storeAction: 'include',
			productIds: ' , ',
		});
		expect(noIds.message).toBe('Product IDs: enter at least one product ID');
		const noStore = await runError({
			resource: 'store',
			operation: 'updateProducts',
			storeId: '',
			productIds: 'x',
		});
		expect(noStore.message).toBe('Store ID: enter a value');
	});

	test('Continue On Fail turns a HighLevel error into an error item', async () => {
		const result = await run(
			{
				resource: 'store',
				operation: 'updateProducts',
				storeId: 's',
				storeAction: 'include',
				productIds: 'missing',
			},
			true,
		);
		expect(result.json).toEqual([
			{
				error: 'HighLevel: Product not found: missing',
				description: expect.stringMatching(/^HTTP 400, traceId [0-9a-f-]{36}$/),
			},
		]);
	});
});

describe('resource locator searches (stand-in)', () => {
	test('searchProducts narrows by name; searchPrices lists the prices of the chosen product', async () => {
		const tee = await createTee();
		await run({ resource: 'product', operation: 'create', name: 'Mug', productType: 'PHYSICAL' });
		await run({
			resource: 'price',
			operation: 'create',
			productId: byId(String(tee._id)),
			name: 'Red / S',
			type: 'one_time',
			currency: 'USD',
			amount: 19.99,
			additionalFields: { sku: 'TEE-RED-S' },
		});
		const products = await searchProducts.call(loadOptionsAgainstStandin(hl, {}), 'tee');
		expect(products.results).toEqual([
			{ name: 'Classic Tee', value: tee._id, description: 'PHYSICAL' },
		]);
		const prices = await searchPrices.call(
			loadOptionsAgainstStandin(hl, { productId: byId(String(tee._id)) }),
		);
		expect(prices.results).toEqual([
			{ name: 'Red / S (USD 19.99, SKU TEE-RED-S)', value: expect.any(String) },
		]);
		await expect(searchPrices.call(loadOptionsAgainstStandin(hl, {}))).rejects.toThrow(
			'Product: choose a product first',
		);
	});
});

describe('list totals', () => {
	test('totalOf reads the three shapes HighLevel uses', () => {
		expect(totalOf({ total: 3 })).toBe(3);
		expect(totalOf({ total: [{ total: 4 }] })).toBe(4);
		expect(totalOf({ total: { total: 5 } })).toBe(5);
		expect(totalOf({ total: [] })).toBeUndefined();
		expect(totalOf({})).toBeUndefined();
	});
});
