/**
 * Products, prices (variants), inventory and store inclusion: endpoints, paged lists and the input
 * parsing shared by the Product, Price, Inventory and Store operations.
 * Source: test/standins/specs/highlevel/apps/products.json (`Version: 2021-07-28`, added by the
 * transport) and docs/reference/highlevel.md §2, §3 rows 24-32, §4.8.
 *
 * - Products and prices name the location with `locationId` (query for GET/DELETE, body for
 *   POST/PUT); inventory and store inclusion with `altId` + `altType=location`.
 * - Lists are offset-paged (`limit`/`offset`); their totals come in three shapes: products
 *   `{products[], total: [{total}]}`, prices `{prices[], total}`, inventory `{inventory[], total: {total}}`.
 * - Variant and option ids are made by the client (§4.8). Ids made here are derived from the option
 *   name and value (a short SHA-256), so the same input always gets the same ids.
 * - Money (`amount`, `compareAtPrice`) is a decimal in major units of `currency`, e.g. 19.99 USD.
 *   Weights `{value, unit kg|lb|g|oz}`, dimensions `{length, width, height, unit cm|in|m}`.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { HighLevelContext, HighLevelRequest } from '../../../nodes/shared/highlevel/transport';
import { highLevelApiRequest } from '../../../nodes/shared/highlevel/transport';
import { asList, fail, parseHttpUrl } from './utils';

export const PRODUCTS_ENDPOINT = '/products/';
export const INVENTORY_ENDPOINT = '/products/inventory';
export const productEndpoint = (productId: string) => `/products/${encodeURIComponent(productId)}`;
export const pricesEndpoint = (productId: string) => `${productEndpoint(productId)}/price`;
export const priceEndpoint = (productId: string, priceId: string) =>
	`${pricesEndpoint(productId)}/${encodeURIComponent(priceId)}`;
export const storeEndpoint = (storeId: string) => `/products/store/${encodeURIComponent(storeId)}`;

export const PRODUCT_TYPES = ['PHYSICAL', 'DIGITAL', 'SERVICE', 'PHYSICAL/DIGITAL'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
export const PRICE_TYPES = ['one_time', 'recurring'] as const;
export const WEIGHT_UNITS = ['kg', 'lb', 'g', 'oz'] as const;
export type PriceWeightUnit = (typeof WEIGHT_UNITS)[number];
export const DIMENSION_UNITS = ['cm', 'in', 'm'] as const;
export type PriceDimensionUnit = (typeof DIMENSION_UNITS)[number];
export const RECURRING_INTERVALS = ['day', 'week', 'month', 'year'] as const;

/** Page size asked of the product, price and inventory lists. */
export const PRODUCTS_PAGE_SIZE = 100;

export interface VariantOption {
	id: string;
	name: string;
}

/** ProductVariantDto: one option dimension (e.g. Size) and its values. */
export interface ProductVariant {
	id: string;
	name: string;
	options: VariantOption[];
}

/** ProductMediaDto (without `priceIds`). */
export interface ProductMedia {
	id: string;
	url: string;
	type: 'image' | 'video';
	title?: string;
	isFeatured?: boolean;
}

export interface PriceWeight {
	value: number;
	unit: PriceWeightUnit;
}

export interface PriceDimensions {
	length: number;
	width: number;
	height: number;
	unit: PriceDimensionUnit;
}

export interface PriceShippingOptions {
	weight?: PriceWeight;
	dimensions?: PriceDimensions;
}

// ---- ids -------------------------------------------------------------------------------------

/** 11 lowercase hex characters of SHA-256 over the parts (like HighLevel's 11-character ids). */
export function stableId(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 11);
}

/** Options and values match case-insensitively, ignoring surrounding and repeated spaces. */
export const normalizeLabel = (value: unknown) =>
	String(value ?? '')
		.trim()
		.replace(/\s+/g, ' ')
		.toLowerCase();

export const variantIdFor = (name: string) => stableId('variant', normalizeLabel(name));
export const optionIdFor = (name: string, value: string) =>
	stableId('option', normalizeLabel(name), normalizeLabel(value));
export const mediaIdFor = (url: string) => stableId('media', url.trim());

// ---- lists -----------------------------------------------------------------------------------

/** `total` of a list answer: a number, `[{total}]` (products) or `{total}` (inventory). */
export function totalOf(response: IDataObject | undefined): number | undefined {
	const raw = response?.total;
	const value = Array.isArray(raw)
		? (raw[0] as IDataObject | undefined)?.total
		: raw && typeof raw === 'object'
			? (raw as IDataObject).total
			: raw;
	const total = typeof value === 'string' ? Number(value) : value;
	return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
}

/**
 * Every item of an offset-paged list (`limit` + `offset`), up to `max`. Stops on an empty page,
 * when the total is reached (a short page when there is none), on a page longer than asked, or
 * after `max` items.
 */
export async function listPaged(
	ctx: HighLevelContext,
	request: HighLevelRequest,
	itemsKey: string,
	options: { max?: number; pageSize?: number } = {},
): Promise<IDataObject[]> {
	const max = options.max !== undefined && options.max > 0 ? options.max : undefined;
	const pageSize = Math.max(1, Math.min(options.pageSize ?? PRODUCTS_PAGE_SIZE, max ?? Infinity));
	const items: IDataObject[] = [];
	let offset = 0;
	for (;;) {
		const response = await highLevelApiRequest<IDataObject>(ctx, {
			...request,
			qs: { ...request.qs, limit: pageSize, offset },
		});
		const page = Array.isArray(response?.[itemsKey]) ? (response[itemsKey] as IDataObject[]) : [];
		items.push(...page);
		offset += page.length;
		const total = totalOf(response);
		if (page.length === 0 || page.length > pageSize) break;
		if (max !== undefined && items.length >= max) break;
		if (total !== undefined ? offset >= total : page.length < pageSize) break;
	}
	return max !== undefined ? items.slice(0, max) : items;
}

export interface ProductFilters {
	search?: string;
	storeId?: string;
	includedInStore?: boolean;
	availableInStore?: boolean;
	sortOrder?: 'asc' | 'desc';
	productIds?: string[];
}

/** GET /products/ (list-invoices, i.e. list products): `{products[], total: [{total}]}`. */
export async function listProducts(
	ctx: HighLevelContext,
	locationId: string,
	filters: ProductFilters = {},
	options: { max?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const qs: IDataObject = { locationId };
	for (const [key, value] of Object.entries(filters)) {
		if (value === undefined || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		qs[key] = value as IDataObject[keyof IDataObject];
	}
	return await listPaged(
		ctx,
		{ method: 'GET', endpoint: PRODUCTS_ENDPOINT, qs, itemIndex: options.itemIndex },
		'products',
		{ max: options.max },
	);
}

/** GET /products/{productId}/price (list-prices-for-product): `{prices[], total}`. */
export async function listPrices(
	ctx: HighLevelContext,
	locationId: string,
	productId: string,
	options: { ids?: string[]; max?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const qs: IDataObject = { locationId };
	if (options.ids?.length) qs.ids = options.ids.join(',');
	return await listPaged(
		ctx,
		{ method: 'GET', endpoint: pricesEndpoint(productId), qs, itemIndex: options.itemIndex },
		'prices',
		{ max: options.max },
	);
}

/** GET /products/inventory (get-list-inventory): `{inventory[], total: {total}}`. */
export async function listInventory(
	ctx: HighLevelContext,
	locationId: string,
	options: { search?: string; max?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const qs: IDataObject = { altId: locationId, altType: 'location' };
	if (options.search) qs.search = options.search;
	return await listPaged(
		ctx,
		{ method: 'GET', endpoint: INVENTORY_ENDPOINT, qs, itemIndex: options.itemIndex },
		'inventory',
		{ max: options.max },
	);
}

/** GET /products/{productId} (get-product-by-id): the product itself. */
export async function getProduct(
	ctx: HighLevelContext,
	locationId: string,
	productId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await highLevelApiRequest<IDataObject>(ctx, {
		method: 'GET',
		endpoint: productEndpoint(productId),
		qs: { locationId },
		itemIndex,
	});
}

/** GET /products/{productId}/price/{priceId} (get-price-by-id-for-product): the price itself. */
export async function getPrice(
	ctx: HighLevelContext,
	locationId: string,
	productId: string,
	priceId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await highLevelApiRequest<IDataObject>(ctx, {
		method: 'GET',
		endpoint: priceEndpoint(productId, priceId),
		qs: { locationId },
		itemIndex,
	});
}

// ---- bodies ----------------------------------------------------------------------------------

/** UpdateProductDto fields carried over from the stored product when only some are changed. */
export const PRODUCT_BODY_FIELDS = [
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
	'slug',
	'taxInclusive',
] as const;

/** UpdatePriceDto fields carried over from the stored price (`meta` is left out: highlevel.md §4.8). */
export const PRICE_BODY_FIELDS = [
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
	'trackInventory',
	'availableQuantity',
	'allowOutOfStockPurchases',
	'sku',
	'shippingOptions',
	'isDigitalProduct',
] as const;

/** Only ProductVariantDto's fields (`id`, `name`, `options[{id, name}]`) of stored variants. */
export function cleanVariants(value: unknown): ProductVariant[] {
	if (!Array.isArray(value)) return [];
	return (value as IDataObject[])
		.filter((variant) => variant && typeof variant === 'object')
		.map((variant) => ({
			id: String(variant.id ?? ''),
			name: String(variant.name ?? ''),
			options: (Array.isArray(variant.options) ? (variant.options as IDataObject[]) : [])
				.filter((option) => option && typeof option === 'object')
				.map((option) => ({ id: String(option.id ?? ''), name: String(option.name ?? '') })),
		}));
}

/** Only ProductMediaDto's fields of stored medias (`priceIds` left out). */
export function cleanMedias(value: unknown): ProductMedia[] {
	if (!Array.isArray(value)) return [];
	return (value as IDataObject[])
		.filter((media) => media && typeof media === 'object' && media.url)
		.map((media) => {
			const clean: ProductMedia = {
				id: String(media.id ?? mediaIdFor(String(media.url))),
				url: String(media.url),
				type: media.type === 'video' ? 'video' : 'image',
			};
			if (typeof media.title === 'string') clean.title = media.title;
			if (typeof media.isFeatured === 'boolean') clean.isFeatured = media.isFeatured;
			return clean;
		});
}

/** The stored product's updatable fields (for a PUT that changes only some of them). */
export function productBodyOf(product: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of PRODUCT_BODY_FIELDS) {
		const value = product[key];
		if (value === undefined || value === null) continue;
		if (key === 'variants') body.variants = cleanVariants(value) as unknown as IDataObject[];
		else if (key === 'medias') body.medias = cleanMedias(value) as unknown as IDataObject[];
		else body[key] = value;
	}
	return body;
}

/** The stored price's updatable fields (`type` also from the webhook spelling `priceType`). */
export function priceBodyOf(price: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of PRICE_BODY_FIELDS) {
		const value = key === 'type' ? (price.type ?? price.priceType) : price[key];
		if (value !== undefined && value !== null) body[key] = value;
	}
	return body;
}

// ---- node input ------------------------------------------------------------------------------

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** Comma-separated text or an array → trimmed non-empty strings. */
export function parseIdList(value: unknown): string[] {
	const parts = Array.isArray(value) ? (value as unknown[]) : String(value ?? '').split(',');
	return parts.map((part) => text(part)).filter((part) => part !== '');
}

/** A finite number (numeric strings too), or undefined when empty. */
function toNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || text(value) === '') return undefined;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : Number.NaN;
}

/** A number ≥ 0 (or > 0 with `positive`); the message names the field. */
export function parseAmount(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: unknown,
	hint: string,
	positive = false,
): number {
	const number = toNumber(value);
	if (number === undefined || Number.isNaN(number) || number < 0 || (positive && number === 0)) {
		fail(
			ctx,
			itemIndex,
			`${displayName}: "${String(value ?? '')}" is not a number ${positive ? '> 0' : '≥ 0'} (${hint})`,
		);
	}
	return number;
}

/** A whole number ≥ 0 (stock quantities). */
export function parseQuantity(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: unknown,
): number {
	const number = toNumber(value);
	if (number === undefined || Number.isNaN(number) || number < 0 || !Number.isInteger(number)) {
		fail(ctx, itemIndex, `${displayName}: "${String(value ?? '')}" is not a whole number ≥ 0`);
	}
	return number;
}

/**
 * `{variant: [{name, options: "S, M, L"}]}` (fixed collection) or `[{name, options: ["S"] |
 * [{id?, name}]}]` (expression) → ProductVariantDto[]; ids given in the expression are kept, the
 * others derived from the name and value. Empty rows are skipped.
 */
export function parseVariants(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): ProductVariant[] {
	const variants: ProductVariant[] = [];
	asList(value, 'variant').forEach((row, index) => {
		const name = text(row.name);
		const rawOptions = Array.isArray(row.options)
			? (row.options as unknown[])
			: String(row.options ?? '').split(',');
		const options = rawOptions
			.map((option) =>
				option && typeof option === 'object'
					? { id: text((option as IDataObject).id), name: text((option as IDataObject).name) }
					: { id: '', name: text(option) },
			)
			.filter((option) => option.name !== '');
		if (!name && options.length === 0) return;
		if (!name) fail(ctx, itemIndex, `Variants: item ${index + 1} needs a name (e.g. Size)`);
		if (options.length === 0) {
			fail(
				ctx,
				itemIndex,
				`Variants: item ${index + 1} ("${name}") needs at least one option (e.g. S, M, L)`,
			);
		}
		if (variants.some((variant) => normalizeLabel(variant.name) === normalizeLabel(name))) {
			fail(ctx, itemIndex, `Variants: "${name}" is given twice`);
		}
		const seen = new Set<string>();
		for (const option of options) {
			const key = normalizeLabel(option.name);
			if (seen.has(key)) {
				fail(ctx, itemIndex, `Variants: option "${option.name}" of "${name}" is given twice`);
			}
			seen.add(key);
		}
		variants.push({
			id: text(row.id) || variantIdFor(name),
			name,
			options: options.map((option) => ({
				id: option.id || optionIdFor(name, option.name),
				name: option.name,
			})),
		});
	});
	return variants;
}

/** `{media: [{url, type, title, isFeatured}]}` or `[...]` → ProductMediaDto[] (http(s) URLs). */
export function parseMedias(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): ProductMedia[] {
	const medias: ProductMedia[] = [];
	asList(value, 'media').forEach((row, index) => {
		const url = text(row.url);
		if (!url) {
			if (text(row.title)) fail(ctx, itemIndex, `Media: item ${index + 1} needs a URL`);
			return;
		}
		parseHttpUrl(ctx, itemIndex, 'Media', url);
		const media: ProductMedia = {
			id: text(row.id) || mediaIdFor(url),
			url,
			type: row.type === 'video' ? 'video' : 'image',
		};
		if (text(row.title)) media.title = text(row.title);
		if (typeof row.isFeatured === 'boolean') media.isFeatured = row.isFeatured;
		medias.push(media);
	});
	return medias;
}

/** One row of a single-value fixed collection (`{weight: {...}}`) or the object itself. */
function singleRow(value: unknown, key: string): IDataObject | undefined {
	const rows = asList(value, key);
	if (rows.length) return rows[0];
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** `{weight: {value, unit}}` / `{value, unit}` → WeightOptionsDto, undefined when empty. */
export function parseWeight(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): PriceWeight | undefined {
	const row = singleRow(value, 'weight');
	if (!row || text(row.value) === '') return undefined;
	const unit = text(row.unit).toLowerCase() || 'g';
	if (!(WEIGHT_UNITS as readonly string[]).includes(unit)) {
		fail(ctx, itemIndex, `Weight: unit "${unit}" is not one of ${WEIGHT_UNITS.join(', ')}`);
	}
	return {
		value: parseAmount(ctx, itemIndex, 'Weight', row.value, 'weight of one unit, e.g. 180', true),
		unit: unit as PriceWeightUnit,
	};
}

/** `{dimensions: {length, width, height, unit}}` / the object → PriceDimensionsDto or undefined. */
export function parseDimensions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): PriceDimensions | undefined {
	const row = singleRow(value, 'dimensions');
	if (!row) return undefined;
	const sides = ['length', 'width', 'height'] as const;
	if (sides.every((side) => text(row[side]) === '' || Number(row[side]) === 0)) return undefined;
	const unit = text(row.unit).toLowerCase() || 'cm';
	if (!(DIMENSION_UNITS as readonly string[]).includes(unit)) {
		fail(ctx, itemIndex, `Dimensions: unit "${unit}" is not one of ${DIMENSION_UNITS.join(', ')}`);
	}
	const [length, width, height] = sides.map((side) =>
		parseAmount(ctx, itemIndex, `Dimensions: ${side}`, row[side], 'e.g. 30', true),
	);
	return { length, width, height, unit: unit as PriceDimensionUnit };
}

/**
 * The optional CreatePriceDto/UpdatePriceDto fields of the node's "Additional Fields" /
 * "Update Fields" (compare-at price, SKU, option ids, stock, description, weight, dimensions).
 */
export function parsePriceExtras(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	current: IDataObject = {},
): IDataObject {
	const body: IDataObject = {};
	if (fields.compareAtPrice !== undefined && text(fields.compareAtPrice) !== '') {
		body.compareAtPrice = parseAmount(
			ctx,
			itemIndex,
			'Compare At Price',
			fields.compareAtPrice,
			'the higher "was" price in major units, e.g. 24.99',
		);
	}
	if (fields.sku !== undefined) body.sku = text(fields.sku);
	if (fields.description !== undefined) body.description = String(fields.description);
	if (fields.variantOptionIds !== undefined) {
		body.variantOptionIds = parseIdList(fields.variantOptionIds);
	}
	if (fields.trackInventory !== undefined) body.trackInventory = fields.trackInventory === true;
	if (fields.availableQuantity !== undefined && text(fields.availableQuantity) !== '') {
		body.availableQuantity = parseQuantity(
			ctx,
			itemIndex,
			'Available Quantity',
			fields.availableQuantity,
		);
	}
	if (fields.allowOutOfStockPurchases !== undefined) {
		body.allowOutOfStockPurchases = fields.allowOutOfStockPurchases === true;
	}
	const weight =
		fields.weight !== undefined ? parseWeight(ctx, itemIndex, fields.weight) : undefined;
	const dimensions =
		fields.dimensions !== undefined
			? parseDimensions(ctx, itemIndex, fields.dimensions)
			: undefined;
	if (weight || dimensions) {
		const stored = (current.shippingOptions ?? {}) as IDataObject;
		const shippingOptions: IDataObject = {};
		const keptWeight = weight ?? stored.weight;
		const keptDimensions = dimensions ?? stored.dimensions;
		if (keptWeight) shippingOptions.weight = keptWeight as IDataObject;
		if (keptDimensions) shippingOptions.dimensions = keptDimensions as IDataObject;
		body.shippingOptions = shippingOptions;
	}
	return body;
}

/** `recurring {interval, intervalCount}` for a recurring price. */
export function parseRecurring(
	ctx: IExecuteFunctions,
	itemIndex: number,
	interval: unknown,
	intervalCount: unknown,
): IDataObject {
	const unit = text(interval);
	if (!(RECURRING_INTERVALS as readonly string[]).includes(unit)) {
		fail(
			ctx,
			itemIndex,
			`Billing Interval: "${unit}" is not one of ${RECURRING_INTERVALS.join(', ')}`,
		);
	}
	const count = toNumber(intervalCount);
	if (count === undefined || Number.isNaN(count) || count < 1 || !Number.isInteger(count)) {
		fail(
			ctx,
			itemIndex,
			`Billing Interval Count: "${String(intervalCount ?? '')}" is not a whole number ≥ 1`,
		);
	}
	return { interval: unit, intervalCount: count };
}
