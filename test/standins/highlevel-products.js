'use strict';
/**
 * HighLevel stand-in handlers for products, prices (variants), inventory and store inclusion
 * (test/standins/specs/highlevel/apps/products.json; reference highlevel.md §2, §3 rows 24-32, §4.8).
 * State lives in each location of the service's state: `products` and `prices` by id, and
 * `storeProducts` (`{storeId: [productId]}`); products and prices name their location with
 * `locationId`, inventory and store calls with `altId`.
 *
 * Answers (statuses and shapes from the spec's responses):
 * - products: create 201 the product; get/update 200 the product; delete 200 `{status: true}` (its
 *   prices go too); list 200 `{products, total: [{total}]}`, filters `search` (name contains, case
 *   ignored), `productIds`, `collectionIds`, `storeId` + `includedInStore`, `availableInStore`,
 *   `sortOrder` (createdAt, default desc), `limit` (0/absent: all) + `offset`. Like the service
 *   (GoHighLevel/highlevel-api-docs#111) the list leaves out `medias`; get returns them.
 * - prices: create 201 the price; get/update 200 the price; delete 200 `{status: true}`; list 200
 *   `{prices, total}` (`ids` comma-separated, `limit`/`offset`). A price keeps every field it was
 *   given, `sku` and `shippingOptions` included (the spec's response DTOs leave them out; the
 *   service returns the stored document).
 * - inventory: list 200 `{inventory: [{_id (price id), name, sku, availableQuantity,
 *   allowOutOfStockPurchases, product, productName, image, updatedAt}], total: {total}}` with every
 *   price of the location (`search` on price name, SKU and product name); bulk update 201
 *   `{status, message}`.
 * - store: include/exclude 201 `{status, message}`.
 * - Unknown product or price: 400 "Product not found" / "Price not found" (BadRequestDTO; the spec
 *   declares 400 "Product not found" for get-product-by-id). Stand-in checks beyond the spec, so a
 *   client bug shows: variant and option ids must be unique within a product (422), a price's
 *   `variantOptionIds` must be option ids of its product (422), inventory and store calls must
 *   name existing prices/products (400, nothing changed).
 */
const { objectId } = require('./ids');

// CreateProductDto / UpdateProductDto fields (a NestJS whitelist keeps only these; `locationId`
// is the partition, `prices` of UpdateProductDto is not stored).
const PRODUCT_FIELDS = [
	'name',
	'description',
	'productType',
	'image',
	'statementDescriptor',
	'availableInStore',
	'medias',
	'variants',
	'collectionIds',
	'isTaxesEnabled',
	'taxes',
	'automaticTaxCategoryId',
	'isLabelEnabled',
	'label',
	'slug',
	'seo',
	'taxInclusive',
];
// CreatePriceDto / UpdatePriceDto fields (without locationId).
const PRICE_FIELDS = [
	'name',
	'type',
	'currency',
	'amount',
	'recurring',
	'description',
	'membershipOffers',
	'trialPeriod',
	'totalCycles',
	'setupFee',
	'variantOptionIds',
	'compareAtPrice',
	'userId',
	'meta',
	'trackInventory',
	'availableQuantity',
	'allowOutOfStockPurchases',
	'sku',
	'shippingOptions',
	'isDigitalProduct',
	'digitalDelivery',
];

const pick = (src, keys) => {
	const out = {};
	for (const k of keys) if (src && src[k] !== undefined) out[k] = src[k];
	return out;
};
const now = () => new Date().toISOString();
const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** The product part of an empty location. */
const emptyProductState = () => ({ products: {}, prices: {}, storeProducts: {} });

function newProduct(locationId, body) {
	const t = now();
	return {
		_id: body._id || objectId(),
		...clone(pick(body, PRODUCT_FIELDS)),
		locationId,
		createdAt: body.createdAt || t,
		updatedAt: body.updatedAt || body.createdAt || t,
	};
}

function newPrice(locationId, productId, body) {
	const t = now();
	return {
		_id: body._id || objectId(),
		membershipOffers: [],
		variantOptionIds: [],
		type: 'one_time',
		...clone(pick(body, PRICE_FIELDS)),
		product: productId,
		locationId,
		createdAt: body.createdAt || t,
		updatedAt: body.updatedAt || body.createdAt || t,
	};
}

/** 422 messages for duplicate variant/option ids of a product (empty when fine). */
function variantProblems(variants) {
	const problems = [];
	const seen = new Set();
	(variants || []).forEach((v, i) => {
		if (seen.has(v.id)) problems.push(`variants.${i}.id "${v.id}" is used twice`);
		seen.add(v.id);
		(v.options || []).forEach((o, j) => {
			if (seen.has(o.id)) problems.push(`variants.${i}.options.${j}.id "${o.id}" is used twice`);
			seen.add(o.id);
		});
	});
	return problems;
}

/** 422 messages for `variantOptionIds` that are not option ids of the product. */
function optionProblems(product, ids) {
	const known = new Set(
		(product.variants || []).flatMap((v) => (v.options || []).map((o) => o.id)),
	);
	return (ids || [])
		.filter((id) => !known.has(id))
		.map((id) => `variantOptionIds: "${id}" is not an option id of product ${product._id}`);
}

/** Seeds `products: [{...CreateProductDto, _id?, prices?: [CreatePriceDto & {_id?}], storeIds?}]`. */
function seedProducts(loc, locationId, products) {
	for (const p of products || []) {
		const product = newProduct(locationId, p);
		const problems = variantProblems(product.variants);
		if (problems.length) throw new Error(`seed: product ${product.name}: ${problems.join('; ')}`);
		loc.products[product._id] = product;
		for (const storeId of p.storeIds || []) {
			(loc.storeProducts[storeId] = loc.storeProducts[storeId] || []).push(product._id);
		}
		for (const pr of p.prices || []) {
			const price = newPrice(locationId, product._id, pr);
			const bad = optionProblems(product, price.variantOptionIds);
			if (bad.length) throw new Error(`seed: price ${price.name}: ${bad.join('; ')}`);
			loc.prices[price._id] = price;
		}
	}
}

/** Comma-separated text or array → strings. */
const list = (v) =>
	(Array.isArray(v) ? v : v === undefined || v === '' ? [] : String(v).split(','))
		.map((s) => String(s).trim())
		.filter(Boolean);

/**
 * @param {{ read: (locationId: string) => object, write: (locationId: string) => object,
 *   err: (status: number, message: string | string[], extra?: object) => object }} h
 *   read: a location's data (unknown → empty, not stored); write: the same, created if missing
 */
function productHandlers({ read, write, err }) {
	const q = (ctx) => ctx.params.query;
	const b = (ctx) => ctx.body || {};
	const p = (ctx) => ctx.pathParams;
	const productNotFound = () => err(400, 'Product not found', { error: 'Bad Request' });
	const priceNotFound = () => err(400, 'Price not found', { error: 'Bad Request' });
	const unprocessable = (messages) => err(422, messages, { error: 'Unprocessable Entity' });
	const slice = (items, query) => {
		const offset = Number(query.offset) || 0;
		const limit = Number(query.limit) || 0; // 0 = server default: everything
		return items.slice(offset, limit ? offset + limit : undefined);
	};
	const byCreated = (items, order = 'asc') => {
		const sorted = items
			.map((item, i) => [item, i])
			.sort(([a, i], [c, j]) =>
				a.createdAt < c.createdAt ? -1 : a.createdAt > c.createdAt ? 1 : i - j,
			)
			.map(([item]) => item);
		return order === 'desc' ? sorted.reverse() : sorted;
	};
	// GoHighLevel/highlevel-api-docs#111: the product list has no `medias`.
	const listed = (product) => {
		const { medias, ...rest } = product;
		return rest;
	};
	const pricesOf = (loc, productId) =>
		byCreated(Object.values(loc.prices).filter((pr) => pr.product === productId));

	return {
		// Products
		'POST /products/': (ctx) => {
			const body = b(ctx);
			const problems = variantProblems(body.variants);
			if (problems.length) return unprocessable(problems);
			const product = newProduct(body.locationId, body);
			write(body.locationId).products[product._id] = product;
			return { status: 201, body: product };
		},
		'GET /products/': (ctx) => {
			const query = q(ctx);
			const loc = read(query.locationId);
			let items = Object.values(loc.products);
			if (query.search) {
				const needle = String(query.search).toLowerCase();
				items = items.filter((pr) =>
					String(pr.name || '')
						.toLowerCase()
						.includes(needle),
				);
			}
			const ids = list(query.productIds);
			if (ids.length) items = items.filter((pr) => ids.includes(pr._id));
			const collections = list(query.collectionIds);
			if (collections.length) {
				items = items.filter((pr) => (pr.collectionIds || []).some((c) => collections.includes(c)));
			}
			if (query.storeId) {
				const inStore = new Set(loc.storeProducts[query.storeId] || []);
				const want = query.includedInStore !== false;
				items = items.filter((pr) => inStore.has(pr._id) === want);
			}
			if (query.availableInStore !== undefined) {
				items = items.filter((pr) => !!pr.availableInStore === query.availableInStore);
			}
			items = byCreated(items, query.sortOrder === 'asc' ? 'asc' : 'desc');
			return {
				status: 200,
				body: { products: slice(items, query).map(listed), total: [{ total: items.length }] },
			};
		},
		'GET /products/{productId}': (ctx) => {
			const product = read(q(ctx).locationId).products[p(ctx).productId];
			return product ? { status: 200, body: product } : productNotFound();
		},
		'PUT /products/{productId}': (ctx) => {
			const body = b(ctx);
			const product = read(body.locationId).products[p(ctx).productId];
			if (!product) return productNotFound();
			const problems = variantProblems(body.variants);
			if (problems.length) return unprocessable(problems);
			Object.assign(product, clone(pick(body, PRODUCT_FIELDS)), { updatedAt: now() });
			return { status: 200, body: product };
		},
		'DELETE /products/{productId}': (ctx) => {
			const loc = read(q(ctx).locationId);
			const id = p(ctx).productId;
			if (!loc.products[id]) return productNotFound();
			delete loc.products[id];
			for (const pr of Object.values(loc.prices)) if (pr.product === id) delete loc.prices[pr._id];
			for (const storeId of Object.keys(loc.storeProducts)) {
				loc.storeProducts[storeId] = loc.storeProducts[storeId].filter((x) => x !== id);
			}
			return { status: 200, body: { status: true } };
		},

		// Prices of a product
		'POST /products/{productId}/price': (ctx) => {
			const body = b(ctx);
			const loc = read(body.locationId);
			const product = loc.products[p(ctx).productId];
			if (!product) return productNotFound();
			const problems = optionProblems(product, body.variantOptionIds);
			if (problems.length) return unprocessable(problems);
			const price = newPrice(body.locationId, product._id, body);
			loc.prices[price._id] = price;
			return { status: 201, body: price };
		},
		'GET /products/{productId}/price': (ctx) => {
			const query = q(ctx);
			const loc = read(query.locationId);
			if (!loc.products[p(ctx).productId]) return productNotFound();
			let items = pricesOf(loc, p(ctx).productId);
			const ids = list(query.ids);
			if (ids.length) items = items.filter((pr) => ids.includes(pr._id));
			return { status: 200, body: { prices: slice(items, query), total: items.length } };
		},
		'GET /products/{productId}/price/{priceId}': (ctx) => {
			const loc = read(q(ctx).locationId);
			if (!loc.products[p(ctx).productId]) return productNotFound();
			const price = loc.prices[p(ctx).priceId];
			return price && price.product === p(ctx).productId
				? { status: 200, body: price }
				: priceNotFound();
		},
		'PUT /products/{productId}/price/{priceId}': (ctx) => {
			const body = b(ctx);
			const loc = read(body.locationId);
			const product = loc.products[p(ctx).productId];
			if (!product) return productNotFound();
			const price = loc.prices[p(ctx).priceId];
			if (!price || price.product !== product._id) return priceNotFound();
			const problems = optionProblems(product, body.variantOptionIds);
			if (problems.length) return unprocessable(problems);
			Object.assign(price, clone(pick(body, PRICE_FIELDS)), { updatedAt: now() });
			return { status: 200, body: price };
		},
		'DELETE /products/{productId}/price/{priceId}': (ctx) => {
			const loc = read(q(ctx).locationId);
			if (!loc.products[p(ctx).productId]) return productNotFound();
			const price = loc.prices[p(ctx).priceId];
			if (!price || price.product !== p(ctx).productId) return priceNotFound();
			delete loc.prices[price._id];
			return { status: 200, body: { status: true } };
		},

		// Inventory: every price of the location
		'GET /products/inventory': (ctx) => {
			const query = q(ctx);
			const loc = read(query.altId);
			const products = byCreated(Object.values(loc.products));
			let items = products.flatMap((product) =>
				pricesOf(loc, product._id).map((pr) => {
					const item = {
						_id: pr._id,
						name: pr.name,
						availableQuantity: typeof pr.availableQuantity === 'number' ? pr.availableQuantity : 0,
						sku: pr.sku || '',
						allowOutOfStockPurchases: !!pr.allowOutOfStockPurchases,
						product: product._id,
						updatedAt: pr.updatedAt,
						productName: product.name,
					};
					if (product.image) item.image = product.image;
					return item;
				}),
			);
			if (query.search) {
				const needle = String(query.search).toLowerCase();
				items = items.filter((i) =>
					[i.name, i.sku, i.productName].some((s) =>
						String(s || '')
							.toLowerCase()
							.includes(needle),
					),
				);
			}
			return {
				status: 200,
				body: { inventory: slice(items, query), total: { total: items.length } },
			};
		},
		'POST /products/inventory': (ctx) => {
			const body = b(ctx);
			const loc = read(body.altId);
			const missing = body.items.filter((i) => !loc.prices[i.priceId]).map((i) => i.priceId);
			if (missing.length)
				return err(400, `Price not found: ${missing.join(', ')}`, { error: 'Bad Request' });
			const t = now();
			for (const i of body.items) {
				const price = loc.prices[i.priceId];
				if (i.availableQuantity !== undefined) price.availableQuantity = i.availableQuantity;
				if (i.allowOutOfStockPurchases !== undefined) {
					price.allowOutOfStockPurchases = i.allowOutOfStockPurchases;
				}
				price.updatedAt = t;
			}
			return { status: 201, body: { status: true, message: 'Inventory updated successfully' } };
		},

		// Store inclusion
		'POST /products/store/{storeId}': (ctx) => {
			const body = b(ctx);
			const loc = read(body.altId);
			const missing = body.productIds.filter((id) => !loc.products[id]);
			if (missing.length) {
				return err(400, `Product not found: ${missing.join(', ')}`, { error: 'Bad Request' });
			}
			const storeId = p(ctx).storeId;
			const current = new Set(loc.storeProducts[storeId] || []);
			for (const id of body.productIds) {
				if (body.action === 'include') current.add(id);
				else current.delete(id);
			}
			loc.storeProducts[storeId] = [...current];
			const verb = body.action === 'include' ? 'included in' : 'excluded from';
			return {
				status: 201,
				body: { status: true, message: `Products ${verb} the store successfully` },
			};
		},
	};
}

module.exports = { emptyProductState, seedProducts, productHandlers, PRODUCT_FIELDS, PRICE_FIELDS };
