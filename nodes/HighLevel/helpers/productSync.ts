/**
 * The provider product accepted by Product → Upsert Product with Variants, and the pure parts of
 * the upsert: merging option dimensions into a product's variants with stable ids, the price each
 * variant needs, and what differs from what HighLevel holds.
 * Source: test/standins/specs/highlevel/apps/products.json (CreateProductDto, ProductVariantDto,
 * CreatePriceDto, ShippingOptionsDto) and docs/reference/highlevel.md §4.8.
 *
 * Input (one per product; unknown keys are ignored):
 *   { name, description?, productType? (PHYSICAL|DIGITAL|SERVICE|PHYSICAL/DIGITAL, default
 *     PHYSICAL), imageUrl?, images?: [url], availableInStore? (default true on create),
 *     currency (ISO 4217),
 *     variants: [{ sku, options?: {"Size": "M", "Color": "Red"} (empty for a single-variant
 *       product), price (decimal in major units, e.g. 19.99 or "19.99"), compareAtPrice?,
 *       weight?: {value, unit kg|lb|g|oz}, dimensions?: {length, width, height, unit cm|in|m},
 *       stock? (whole number ≥ 0) }] }
 * Every variant names the same options; SKUs and option combinations are unique.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { fromMinorUnits, toMinorUnits } from '../../../nodes/shared/core/money';
import { fieldPath } from '../../../nodes/shared/core/schemas';
import type { ProductMedia, ProductVariant } from './products';
import {
	DIMENSION_UNITS,
	PRODUCT_TYPES,
	WEIGHT_UNITS,
	cleanMedias,
	cleanVariants,
	mediaIdFor,
	normalizeLabel,
	optionIdFor,
	stableId,
	variantIdFor,
} from './products';

const isNumeric = (value: string) => value.trim() !== '' && Number.isFinite(Number(value.trim()));
/** Numeric strings become numbers; anything else is left for the schema to judge. */
const numeric = (value: unknown) =>
	typeof value === 'string' && isNumeric(value) ? Number(value.trim()) : value;
/** `null` and `""` count as absent. */
const absent = (value: unknown) => (value === null || value === '' ? undefined : value);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(absent, schema.optional());

const money = (what: string) =>
	z.preprocess(
		numeric,
		z
			.number({
				required_error: `enter the ${what}`,
				invalid_type_error: `${what} must be a decimal amount in major units, e.g. 19.99`,
			})
			.finite()
			.nonnegative(`${what} must be ≥ 0`),
	);

const positive = (what: string) =>
	z.preprocess(
		numeric,
		z
			.number({
				required_error: `enter the ${what}`,
				invalid_type_error: `${what} must be a number`,
			})
			.finite()
			.positive(`${what} must be > 0`),
	);

const lowerCase = (value: unknown) =>
	typeof value === 'string' ? value.trim().toLowerCase() : value;
const upperCase = (value: unknown) =>
	typeof value === 'string' ? value.trim().toUpperCase() : value;

const isHttpUrl = (value: string) => {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
};
const httpUrl = z
	.string({ invalid_type_error: 'must be a URL' })
	.trim()
	.refine(isHttpUrl, 'must be an absolute http(s) URL');

const text = (what: string) =>
	z.preprocess(
		(value) => (typeof value === 'number' ? String(value) : value),
		z
			.string({ required_error: `enter the ${what}`, invalid_type_error: `${what} must be text` })
			.trim()
			.min(1, `enter the ${what}`),
	);

export const ProviderWeightSchema = z.object({
	value: positive('weight value'),
	unit: z.preprocess(
		lowerCase,
		z.enum(WEIGHT_UNITS, {
			errorMap: () => ({ message: `unit must be one of ${WEIGHT_UNITS.join(', ')}` }),
		}),
	),
});

export const ProviderDimensionsSchema = z.object({
	length: positive('length'),
	width: positive('width'),
	height: positive('height'),
	unit: z.preprocess(
		lowerCase,
		z.enum(DIMENSION_UNITS, {
			errorMap: () => ({ message: `unit must be one of ${DIMENSION_UNITS.join(', ')}` }),
		}),
	),
});

export const ProviderVariantSchema = z.object({
	sku: text('SKU'),
	options: z.preprocess(
		(value) => absent(value) ?? {},
		z.record(
			z.string(),
			z.preprocess(
				(value) => (typeof value === 'number' ? String(value) : value),
				z
					.string({ invalid_type_error: 'option values must be text' })
					.trim()
					.min(1, 'option values must not be empty'),
			),
			{ invalid_type_error: 'options must be an object like {"Size": "M", "Color": "Red"}' },
		),
	),
	price: money('price'),
	compareAtPrice: optional(money('compareAtPrice')),
	weight: optional(ProviderWeightSchema),
	dimensions: optional(ProviderDimensionsSchema),
	stock: optional(
		z.preprocess(
			numeric,
			z
				.number({ invalid_type_error: 'stock must be a whole number' })
				.int('stock must be a whole number')
				.nonnegative('stock must be ≥ 0'),
		),
	),
});

export const ProviderProductSchema = z
	.object({
		name: text('product name'),
		description: optional(z.string({ invalid_type_error: 'description must be text' })),
		productType: optional(
			z.preprocess(
				upperCase,
				z.enum(PRODUCT_TYPES, {
					errorMap: () => ({ message: `productType must be one of ${PRODUCT_TYPES.join(', ')}` }),
				}),
			),
		),
		imageUrl: optional(httpUrl),
		images: optional(z.array(httpUrl, { invalid_type_error: 'images must be a list of URLs' })),
		availableInStore: optional(
			z.boolean({ invalid_type_error: 'availableInStore must be true or false' }),
		),
		currency: z.preprocess(
			upperCase,
			z
				.string({ required_error: 'enter the currency (ISO 4217, e.g. USD)' })
				.regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO 4217 code (e.g. USD)'),
		),
		variants: z
			.array(ProviderVariantSchema, {
				required_error:
					'add at least one variant (a single-variant product has one, with no options)',
				invalid_type_error: 'variants must be a list',
			})
			.min(1, 'add at least one variant (a single-variant product has one, with no options)'),
	})
	.superRefine((product, ctx) => {
		// The first variant's option names are the product's options.
		const names = optionNamesOf({ variants: product.variants.slice(0, 1) });
		const skus = new Map<string, number>();
		const combos = new Map<string, number>();
		product.variants.forEach((variant, index) => {
			const first = skus.get(variant.sku);
			if (first !== undefined) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['variants', index, 'sku'],
					message: `SKU "${variant.sku}" is also the SKU of variant ${first + 1}`,
				});
			} else skus.set(variant.sku, index);
			const own = Object.keys(variant.options).map(normalizeLabel);
			if (Object.keys(variant.options).some((name) => normalizeLabel(name) === '')) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['variants', index, 'options'],
					message: 'option names must not be empty',
				});
				return;
			}
			const same =
				own.length === names.length &&
				new Set(own).size === own.length &&
				names.every((name) => own.includes(normalizeLabel(name)));
			if (!same) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['variants', index, 'options'],
					message: `every variant must name the options of variant 1 (${names.join(', ') || 'none'}); this one names ${Object.keys(variant.options).join(', ') || 'none'}`,
				});
				return;
			}
			const combo = names.map((name) => normalizeLabel(optionValue(variant, name))).join('\u0000');
			const twin = combos.get(combo);
			if (twin !== undefined && names.length > 0) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['variants', index, 'options'],
					message: `the same options as variant ${twin + 1}`,
				});
			} else if (names.length === 0 && product.variants.length > 1 && index > 0) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['variants', index, 'options'],
					message:
						'a product with several variants needs options telling them apart (e.g. {"Size": "M"})',
				});
			} else combos.set(combo, index);
		});
	});

export type ProviderProduct = z.infer<typeof ProviderProductSchema>;
export type ProviderVariant = z.infer<typeof ProviderVariantSchema>;

/** The parsed product, or one line naming every failing field (`variants[1].sku: enter the SKU`). */
export function parseProviderProduct(
	value: unknown,
): { product: ProviderProduct } | { error: string } {
	const parsed = ProviderProductSchema.safeParse(value);
	if (parsed.success) return { product: parsed.data };
	return {
		error: parsed.error.issues
			.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`)
			.join('; '),
	};
}

/** Option names in order of first appearance (first spelling wins). */
export function optionNamesOf(product: Pick<ProviderProduct, 'variants'>): string[] {
	const names: string[] = [];
	for (const variant of product.variants) {
		for (const name of Object.keys(variant.options)) {
			const clean = name.trim().replace(/\s+/g, ' ');
			if (clean && !names.some((known) => normalizeLabel(known) === normalizeLabel(clean))) {
				names.push(clean);
			}
		}
	}
	return names;
}

/** The variant's value for an option name (matched case-insensitively). */
export function optionValue(variant: Pick<ProviderVariant, 'options'>, name: string): string {
	const key = Object.keys(variant.options).find(
		(own) => normalizeLabel(own) === normalizeLabel(name),
	);
	return key === undefined ? '' : variant.options[key].trim();
}

const optionKey = (name: string, value: string) =>
	`${normalizeLabel(name)}\u0000${normalizeLabel(value)}`;

export interface MergedVariants {
	variants: ProductVariant[];
	/** Option id by option name and value. */
	optionId: (name: string, value: string) => string;
}

/**
 * The product's variants with every option name and value of the input added: existing variants
 * and options keep their ids (HighLevel's, or ours from an earlier run), new ones get ids derived
 * from the name and value. Nothing is removed, so existing prices keep their options.
 */
export function mergeVariants(existing: unknown, product: ProviderProduct): MergedVariants {
	const variants = cleanVariants(existing);
	const ids = new Map<string, string>();
	const usedIds = new Set(
		variants.flatMap((variant) => [variant.id, ...variant.options.map((option) => option.id)]),
	);
	// A derived id already used by another variant or option (practically never) is derived again.
	const fresh = (id: string) => {
		let candidate = id;
		for (let n = 2; usedIds.has(candidate); n++) candidate = stableId(id, String(n));
		usedIds.add(candidate);
		return candidate;
	};
	for (const variant of variants) {
		for (const option of variant.options) ids.set(optionKey(variant.name, option.name), option.id);
	}
	for (const name of optionNamesOf(product)) {
		let variant = variants.find((known) => normalizeLabel(known.name) === normalizeLabel(name));
		if (!variant) {
			variant = { id: fresh(variantIdFor(name)), name, options: [] };
			variants.push(variant);
		}
		for (const item of product.variants) {
			const value = optionValue(item, name);
			const key = optionKey(name, value);
			if (!value || ids.has(key)) continue;
			const option = { id: fresh(optionIdFor(name, value)), name: value };
			variant.options.push(option);
			ids.set(key, option.id);
		}
	}
	return { variants, optionId: (name, value) => ids.get(optionKey(name, value)) ?? '' };
}

/** The main image: `imageUrl`, else the first of `images`. */
export const mainImageOf = (product: ProviderProduct) => product.imageUrl ?? product.images?.[0];

/** `imageUrl` and `images` as ProductMediaDto, the main image featured, added to `existing`. */
export function mergeMedias(existing: unknown, product: ProviderProduct): ProductMedia[] {
	const medias = cleanMedias(existing);
	const main = mainImageOf(product);
	const urls = [...(product.imageUrl ? [product.imageUrl] : []), ...(product.images ?? [])];
	for (const url of urls) {
		if (medias.some((media) => media.url === url)) continue;
		const media: ProductMedia = { id: mediaIdFor(url), url, type: 'image' };
		if (medias.length === 0 || url === main) media.isFeatured = url === main;
		medias.push(media);
	}
	return medias;
}

/** Amount rounded to the currency's minor unit (19.999 USD → 20). */
export function roundMoney(amount: number, currency: string): number {
	return fromMinorUnits(toMinorUnits(amount, currency), currency);
}

/** The price (CreatePriceDto without `locationId`) one variant needs. */
export function desiredPriceOf(
	product: ProviderProduct,
	variant: ProviderVariant,
	merged: MergedVariants,
): IDataObject {
	const names = optionNamesOf(product);
	const values = names.map((name) => optionValue(variant, name));
	const price: IDataObject = {
		name: values.length ? values.join(' / ') : product.name,
		type: 'one_time',
		currency: product.currency,
		amount: roundMoney(variant.price, product.currency),
		variantOptionIds: names.map((name, index) => merged.optionId(name, values[index])),
		sku: variant.sku,
	};
	if (variant.compareAtPrice !== undefined) {
		price.compareAtPrice = roundMoney(variant.compareAtPrice, product.currency);
	}
	if (variant.stock !== undefined) {
		price.trackInventory = true;
		price.availableQuantity = variant.stock;
	}
	if (variant.weight || variant.dimensions) {
		const shippingOptions: IDataObject = {};
		if (variant.weight) shippingOptions.weight = { ...variant.weight };
		if (variant.dimensions) shippingOptions.dimensions = { ...variant.dimensions };
		price.shippingOptions = shippingOptions;
	}
	return price;
}

const sameNumber = (a: unknown, b: unknown) =>
	typeof a === 'number' || typeof a === 'string' ? Math.abs(Number(a) - Number(b)) < 1e-9 : a === b;

const sameMoney = (stored: unknown, wanted: number, currency: string) => {
	const value = typeof stored === 'string' ? Number(stored) : stored;
	if (typeof value !== 'number' || !Number.isFinite(value)) return false;
	try {
		return toMinorUnits(value, currency) === toMinorUnits(wanted, currency);
	} catch {
		return false;
	}
};

const sameMeasure = (stored: unknown, wanted: IDataObject) => {
	if (!stored || typeof stored !== 'object') return false;
	const have = stored as IDataObject;
	return Object.entries(wanted).every(([key, value]) =>
		key === 'unit' ? String(have.unit ?? '').toLowerCase() === value : sameNumber(have[key], value),
	);
};

const sortedIds = (value: unknown) =>
	(Array.isArray(value) ? value.map(String) : []).sort().join(',');

/**
 * Fields of `desired` (see desiredPriceOf) that differ from the stored price. Fields the input does
 * not set (compare-at price, stock, weight, dimensions) are not compared.
 */
export function priceChanges(stored: IDataObject, desired: IDataObject): string[] {
	const currency = String(desired.currency);
	const changes: string[] = [];
	if (String(stored.name ?? '').trim() !== desired.name) changes.push('name');
	if (String(stored.type ?? stored.priceType ?? 'one_time') !== desired.type) changes.push('type');
	if (String(stored.currency ?? '').toUpperCase() !== currency) changes.push('currency');
	if (!sameMoney(stored.amount, desired.amount as number, currency)) changes.push('amount');
	if (sortedIds(stored.variantOptionIds) !== sortedIds(desired.variantOptionIds)) {
		changes.push('variantOptionIds');
	}
	if (String(stored.sku ?? '').trim() !== desired.sku) changes.push('sku');
	if (
		desired.compareAtPrice !== undefined &&
		!sameMoney(stored.compareAtPrice, desired.compareAtPrice as number, currency)
	) {
		changes.push('compareAtPrice');
	}
	if (desired.trackInventory !== undefined && stored.trackInventory !== desired.trackInventory) {
		changes.push('trackInventory');
	}
	if (
		desired.availableQuantity !== undefined &&
		!sameNumber(stored.availableQuantity ?? null, desired.availableQuantity)
	) {
		changes.push('availableQuantity');
	}
	const wanted = desired.shippingOptions as IDataObject | undefined;
	const have = (stored.shippingOptions ?? {}) as IDataObject;
	if (wanted?.weight && !sameMeasure(have.weight, wanted.weight as IDataObject)) {
		changes.push('shippingOptions.weight');
	}
	if (wanted?.dimensions && !sameMeasure(have.dimensions, wanted.dimensions as IDataObject)) {
		changes.push('shippingOptions.dimensions');
	}
	return changes;
}

const variantsKey = (variants: ProductVariant[]) =>
	JSON.stringify(
		variants.map((variant) => [
			variant.id,
			variant.name,
			variant.options.map((o) => [o.id, o.name]),
		]),
	);

/**
 * Product fields that differ: name, and (when the input sets them) description, main image,
 * product type and store availability; variants when the merge added option names or values.
 */
export function productChanges(
	stored: IDataObject,
	product: ProviderProduct,
	merged: MergedVariants,
): string[] {
	const changes: string[] = [];
	if (String(stored.name ?? '').trim() !== product.name) changes.push('name');
	if (
		product.description !== undefined &&
		String(stored.description ?? '') !== product.description
	) {
		changes.push('description');
	}
	const image = mainImageOf(product);
	if (image !== undefined && String(stored.image ?? '') !== image) changes.push('image');
	if (product.productType !== undefined && stored.productType !== product.productType) {
		changes.push('productType');
	}
	if (
		product.availableInStore !== undefined &&
		stored.availableInStore !== product.availableInStore
	) {
		changes.push('availableInStore');
	}
	if (variantsKey(cleanVariants(stored.variants)) !== variantsKey(merged.variants)) {
		changes.push('variants');
	}
	return changes;
}
