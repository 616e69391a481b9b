/**
 * Product → Upsert Product with Variants against the HighLevel stand-in over real HTTP, fed with
 * the sample dropship catalog served by the provider stand-in: every request passes validation
 * against products.json, a product and one price per SKU are created, a second run writes nothing,
 * changes write only what changed, and bad input names the field.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { optionIdFor } from '../../../nodes/HighLevel/helpers/products';
import type { HighLevelStandin } from './standinContext';
import {
	STANDIN_LOCATION,
	routeOf,
	runAgainstStandin,
	runErrorAgainstStandin,
	startHighLevelStandin,
} from './standinContext';

interface ProviderStandin {
	url: string;
	close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startProviderStandin } = require('../../standins') as {
	startProviderStandin: (options?: IDataObject) => Promise<ProviderStandin>;
};

interface CatalogVariant {
	sku: string;
	options: Record<string, string>;
	price: string;
	compare_at_price?: string;
	weight_grams: number;
	dimensions_cm: { l: number; w: number; h: number };
	stock: number;
}
interface CatalogProduct {
	id: string;
	title: string;
	description: string;
	currency: string;
	images: string[];
	variants: CatalogVariant[];
}

/** The provider → Upsert mapping a workflow does in the "Product (JSON)" expression. */
const toUpsertInput = (product: CatalogProduct) => ({
	name: product.title,
	description: product.description,
	images: product.images,
	currency: product.currency,
	variants: product.variants.map((variant) => ({
		sku: variant.sku,
		options: variant.options,
		price: variant.price,
		compareAtPrice: variant.compare_at_price,
		weight: { value: variant.weight_grams, unit: 'g' },
		dimensions: {
			length: variant.dimensions_cm.l,
			width: variant.dimensions_cm.w,
			height: variant.dimensions_cm.h,
			unit: 'cm',
		},
		stock: variant.stock,
	})),
});

let hl: HighLevelStandin;
let catalog: CatalogProduct[];

const upsertParams = (products: IDataObject[]) => ({
	resource: 'product',
	operation: 'upsertWithVariants',
	locationId: '',
	productJson: (itemIndex: number) => products[itemIndex],
});

const upsert = async (products: IDataObject[], continueOnFail = false) =>
	await runAgainstStandin(hl, {
		params: upsertParams(products),
		items: products.map((product) => ({ json: product })),
		continueOnFail,
	});

const location = () =>
	hl.state.locations[STANDIN_LOCATION] as {
		products: Record<string, IDataObject>;
		prices: Record<string, IDataObject>;
	};

beforeAll(async () => {
	hl = await startHighLevelStandin();
	const provider = await startProviderStandin();
	try {
		const response = await fetch(`${provider.url}/products`);
		catalog = ((await response.json()) as { products: CatalogProduct[] }).products;
	} finally {
		await provider.close();
	}
});
afterAll(async () => {
	await hl.close();
});
beforeEach(() => hl.reset());
afterEach(() => {
	expect(hl.violations).toEqual([]);
	expect(hl.responseViolations).toEqual([]);
});

describe('HighLevel node: Product → Upsert Product with Variants (stand-in)', () => {
	test('creates each catalog product with its variants and one price per SKU; a second run writes nothing', async () => {
		const inputs = catalog.map(toUpsertInput);
		const first = await upsert(inputs);
		expect(first.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(first.json.map((result) => [result.created, result.updated])).toEqual([
			[true, false],
			[true, false],
			[true, false],
		]);
		expect(Object.keys(location().products)).toHaveLength(3);
		expect(Object.keys(location().prices)).toHaveLength(9);

		const [tee, mug, poster] = first.json;
		const teeProduct = location().products[String(tee.productId)];
		expect(teeProduct).toMatchObject({
			name: 'Organic Cotton Crew Tee',
			productType: 'PHYSICAL',
			availableInStore: true,
			image: catalog[0].images[0],
			medias: [
				{ url: catalog[0].images[0], type: 'image', isFeatured: true },
				{ url: catalog[0].images[1], type: 'image' },
			],
			variants: [
				{
					id: expect.any(String),
					name: 'Size',
					options: [
						{ id: optionIdFor('Size', 'S'), name: 'S' },
						{ id: optionIdFor('Size', 'M'), name: 'M' },
						{ id: optionIdFor('Size', 'L'), name: 'L' },
					],
				},
				{
					id: expect.any(String),
					name: 'Color',
					options: [
						{ id: optionIdFor('Color', 'Black'), name: 'Black' },
						{ id: optionIdFor('Color', 'White'), name: 'White' },
					],
				},
			],
		});
		expect(tee.prices).toEqual(
			catalog[0].variants.map((variant) => ({
				sku: variant.sku,
				priceId: expect.stringMatching(/^[0-9a-f]{24}$/),
				outcome: 'created',
			})),
		);
		const whiteM = location().prices[String((tee.prices as IDataObject[])[4].priceId)];
		expect(whiteM).toMatchObject({
			product: tee.productId,
			name: 'M / White',
			type: 'one_time',
			currency: 'USD',
			amount: 19.99,
			compareAtPrice: 24.99,
			sku: 'DSC-TEE-WHT-M',
			variantOptionIds: [optionIdFor('Size', 'M'), optionIdFor('Color', 'White')],
			trackInventory: true,
			availableQuantity: 0,
			shippingOptions: {
				weight: { value: 180, unit: 'g' },
				dimensions: { length: 30, width: 25, height: 2, unit: 'cm' },
			},
		});
		// The single-variant mug: no variants, one price named after the product.
		expect(location().products[String(mug.productId)].variants).toBeUndefined();
		expect(location().prices[String((mug.prices as IDataObject[])[0].priceId)]).toMatchObject({
			name: 'Campfire Enamel Mug 12 oz',
			amount: 14.5,
			variantOptionIds: [],
		});
		expect((poster.prices as IDataObject[]).map((price) => price.outcome)).toEqual([
			'created',
			'created',
		]);

		const second = await upsert(inputs);
		expect(second.writes).toEqual([]);
		for (const [index, result] of second.json.entries()) {
			expect(result).toMatchObject({
				productId: first.json[index].productId,
				created: false,
				updated: false,
				matchedBy: 'sku',
			});
			expect((result.prices as IDataObject[]).every((price) => price.outcome === 'unchanged')).toBe(
				true,
			);
		}
		expect(Object.keys(location().products)).toHaveLength(3);
		expect(Object.keys(location().prices)).toHaveLength(9);
	});

	test('a changed price updates only that price; a stock change alone goes to the inventory endpoint', async () => {
		const input = toUpsertInput(catalog[0]);
		const first = await upsert([input]);
		const prices = first.json[0].prices as IDataObject[];

		const changed = JSON.parse(JSON.stringify(input)) as typeof input;
		changed.variants[2].price = '23.49';
		changed.variants[0].stock = 40;
		const second = await upsert([changed]);
		expect(second.writes.map(routeOf)).toEqual([
			`PUT /products/${String(first.json[0].productId)}/price/${String(prices[2].priceId)}`,
			'POST /products/inventory',
		]);
		expect(second.writes[0].body).toMatchObject({
			locationId: STANDIN_LOCATION,
			name: 'L / Black',
			amount: 23.49,
			sku: 'DSC-TEE-BLK-L',
		});
		expect(second.writes[1].body).toEqual({
			altId: STANDIN_LOCATION,
			altType: 'location',
			items: [{ priceId: prices[0].priceId, availableQuantity: 40 }],
		});
		expect((second.json[0].prices as IDataObject[]).map((price) => price.outcome)).toEqual([
			'updated',
			'unchanged',
			'updated',
			'unchanged',
			'unchanged',
			'unchanged',
		]);
		expect((second.json[0].prices as IDataObject[])[2].changes).toEqual(['amount']);
		expect(location().prices[String(prices[2].priceId)].amount).toBe(23.49);
		expect(location().prices[String(prices[0].priceId)].availableQuantity).toBe(40);

		const third = await upsert([changed]);
		expect(third.writes).toEqual([]);
	});

	test('a new option value adds it to the product (other ids kept) and creates only the new price', async () => {
		const input = toUpsertInput(catalog[0]);
		const first = await upsert([input]);
		const before = location().products[String(first.json[0].productId)].variants as IDataObject[];

		const bigger = JSON.parse(JSON.stringify(input)) as typeof input;
		bigger.variants.push({
			...bigger.variants[2],
			sku: 'DSC-TEE-BLK-XL',
			options: { Size: 'XL', Color: 'Black' },
		});
		const second = await upsert([bigger]);
		expect(second.writes.map(routeOf)).toEqual([
			`PUT /products/${String(first.json[0].productId)}`,
			`POST /products/${String(first.json[0].productId)}/price`,
		]);
		expect(second.json[0]).toMatchObject({
			created: false,
			updated: true,
			productChanges: ['variants'],
		});
		const after = location().products[String(first.json[0].productId)].variants as IDataObject[];
		expect(after[0].options).toEqual([
			...(before[0].options as IDataObject[]),
			{ id: optionIdFor('Size', 'XL'), name: 'XL' },
		]);
		expect(after[1]).toEqual(before[1]);
		expect((second.json[0].prices as IDataObject[]).map((price) => price.outcome)).toEqual([
			...Array(6).fill('unchanged'),
			'created',
		]);
		expect(Object.keys(location().products)).toHaveLength(1);
	});

	test('a product renamed at the provider is found by SKU and renamed, not duplicated', async () => {
		const input = toUpsertInput(catalog[1]);
		const first = await upsert([input]);
		const renamed = { ...input, name: 'Campfire Enamel Mug (12 oz)' };
		const second = await upsert([renamed]);
		expect(second.json[0]).toMatchObject({
			productId: first.json[0].productId,
			created: false,
			updated: true,
			matchedBy: 'sku',
			productChanges: ['name'],
		});
		// The single variant's price is named after the product, so it follows the new name.
		expect(second.writes.map(routeOf)).toEqual([
			`PUT /products/${String(first.json[0].productId)}`,
			expect.stringMatching(/^PUT \/products\/\w+\/price\/\w+$/),
		]);
		expect(Object.keys(location().products)).toHaveLength(1);
	});

	test('Find SKUs In "Prices of Every Product" reads the products and their prices instead of the inventory', async () => {
		const input = toUpsertInput(catalog[1]);
		const first = await upsert([input]);
		const renamed = { ...input, name: 'Enamel Mug' };
		const second = await runAgainstStandin(hl, {
			params: { ...upsertParams([renamed]), options: { skuLookup: 'prices' } },
		});
		expect(second.json[0]).toMatchObject({
			productId: first.json[0].productId,
			matchedBy: 'sku',
			updated: true,
		});
		const reads = second.sent.filter((request) => request.method === 'GET').map(routeOf);
		expect(reads).not.toContain('GET /products/inventory');
		expect(reads.slice(0, 2)).toEqual([
			'GET /products/',
			`GET /products/${String(first.json[0].productId)}/price`,
		]);
	});

	test('a product without matching SKUs is found by its name, and keeps its option ids', async () => {
		hl.reset();
		const made = await runAgainstStandin(hl, {
			params: {
				resource: 'product',
				operation: 'create',
				locationId: '',
				name: 'Mountain Sunrise Art Print',
				productType: 'PHYSICAL',
				variants: {
					variant: [
						{ id: 'hlsize', name: 'size', options: [{ id: 'hl3040', name: '30 × 40 cm' }] },
					],
				},
			},
		});
		const productId = String(made.json[0]._id);
		const result = await upsert([toUpsertInput(catalog[2])]);
		expect(result.json[0]).toMatchObject({ productId, created: false, matchedBy: 'name' });
		const variants = location().products[productId].variants as IDataObject[];
		expect(variants).toEqual([
			{
				id: 'hlsize',
				name: 'size',
				options: [
					{ id: 'hl3040', name: '30 × 40 cm' },
					{ id: optionIdFor('Size', '50 × 70 cm'), name: '50 × 70 cm' },
				],
			},
		]);
		const small = location().prices[String((result.json[0].prices as IDataObject[])[0].priceId)];
		expect(small.variantOptionIds).toEqual(['hl3040']);
	});

	test('two executions of the same product at once create it once', async () => {
		const input = toUpsertInput(catalog[1]);
		const [a, b] = await Promise.all([upsert([input]), upsert([input])]);
		expect(a.json[0].productId).toBe(b.json[0].productId);
		expect([a.json[0].created, b.json[0].created].sort()).toEqual([false, true]);
		expect(Object.keys(location().products)).toHaveLength(1);
		expect(Object.keys(location().prices)).toHaveLength(1);
	});

	test('the same product twice in one execution: the second item changes nothing', async () => {
		const input = toUpsertInput(catalog[2]);
		const result = await upsert([input, input]);
		expect(result.json.map((item) => item.created)).toEqual([true, false]);
		expect(result.json[1].prices).toEqual(
			(result.json[0].prices as IDataObject[]).map((price) => ({ ...price, outcome: 'unchanged' })),
		);
		// the inventory is read once per execution
		expect(
			result.sent.filter((request) => routeOf(request) === 'GET /products/inventory'),
		).toHaveLength(1);
	});

	test('the parameter may be JSON text', async () => {
		const result = await runAgainstStandin(hl, {
			params: {
				...upsertParams([]),
				productJson: JSON.stringify({
					name: 'Sticker',
					currency: 'usd',
					variants: [{ sku: 'STK-1', price: 2 }],
				}),
			},
		});
		expect(result.json[0]).toMatchObject({
			created: true,
			prices: [{ sku: 'STK-1', outcome: 'created' }],
		});
		expect(
			location().prices[String((result.json[0].prices as IDataObject[])[0].priceId)],
		).toMatchObject({
			name: 'Sticker',
			currency: 'USD',
			amount: 2,
		});
		expect(
			location().prices[String((result.json[0].prices as IDataObject[])[0].priceId)],
		).not.toHaveProperty('trackInventory');
	});

	describe('bad input names the field and writes nothing', () => {
		const base = () => ({
			name: 'Tee',
			currency: 'USD',
			variants: [
				{ sku: 'A', options: { Size: 'S' }, price: 10 },
				{ sku: 'B', options: { Size: 'M' }, price: '12.50' },
			],
		});
		const cases: Array<[string, (input: IDataObject) => unknown, string]> = [
			[
				'a variant without SKU',
				(input) => {
					delete ((input.variants as IDataObject[])[1] as IDataObject).sku;
				},
				'Product (JSON): variants[1].sku: enter the SKU',
			],
			[
				'a duplicate SKU',
				(input) => {
					((input.variants as IDataObject[])[1] as IDataObject).sku = 'A';
				},
				'Product (JSON): variants[1].sku: SKU "A" is also the SKU of variant 1',
			],
			[
				'a price that is not a number',
				(input) => {
					((input.variants as IDataObject[])[0] as IDataObject).price = 'ten';
				},
				'Product (JSON): variants[0].price: price must be a decimal amount in major units, e.g. 19.99',
			],
			[
				'no currency',
				(input) => {
					delete input.currency;
				},
				'Product (JSON): currency: enter the currency (ISO 4217, e.g. USD)',
			],
			[
				'variants naming other options',
				(input) => {
					((input.variants as IDataObject[])[1] as IDataObject).options = { Color: 'Red' };
				},
				'Product (JSON): variants[1].options: every variant must name the options of variant 1 (Size); this one names Color',
			],
			[
				'two variants with the same options',
				(input) => {
					((input.variants as IDataObject[])[1] as IDataObject).options = { size: 's' };
				},
				'Product (JSON): variants[1].options: the same options as variant 1',
			],
			[
				'a weight unit HighLevel does not know',
				(input) => {
					((input.variants as IDataObject[])[0] as IDataObject).weight = {
						value: 1,
						unit: 'stone',
					};
				},
				'Product (JSON): variants[0].weight.unit: unit must be one of kg, lb, g, oz',
			],
			[
				'a negative stock',
				(input) => {
					((input.variants as IDataObject[])[0] as IDataObject).stock = -1;
				},
				'Product (JSON): variants[0].stock: stock must be ≥ 0',
			],
			[
				'no variants',
				(input) => {
					input.variants = [];
				},
				'Product (JSON): variants: add at least one variant (a single-variant product has one, with no options)',
			],
		];
		test.each(cases)('%s', async (_name, mutate, message) => {
			const input = base() as IDataObject;
			mutate(input);
			const error = await runErrorAgainstStandin(hl, { params: upsertParams([input]) });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
			expect(hl.requests).toEqual([]);
		});

		test('text that is not JSON, and Continue On Fail', async () => {
			const error = await runErrorAgainstStandin(hl, {
				params: { ...upsertParams([]), productJson: '{"name": ' },
			});
			expect(error.message).toMatch(/^Product \(JSON\): not valid JSON/);
			const result = await upsert([{ name: 'Tee' }, base()], true);
			expect(result.json[0]).toEqual({
				error:
					'Product (JSON): currency: enter the currency (ISO 4217, e.g. USD); variants: add at least one variant (a single-variant product has one, with no options)',
			});
			expect(result.json[1]).toMatchObject({ created: true });
			expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		test('SKUs spread over two HighLevel products', async () => {
			await upsert([
				{ name: 'One', currency: 'USD', variants: [{ sku: 'A', price: 1 }] },
				{ name: 'Two', currency: 'USD', variants: [{ sku: 'B', price: 1 }] },
			]);
			const error = await runErrorAgainstStandin(hl, { params: upsertParams([base()]) });
			expect(error.message).toMatch(
				/^Product \(JSON\): the SKUs of "Tee" belong to 2 different HighLevel products \(A → \w+; B → \w+\); give each product its own SKUs$/,
			);
		});
	});
});
