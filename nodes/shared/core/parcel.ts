/**
 * Builds one parcel for a cart: the weight of every unit plus packaging, and outer dimensions
 * from the items' own dimensions when all lines have them (units laid flat on their largest
 * face and stacked), else the given default box.
 */
import type { Dimensions, RateRequestItem } from './schemas';
import { totalWeightGrams } from './schemas';

export interface Parcel {
	weightGrams: number;
	lengthMm: number;
	widthMm: number;
	heightMm: number;
}

export interface ParcelOptions {
	/** Box used when any line has no dimensions, in millimetres. */
	defaultBox: Dimensions;
	/** Packaging weight added once, in grams. */
	packagingGrams?: number;
	/** Weight used when the cart weighs nothing (carriers refuse 0 g), in grams. */
	minimumWeightGrams?: number;
}

/** Computes the parcel for a list of cart lines. */
export function buildParcel(items: readonly RateRequestItem[], options: ParcelOptions): Parcel {
	const contentGrams = totalWeightGrams({ items: items as RateRequestItem[] });
	const weightGrams = Math.max(
		contentGrams + (options.packagingGrams ?? 0),
		options.minimumWeightGrams ?? 1,
	);
	const box = items.length > 0 && items.every((item) => item.dimensions)
		? stackedBox(items)
		: {
				lengthMm: options.defaultBox.lengthMm,
				widthMm: options.defaultBox.widthMm,
				heightMm: options.defaultBox.heightMm,
			};
	return { weightGrams, ...box };
}

function stackedBox(items: readonly RateRequestItem[]): Omit<Parcel, 'weightGrams'> {
	let lengthMm = 0;
	let widthMm = 0;
	let heightMm = 0;
	for (const item of items) {
		const d = item.dimensions as Dimensions;
		const [large, middle, small] = [d.lengthMm, d.widthMm, d.heightMm].sort((a, b) => b - a);
		lengthMm = Math.max(lengthMm, large);
		widthMm = Math.max(widthMm, middle);
		heightMm += small * item.quantity;
	}
	return { lengthMm, widthMm, heightMm };
}
