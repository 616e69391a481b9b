import { buildParcel, type ParcelOptions } from '../../../nodes/shared/core/parcel';
import type { RateRequestItem } from '../../../nodes/shared/core/schemas';

const defaultBox = { lengthMm: 300, widthMm: 250, heightMm: 100 };

function item(
	quantity: number,
	unitWeightGrams: number,
	dims?: [number, number, number],
): RateRequestItem {
	return {
		quantity,
		unitWeightGrams,
		unitPriceMinor: 1000,
		...(dims ? { dimensions: { lengthMm: dims[0], widthMm: dims[1], heightMm: dims[2] } } : {}),
	};
}

describe('buildParcel', () => {
	it('stacks units flat on their largest face when every line has dimensions', () => {
		// A: 50×300×200 → 300×200 footprint, 50 high, ×2; B: 100×30×400 → 400×100 footprint, 30 high
		const parcel = buildParcel([item(2, 500, [50, 300, 200]), item(1, 1200, [100, 30, 400])], {
			defaultBox,
			packagingGrams: 150,
		});
		expect(parcel).toEqual({
			weightGrams: 2 * 500 + 1200 + 150,
			lengthMm: 400,
			widthMm: 200,
			heightMm: 2 * 50 + 30,
		});
	});

	it('stacks the quantity of a single line', () => {
		expect(buildParcel([item(3, 100, [100, 100, 100])], { defaultBox })).toEqual({
			weightGrams: 300,
			lengthMm: 100,
			widthMm: 100,
			heightMm: 300,
		});
	});

	it('uses the default box when any line lacks dimensions', () => {
		const parcel = buildParcel([item(2, 500, [50, 300, 200]), item(1, 1200)], { defaultBox });
		expect(parcel).toEqual({ weightGrams: 2200, ...defaultBox });
	});

	it('uses the default box when no line has dimensions', () => {
		expect(buildParcel([item(1, 250)], { defaultBox })).toEqual({
			weightGrams: 250,
			...defaultBox,
		});
	});

	it('adds packaging weight once, not per unit', () => {
		const options: ParcelOptions = { defaultBox, packagingGrams: 200 };
		expect(buildParcel([item(4, 100), item(1, 50)], options).weightGrams).toBe(4 * 100 + 50 + 200);
	});

	it('never weighs 0 g: defaults to 1 g, or the given minimum', () => {
		expect(buildParcel([item(1, 0)], { defaultBox }).weightGrams).toBe(1);
		expect(buildParcel([item(1, 0)], { defaultBox, minimumWeightGrams: 100 }).weightGrams).toBe(
			100,
		);
		// content 50 + packaging 30 = 80 < 100
		expect(
			buildParcel([item(1, 50)], { defaultBox, packagingGrams: 30, minimumWeightGrams: 100 })
				.weightGrams,
		).toBe(100);
		// above the minimum, the real weight counts
		expect(buildParcel([item(1, 150)], { defaultBox, minimumWeightGrams: 100 }).weightGrams).toBe(
			150,
		);
	});

	it('keeps fractional grams (from lb/oz conversions)', () => {
		expect(buildParcel([item(2, 453.59237)], { defaultBox }).weightGrams).toBeCloseTo(907.18474, 9);
	});
});
