'use strict';
/** Dropship provider stand-in and the sample catalog it serves. */
const { startProviderStandin } = require('./index');
const { call } = require('./http-client');

let provider;
beforeAll(async () => {
	provider = await startProviderStandin();
});
afterAll(() => provider.close());
beforeEach(() => provider.reset());

describe('provider stand-in', () => {
	test('GET /products serves samples/dropship-catalog.json', async () => {
		const res = await call(provider.url, 'GET', '/products');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/application\/json/);
		expect(res.json.products.map((p) => p.id)).toEqual([
			'dsc-tee-001',
			'dsc-mug-002',
			'dsc-poster-003',
		]);
		expect(provider.requests).toEqual([
			expect.objectContaining({ method: 'GET', path: '/products' }),
		]);
	});

	test('the sample catalog is well formed: unique SKUs, same options per product, grams, cm, USD', async () => {
		const { products } = (await call(provider.url, 'GET', '/products')).json;
		const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
		expect(new Set(skus).size).toBe(skus.length);
		const [tee, mug, poster] = products;
		expect(tee.variants).toHaveLength(6);
		expect(mug.variants).toHaveLength(1);
		expect(mug.variants[0].options).toEqual({});
		expect(poster.variants).toHaveLength(2);
		for (const product of products) {
			expect(product).toEqual(
				expect.objectContaining({
					title: expect.any(String),
					description: expect.any(String),
					currency: 'USD',
					images: expect.arrayContaining([expect.stringMatching(/^https:\/\//)]),
				}),
			);
			const names = Object.keys(product.variants[0].options).sort();
			for (const v of product.variants) {
				expect(Object.keys(v.options).sort()).toEqual(names);
				expect(v.price).toMatch(/^\d+\.\d{2}$/);
				expect(v.weight_grams).toBeGreaterThan(0);
				expect(Object.keys(v.dimensions_cm).sort()).toEqual(['h', 'l', 'w']);
				expect(Number.isInteger(v.stock) && v.stock >= 0).toBe(true);
			}
		}
	});

	test('GET /products/{id}: the product, 404 when unknown; other routes 404/405', async () => {
		const mug = await call(provider.url, 'GET', '/products/dsc-mug-002');
		expect(mug.status).toBe(200);
		expect(mug.json).toMatchObject({ id: 'dsc-mug-002', title: 'Campfire Enamel Mug 12 oz' });
		const none = await call(provider.url, 'GET', '/products/nope');
		expect(none).toMatchObject({ status: 404, json: { error: 'product nope not found' } });
		expect((await call(provider.url, 'GET', '/orders')).status).toBe(404);
		expect((await call(provider.url, 'POST', '/products', { body: {} })).status).toBe(405);
	});

	test('the catalog can be replaced (setCatalog or PUT /__standin/catalog) and reset', async () => {
		const changed = JSON.parse(JSON.stringify(provider.catalog));
		changed.products[1].variants[0].price = '15.00';
		const put = await call(provider.url, 'PUT', '/__standin/catalog', { body: changed });
		expect(put).toMatchObject({ status: 200, json: { products: 3 } });
		expect((await call(provider.url, 'GET', '/products/dsc-mug-002')).json.variants[0].price).toBe(
			'15.00',
		);
		provider.setCatalog({ products: [] });
		expect((await call(provider.url, 'GET', '/products')).json.products).toEqual([]);
		expect(() => provider.setCatalog({})).toThrow('needs a products array');
		const reset = await call(provider.url, 'POST', '/__standin/reset');
		expect(reset.status).toBe(200);
		expect(provider.catalog.products).toHaveLength(3);
		expect(provider.requests).toEqual([]);
		const log = await call(provider.url, 'GET', '/__standin/requests');
		expect(log.json).toEqual([]);
	});

	test('a catalog can be given inline', async () => {
		const other = await startProviderStandin({
			catalog: { products: [{ id: 'x', title: 'X', variants: [] }] },
		});
		try {
			expect((await call(other.url, 'GET', '/products/x')).json.title).toBe('X');
		} finally {
			await other.close();
		}
	});
});
