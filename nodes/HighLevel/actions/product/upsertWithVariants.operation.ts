/**
 * Product → Upsert Product with Variants: one provider (dropship) product in, the HighLevel
 * product with one price per SKU out. Re-running with the same input writes nothing.
 * Sources (test/standins/specs/highlevel/apps/products.json, highlevel.md §4.8 "Dropship flow"):
 * - GET /products/inventory (get-list-inventory), query `altId, altType, limit, offset`, response
 *   `{inventory[{_id (price id), sku, product (product id), …}], total: {total}}`: which product
 *   already sells one of the SKUs (read once per execution and location). Option "Find SKUs In" →
 *   "Prices of Every Product" reads GET /products/ and each product's GET …/price instead, for
 *   prices the inventory list might leave out (e.g. without inventory tracking);
 * - GET /products/ (list-invoices = list products), query `locationId, search`, response
 *   `{products[], total: [{total}]}`: else the product with the same name (case and repeated
 *   spaces ignored);
 * - GET /products/{productId} (get-product-by-id): the product found, with its variants and media;
 * - POST /products/ (create-product, 201 the product) or PUT /products/{productId}
 *   (update-product-by-id, 200 the product; only when the name, description, main image, product
 *   type, availability or variants differ). `variants[{id, name, options[{id, name}]}]` are the
 *   union of the stored ones and the input's option names and values; new ids are derived from
 *   the name and value (stable across runs), stored ones are kept; nothing is removed;
 * - GET /products/{productId}/price (list-prices-for-product), `{prices[], total}`: prices matched
 *   by `sku`;
 * - POST /products/{productId}/price (create-price-for-product, 201 the price) for a missing SKU:
 *   `{name ("Red / M", or the product name without options), type one_time, currency, amount
 *   (decimal, major units), variantOptionIds, sku, compareAtPrice?, trackInventory +
 *   availableQuantity (when stock is given), shippingOptions {weight {value, unit}, dimensions
 *   {length, width, height, unit}}?, locationId}`;
 * - PUT /products/{productId}/price/{priceId} (update-price-by-id-for-product, 200 the price) for a
 *   changed one, the stored fields sent back with the changes; a change of stock alone goes into
 *   one POST /products/inventory (update-inventory, 201 `{status, message}`) instead.
 * Prices are never deleted. Output: `{productId, product, created, updated, matchedBy (sku |
 * name | null), prices: [{sku, priceId, outcome (created | updated | unchanged), changes?}]}`.
 *
 * Look-then-create runs under a per-process lock on location + product name, so two executions
 * of the same product at once in one n8n process do not both create it.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { withKeyLock } from '../../../../nodes/shared/concurrency/keyedLock';
import type { HighLevelContext } from '../../../../nodes/shared/highlevel/transport';
import { highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import {
	INVENTORY_ENDPOINT,
	PRODUCTS_ENDPOINT,
	getProduct,
	listInventory,
	listPrices,
	listProducts,
	normalizeLabel,
	priceBodyOf,
	priceEndpoint,
	pricesEndpoint,
	productBodyOf,
	productEndpoint,
} from '../../helpers/products';
import type { ProviderProduct } from '../../helpers/productSync';
import {
	desiredPriceOf,
	mainImageOf,
	mergeMedias,
	mergeVariants,
	parseProviderProduct,
	priceChanges,
	productChanges,
} from '../../helpers/productSync';
import { fail, getLocationId, idOf, isNotFoundError } from '../../helpers/utils';

const PRODUCT_FIELD = 'Product (JSON)';

const properties: INodeProperties[] = [
	{
		displayName: 'Product (JSON)',
		name: 'productJson',
		type: 'json',
		required: true,
		default: '={{ $json }}',
		description:
			'One product: {"name", "description"?, "productType"? (PHYSICAL), "imageUrl"?, "images"? [URLs], "availableInStore"? (true), "currency" (ISO 4217), "variants": [{"sku", "options"? {"Size": "M", "Color": "Red"}, "price" (e.g. 19.99), "compareAtPrice"?, "weight"? {"value", "unit" (kg, lb, g, oz)}, "dimensions"? {"length", "width", "height", "unit" (cm, in, m)}, "stock"?}]}. Every variant names the same options; leave them out for a single-variant product.',
		hint: 'Map your provider\'s fields to this shape in the expression, e.g. {{ { name: $json.title, currency: "USD", variants: $json.variants } }}',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Find SKUs In',
				name: 'skuLookup',
				type: 'options',
				options: [
					{
						name: 'Inventory List',
						value: 'inventory',
						description:
							'GET /products/inventory: a few requests for the whole location (read once per execution)',
					},
					{
						name: 'Prices of Every Product',
						value: 'prices',
						description:
							'Every product and its prices (one request per product, once per execution): also finds prices the inventory list leaves out',
					},
				],
				default: 'inventory',
				description:
					'Where to look for the product that already sells one of the SKUs, before looking for one with the same name',
			},
		],
	},
];

const displayOptions = { show: { resource: ['product'], operation: ['upsertWithVariants'] } };

export const description = updateDisplayOptions(displayOptions, properties);

type SkuIndex = Map<string, string>;

type SkuLookup = 'inventory' | 'prices';

/** SKU → product id, per execution context, location and lookup. */
const skuIndexes = new WeakMap<object, Map<string, Promise<SkuIndex>>>();

/** SKU → product id of `[sku, productId]` pairs (the first product wins). */
function indexOf(pairs: Array<[unknown, unknown]>): SkuIndex {
	const skus: SkuIndex = new Map();
	for (const [rawSku, rawProduct] of pairs) {
		const sku = String(rawSku ?? '').trim();
		const productId = String(rawProduct ?? '');
		if (sku && productId && !skus.has(sku)) skus.set(sku, productId);
	}
	return skus;
}

async function readSkuIndex(
	ctx: HighLevelContext,
	locationId: string,
	lookup: SkuLookup,
	itemIndex: number,
): Promise<SkuIndex> {
	if (lookup === 'inventory') {
		const items = await listInventory(ctx, locationId, { itemIndex });
		return indexOf(items.map((item) => [item.sku, item.product]));
	}
	const pairs: Array<[unknown, unknown]> = [];
	for (const product of await listProducts(ctx, locationId, {}, { itemIndex })) {
		const productId = idOf(product);
		for (const price of await listPrices(ctx, locationId, productId, { itemIndex })) {
			pairs.push([price.sku, productId]);
		}
	}
	return indexOf(pairs);
}

/** The SKU index, read once per execution (the same node run) and location. */
async function skuIndexOf(
	ctx: HighLevelContext,
	locationId: string,
	lookup: SkuLookup,
	itemIndex: number,
): Promise<SkuIndex> {
	let cache = skuIndexes.get(ctx);
	if (!cache) {
		cache = new Map();
		skuIndexes.set(ctx, cache);
	}
	const key = `${lookup}:${locationId}`;
	let index = cache.get(key);
	if (!index) {
		index = readSkuIndex(ctx, locationId, lookup, itemIndex);
		const held = cache;
		index.catch(() => held.delete(key));
		cache.set(key, index);
	}
	return await index;
}

/** The JSON parameter as an object (an expression gives one; typed JSON is text). */
function readInput(ctx: IExecuteFunctions, itemIndex: number): ProviderProduct {
	let value = ctx.getNodeParameter('productJson', itemIndex, {}) as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch (error) {
			fail(ctx, itemIndex, `${PRODUCT_FIELD}: not valid JSON (${(error as Error).message})`);
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		fail(
			ctx,
			itemIndex,
			`${PRODUCT_FIELD}: expected one product object, got ${Array.isArray(value) ? 'a list' : typeof value}`,
		);
	}
	const parsed = parseProviderProduct(value);
	if ('error' in parsed) fail(ctx, itemIndex, `${PRODUCT_FIELD}: ${parsed.error}`);
	return parsed.product;
}

/** The stored product selling one of the SKUs, else the one with the same name. */
async function findProduct(
	ctx: IExecuteFunctions,
	itemIndex: number,
	locationId: string,
	input: ProviderProduct,
	skus: SkuIndex,
): Promise<{ product?: IDataObject; matchedBy: 'sku' | 'name' | null }> {
	const owners = new Map<string, string[]>();
	for (const variant of input.variants) {
		const productId = skus.get(variant.sku);
		if (productId) owners.set(productId, [...(owners.get(productId) ?? []), variant.sku]);
	}
	if (owners.size > 1) {
		const list = [...owners].map(([id, owned]) => `${owned.join(', ')} → ${id}`).join('; ');
		fail(
			ctx,
			itemIndex,
			`${PRODUCT_FIELD}: the SKUs of "${input.name}" belong to ${owners.size} different HighLevel products (${list}); give each product its own SKUs`,
		);
	}
	const byName = async () => {
		const candidates = await listProducts(ctx, locationId, { search: input.name }, { itemIndex });
		return candidates.find(
			(product) => normalizeLabel(product.name) === normalizeLabel(input.name),
		);
	};
	for (const [productId] of owners) {
		let failure: unknown;
		try {
			return { product: await getProduct(ctx, locationId, productId, itemIndex), matchedBy: 'sku' };
		} catch (error) {
			failure = error;
		}
		// Deleted since the inventory was read: look by name instead.
		if (!isNotFoundError(failure)) throw failure;
	}
	const named = await byName();
	if (!named) return { matchedBy: null };
	return { product: await getProduct(ctx, locationId, idOf(named), itemIndex), matchedBy: 'name' };
}

async function upsert(
	ctx: IExecuteFunctions,
	itemIndex: number,
	locationId: string,
	input: ProviderProduct,
	lookup: SkuLookup,
): Promise<IDataObject> {
	const skus = await skuIndexOf(ctx, locationId, lookup, itemIndex);
	const found = await findProduct(ctx, itemIndex, locationId, input, skus);
	const merged = mergeVariants(found.product?.variants, input);
	const image = mainImageOf(input);

	let product: IDataObject;
	let created = false;
	let updated = false;
	let productChangeList: string[] = [];
	if (!found.product) {
		const body: IDataObject = {
			locationId,
			name: input.name,
			productType: input.productType ?? 'PHYSICAL',
			availableInStore: input.availableInStore ?? true,
		};
		if (input.description !== undefined) body.description = input.description;
		if (image) body.image = image;
		const medias = mergeMedias([], input);
		if (medias.length) body.medias = medias as unknown as IDataObject[];
		if (merged.variants.length) body.variants = merged.variants as unknown as IDataObject[];
		product = await highLevelApiRequest<IDataObject>(ctx, {
			method: 'POST',
			endpoint: PRODUCTS_ENDPOINT,
			body,
			itemIndex,
		});
		created = true;
	} else {
		product = found.product;
		productChangeList = productChanges(product, input, merged);
		if (productChangeList.length) {
			const body: IDataObject = {
				productType: 'PHYSICAL',
				...productBodyOf(product),
				locationId,
				name: input.name,
			};
			if (input.description !== undefined) body.description = input.description;
			if (image) body.image = image;
			if (input.productType) body.productType = input.productType;
			if (input.availableInStore !== undefined) body.availableInStore = input.availableInStore;
			const medias = mergeMedias(product.medias, input);
			if (medias.length) body.medias = medias as unknown as IDataObject[];
			if (merged.variants.length) body.variants = merged.variants as unknown as IDataObject[];
			product = await highLevelApiRequest<IDataObject>(ctx, {
				method: 'PUT',
				endpoint: productEndpoint(idOf(found.product)),
				body,
				itemIndex,
			});
			updated = true;
		}
	}
	const productId = idOf(product) || idOf(found.product);
	if (!productId) fail(ctx, itemIndex, `HighLevel returned no product id for "${input.name}"`);

	const stored = created ? [] : await listPrices(ctx, locationId, productId, { itemIndex });
	const bySku = new Map<string, IDataObject>();
	for (const price of stored) {
		const sku = String(price.sku ?? '').trim();
		if (sku && !bySku.has(sku)) bySku.set(sku, price);
	}

	const prices: IDataObject[] = [];
	const stockOnly: IDataObject[] = [];
	for (const variant of input.variants) {
		const desired = desiredPriceOf(input, variant, merged);
		const existing = bySku.get(variant.sku);
		if (!existing) {
			const price = await highLevelApiRequest<IDataObject>(ctx, {
				method: 'POST',
				endpoint: pricesEndpoint(productId),
				body: { ...desired, locationId },
				itemIndex,
			});
			skus.set(variant.sku, productId);
			prices.push({ sku: variant.sku, priceId: idOf(price), outcome: 'created' });
			continue;
		}
		const priceId = idOf(existing);
		const changes = priceChanges(existing, desired);
		if (changes.length === 0) {
			prices.push({ sku: variant.sku, priceId, outcome: 'unchanged' });
			continue;
		}
		if (
			changes.every((change) => change === 'availableQuantity') &&
			existing.trackInventory === true
		) {
			stockOnly.push({ priceId, availableQuantity: desired.availableQuantity });
		} else {
			await highLevelApiRequest<IDataObject>(ctx, {
				method: 'PUT',
				endpoint: priceEndpoint(productId, priceId),
				body: { ...priceBodyOf(existing), ...desired, locationId },
				itemIndex,
			});
		}
		prices.push({ sku: variant.sku, priceId, outcome: 'updated', changes });
	}
	if (stockOnly.length) {
		await highLevelApiRequest(ctx, {
			method: 'POST',
			endpoint: INVENTORY_ENDPOINT,
			body: { altId: locationId, altType: 'location', items: stockOnly },
			itemIndex,
		});
	}

	const result: IDataObject = {
		productId,
		product,
		created,
		updated,
		matchedBy: found.matchedBy,
		prices,
	};
	if (updated) result.productChanges = productChangeList;
	return result;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readInput(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const lookup: SkuLookup = options.skuLookup === 'prices' ? 'prices' : 'inventory';
	const locationId = await getLocationId(this, itemIndex);
	return await withKeyLock(
		`highlevel-product:${locationId}:${normalizeLabel(input.name)}`,
		async () => await upsert(this, itemIndex, locationId, input, lookup),
	);
}
