'use strict';
/**
 * HighLevel stand-in: products, prices, inventory and store inclusion (products.json) -
 * validation, response shapes, state, filters, paging, seed and tokens.
 */
const { startHighLevelStandin } = require('./index');
const { call } = require('./http-client');

const LOC = 'loc-a';
const H = { authorization: 'Bearer token-a', version: '2021-07-28' };
const hex24 = /^[0-9a-f]{24}$/;

let hl;
const get = (p, o = {}) => call(hl.url, 'GET', p, { headers: H, ...o });
const post = (p, body, o = {}) => call(hl.url, 'POST', p, { headers: H, body, ...o });
const put = (p, body, o = {}) => call(hl.url, 'PUT', p, { headers: H, body, ...o });
const del = (p, o = {}) => call(hl.url, 'DELETE', p, { headers: H, ...o });
const alt = `altId=${LOC}&altType=location`;

const tee = (over = {}) => ({
	locationId: LOC,
	name: 'Classic Tee',
	productType: 'PHYSICAL',
	description: 'Soft cotton',
	image: 'https://example.com/tee.jpg',
	availableInStore: true,
	medias: [
		{ id: 'm1', url: 'https://example.com/tee.jpg', type: 'image', isFeatured: true, priceIds: [] },
	],
	variants: [
		{
			id: 'vsize',
			name: 'Size',
			options: [
				{ id: 'os', name: 'S' },
				{ id: 'om', name: 'M' },
			],
		},
		{ id: 'vcolor', name: 'Color', options: [{ id: 'ored', name: 'Red' }] },
	],
	...over,
});
const priceBody = (over = {}) => ({
	locationId: LOC,
	name: 'Red / S',
	type: 'one_time',
	currency: 'USD',
	amount: 19.99,
	variantOptionIds: ['os', 'ored'],
	sku: 'TEE-RED-S',
	trackInventory: true,
	availableQuantity: 5,
	shippingOptions: {
		weight: { value: 180, unit: 'g' },
		dimensions: { length: 30, width: 25, height: 2, unit: 'cm' },
	},
	...over,
});

beforeAll(async () => {
	hl = await startHighLevelStandin({
		checkResponses: true,
		tokens: { 'token-a': { locationId: LOC }, 'token-b': { locationId: 'loc-b' } },
		seed: {
			locations: {
				'loc-b': {
					products: [
						{
							_id: 'seeded-mug',
							name: 'Mug',
							productType: 'PHYSICAL',
							storeIds: ['store-1'],
							prices: [
								{
									_id: 'seeded-mug-price',
									name: 'Mug',
									currency: 'USD',
									amount: 9.5,
									sku: 'MUG-1',
									availableQuantity: 7,
									trackInventory: true,
								},
							],
						},
						{ _id: 'seeded-cap', name: 'Cap', productType: 'PHYSICAL' },
					],
				},
			},
		},
	});
});
afterAll(() => hl.close());
beforeEach(() => hl.reset());
afterEach(() => {
	// Every answer matched the response schema declared in products.json.
	expect(hl.responseViolations).toEqual([]);
});

describe('products', () => {
	test('create answers 201 with the product; get returns it with its media', async () => {
		const created = await post('/products/', tee());
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			name: 'Classic Tee',
			locationId: LOC,
			productType: 'PHYSICAL',
			variants: tee().variants,
		});
		expect(created.json._id).toMatch(hex24);
		expect(hl.violations).toEqual([]); // medias[].priceIds as strings passes (overlay)

		const got = await get(`/products/${created.json._id}?locationId=${LOC}`);
		expect(got.status).toBe(200);
		expect(got.json).toEqual(created.json);
	});

	test('list: {products, total: [{total}]}, no medias, search, sort, paging', async () => {
		const a = (await post('/products/', tee({ name: 'Alpha Tee' }))).json;
		const b = (await post('/products/', tee({ name: 'Beta Mug' }))).json;
		const c = (await post('/products/', tee({ name: 'Gamma Tee' }))).json;

		const all = await get(`/products/?locationId=${LOC}`);
		expect(all.status).toBe(200);
		expect(all.json.total).toEqual([{ total: 3 }]);
		expect(all.json.products.map((p) => p._id)).toEqual([c._id, b._id, a._id]); // newest first
		expect(all.json.products[0]).not.toHaveProperty('medias');

		const asc = await get(`/products/?locationId=${LOC}&sortOrder=asc&limit=2&offset=1`);
		expect(asc.json.products.map((p) => p._id)).toEqual([b._id, c._id]);
		expect(asc.json.total).toEqual([{ total: 3 }]);

		const tees = await get(`/products/?locationId=${LOC}&search=tee`);
		expect(tees.json.products.map((p) => p.name).sort()).toEqual(['Alpha Tee', 'Gamma Tee']);

		const byIds = await get(`/products/?locationId=${LOC}&productIds=${a._id}&productIds=${c._id}`);
		expect(byIds.json.total).toEqual([{ total: 2 }]);
		expect(hl.violations).toEqual([]);
	});

	test('update answers 200 with the product; delete answers {status: true} and drops its prices', async () => {
		const product = (await post('/products/', tee())).json;
		const updated = await put(`/products/${product._id}`, {
			locationId: LOC,
			name: 'Classic Tee v2',
			productType: 'PHYSICAL',
			description: 'Now organic',
		});
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({
			_id: product._id,
			name: 'Classic Tee v2',
			description: 'Now organic',
		});
		expect(updated.json.variants).toEqual(product.variants); // fields not sent are kept

		const price = (await post(`/products/${product._id}/price`, priceBody())).json;
		const removed = await del(`/products/${product._id}?locationId=${LOC}`);
		expect(removed).toMatchObject({ status: 200, json: { status: true } });
		expect(hl.state.locations[LOC].prices[price._id]).toBeUndefined();
		const again = await get(`/products/${product._id}?locationId=${LOC}`);
		expect(again.status).toBe(400);
		expect(again.json).toMatchObject({ statusCode: 400, message: 'Product not found' });
	});

	test('requests the spec rejects get 422 naming the fields, and are recorded as violations', async () => {
		const noType = await post('/products/', { locationId: LOC, name: 'X' });
		expect(noType.status).toBe(422);
		expect(noType.json.message).toEqual(['productType should not be empty']);
		const badType = await post('/products/', { locationId: LOC, name: 'X', productType: 'BOOK' });
		expect(badType.json.message[0]).toMatch(
			/^productType must be one of the following values: DIGITAL, PHYSICAL/,
		);
		const noLocation = await get('/products/');
		expect(noLocation.status).toBe(422);
		expect(noLocation.json.message).toEqual(['locationId should not be empty']);
		const noVersion = await get(`/products/?locationId=${LOC}`, {
			headers: { authorization: H.authorization },
		});
		expect(noVersion.status).toBe(422);
		expect(hl.violations).toHaveLength(4);
	});

	test('duplicate variant or option ids are refused (422)', async () => {
		const twice = await post(
			'/products/',
			tee({ variants: [{ id: 'v', name: 'Size', options: [{ id: 'v', name: 'S' }] }] }),
		);
		expect(twice.status).toBe(422);
		expect(twice.json.message[0]).toMatch(/"v" is used twice/);
	});
});

describe('prices', () => {
	let product;
	beforeEach(async () => {
		product = (await post('/products/', tee())).json;
	});

	test('create answers 201 with the price (sku and shippingOptions kept); list, get, update, delete', async () => {
		const created = await post(`/products/${product._id}/price`, priceBody());
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			product: product._id,
			locationId: LOC,
			name: 'Red / S',
			type: 'one_time',
			amount: 19.99,
			sku: 'TEE-RED-S',
			variantOptionIds: ['os', 'ored'],
			shippingOptions: priceBody().shippingOptions,
		});
		const second = (
			await post(
				`/products/${product._id}/price`,
				priceBody({ name: 'Red / M', sku: 'TEE-RED-M', variantOptionIds: ['om', 'ored'] }),
			)
		).json;

		const listed = await get(`/products/${product._id}/price?locationId=${LOC}`);
		expect(listed.json.total).toBe(2);
		expect(listed.json.prices.map((p) => p.sku)).toEqual(['TEE-RED-S', 'TEE-RED-M']);
		const paged = await get(`/products/${product._id}/price?locationId=${LOC}&limit=1&offset=1`);
		expect(paged.json).toMatchObject({ total: 2, prices: [{ _id: second._id }] });
		const byIds = await get(`/products/${product._id}/price?locationId=${LOC}&ids=${second._id}`);
		expect(byIds.json.prices.map((p) => p._id)).toEqual([second._id]);

		const got = await get(`/products/${product._id}/price/${second._id}?locationId=${LOC}`);
		expect(got.json).toEqual(second);
		const updated = await put(
			`/products/${product._id}/price/${second._id}`,
			priceBody({
				name: 'Red / M',
				sku: 'TEE-RED-M',
				variantOptionIds: ['om', 'ored'],
				amount: 21,
			}),
		);
		expect(updated).toMatchObject({ status: 200, json: { _id: second._id, amount: 21 } });
		const removed = await del(`/products/${product._id}/price/${second._id}?locationId=${LOC}`);
		expect(removed).toMatchObject({ status: 200, json: { status: true } });
		const gone = await get(`/products/${product._id}/price/${second._id}?locationId=${LOC}`);
		expect(gone).toMatchObject({ status: 400, json: { message: 'Price not found' } });
		expect(hl.violations).toEqual([]);
	});

	test('variantOptionIds must be options of the product; required fields per the spec', async () => {
		const unknown = await post(
			`/products/${product._id}/price`,
			priceBody({ variantOptionIds: ['nope'] }),
		);
		expect(unknown.status).toBe(422);
		expect(unknown.json.message[0]).toMatch(/"nope" is not an option id/);
		const noAmount = await post(`/products/${product._id}/price`, {
			...priceBody(),
			amount: undefined,
		});
		expect(noAmount.json.message).toEqual(['amount should not be empty']);
		const badUnit = await post(
			`/products/${product._id}/price`,
			priceBody({ shippingOptions: { weight: { value: 1, unit: 'stone' } } }),
		);
		expect(badUnit.status).toBe(422);
		expect(badUnit.json.message[0]).toMatch(
			/^shippingOptions\.weight\.unit must be one of the following values: kg, lb, g, oz/,
		);
		const otherProduct = await post(`/products/000000000000000000000000/price`, priceBody());
		expect(otherProduct).toMatchObject({ status: 400, json: { message: 'Product not found' } });
	});
});

describe('inventory and store', () => {
	test('inventory lists every price with sku and product; bulk update answers 201', async () => {
		const product = (await post('/products/', tee())).json;
		const a = (await post(`/products/${product._id}/price`, priceBody())).json;
		const b = (
			await post(
				`/products/${product._id}/price`,
				priceBody({
					name: 'Red / M',
					sku: 'TEE-RED-M',
					variantOptionIds: ['om', 'ored'],
					trackInventory: false,
					availableQuantity: undefined,
				}),
			)
		).json;
		const listed = await get(`/products/inventory?${alt}`);
		expect(listed.status).toBe(200);
		expect(listed.json).toEqual({
			inventory: [
				{
					_id: a._id,
					name: 'Red / S',
					availableQuantity: 5,
					sku: 'TEE-RED-S',
					allowOutOfStockPurchases: false,
					product: product._id,
					productName: 'Classic Tee',
					image: 'https://example.com/tee.jpg',
					updatedAt: a.updatedAt,
				},
				expect.objectContaining({ _id: b._id, sku: 'TEE-RED-M', availableQuantity: 0 }),
			],
			total: { total: 2 },
		});
		const search = await get(`/products/inventory?${alt}&search=red-m`);
		expect(search.json.inventory.map((i) => i._id)).toEqual([b._id]);
		const paged = await get(`/products/inventory?${alt}&limit=1&offset=1`);
		expect(paged.json).toMatchObject({ inventory: [{ _id: b._id }], total: { total: 2 } });

		const updated = await post('/products/inventory', {
			altId: LOC,
			altType: 'location',
			items: [
				{ priceId: a._id, availableQuantity: 0, allowOutOfStockPurchases: true },
				{ priceId: b._id, availableQuantity: 9 },
			],
		});
		expect(updated).toMatchObject({ status: 201, json: { status: true } });
		expect(hl.state.locations[LOC].prices[a._id]).toMatchObject({
			availableQuantity: 0,
			allowOutOfStockPurchases: true,
		});
		expect(hl.state.locations[LOC].prices[b._id].availableQuantity).toBe(9);

		const unknown = await post('/products/inventory', {
			altId: LOC,
			altType: 'location',
			items: [{ priceId: a._id, availableQuantity: 3 }, { priceId: 'nope' }],
		});
		expect(unknown.status).toBe(400);
		expect(hl.state.locations[LOC].prices[a._id].availableQuantity).toBe(0); // nothing changed
		const noItems = await post('/products/inventory', { altId: LOC, altType: 'location' });
		expect(noItems.json.message).toEqual(['items should not be empty']);
	});

	test('include and exclude products in a store; the list filters by storeId + includedInStore', async () => {
		const a = (await post('/products/', tee({ name: 'A' }))).json;
		const b = (await post('/products/', tee({ name: 'B' }))).json;
		const included = await post('/products/store/store-9', {
			altId: LOC,
			altType: 'location',
			action: 'include',
			productIds: [a._id, b._id],
		});
		expect(included).toMatchObject({ status: 201, json: { status: true } });
		await post('/products/store/store-9', {
			altId: LOC,
			altType: 'location',
			action: 'exclude',
			productIds: [b._id],
		});
		const inStore = await get(`/products/?locationId=${LOC}&storeId=store-9&includedInStore=true`);
		expect(inStore.json.products.map((p) => p._id)).toEqual([a._id]);
		const outOfStore = await get(
			`/products/?locationId=${LOC}&storeId=store-9&includedInStore=false`,
		);
		expect(outOfStore.json.products.map((p) => p._id)).toEqual([b._id]);
		const badAction = await post('/products/store/store-9', {
			altId: LOC,
			altType: 'location',
			action: 'hide',
			productIds: [a._id],
		});
		expect(badAction.status).toBe(422);
		const unknown = await post('/products/store/store-9', {
			altId: LOC,
			altType: 'location',
			action: 'include',
			productIds: ['nope'],
		});
		expect(unknown.status).toBe(400);
	});
});

describe('seed and tokens', () => {
	const HB = { ...H, authorization: 'Bearer token-b' };
	test('seeded products, prices and store membership are there after every reset', async () => {
		const listed = await get('/products/?locationId=loc-b&storeId=store-1', { headers: HB });
		expect(listed.json.products.map((p) => p._id)).toEqual(['seeded-mug']);
		const inventory = await get('/products/inventory?altId=loc-b&altType=location', {
			headers: HB,
		});
		expect(inventory.json.inventory).toEqual([
			expect.objectContaining({
				_id: 'seeded-mug-price',
				sku: 'MUG-1',
				availableQuantity: 7,
				product: 'seeded-mug',
			}),
		]);
	});

	test('a token for another location gets 403 (locationId in query or body)', async () => {
		const query = await get('/products/?locationId=loc-b');
		expect(query.status).toBe(403);
		const body = await post('/products/', tee({ locationId: 'loc-b' }));
		expect(body.status).toBe(403);
		expect(Object.keys(hl.state.locations['loc-b'].products)).toEqual(['seeded-mug', 'seeded-cap']);
	});
});
