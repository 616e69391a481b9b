/**
 * Weight and length conversions. The canonical model stores weights in grams and lengths in
 * millimetres (both may be fractional); carriers get their own units at the edge.
 *
 * Units follow Shippo's enums (`mass_unit` g|kg|lb|oz, `distance_unit` cm|in|ft|m|mm|yd,
 * test/standins/specs/shippo/public-api.yaml) and HighLevel's price `shippingOptions`
 * (weight kg|lb|g|oz, dimensions cm|in|m, test/standins/specs/highlevel/apps/products.json).
 */

export type WeightUnit = 'g' | 'kg' | 'lb' | 'oz';
export type LengthUnit = 'mm' | 'cm' | 'm' | 'in' | 'ft' | 'yd';

const GRAMS_PER: Readonly<Record<WeightUnit, number>> = {
	g: 1,
	kg: 1000,
	lb: 453.59237,
	oz: 28.349523125,
};

const MM_PER: Readonly<Record<LengthUnit, number>> = {
	mm: 1,
	cm: 10,
	m: 1000,
	in: 25.4,
	ft: 304.8,
	yd: 914.4,
};

const WEIGHT_ALIASES: Readonly<Record<string, WeightUnit>> = {
	g: 'g', gram: 'g', grams: 'g',
	kg: 'kg', kgs: 'kg', kilogram: 'kg', kilograms: 'kg',
	lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb',
	oz: 'oz', ounce: 'oz', ounces: 'oz',
};

const LENGTH_ALIASES: Readonly<Record<string, LengthUnit>> = {
	mm: 'mm', millimeter: 'mm', millimeters: 'mm',
	cm: 'cm', centimeter: 'cm', centimeters: 'cm',
	m: 'm', meter: 'm', meters: 'm',
	in: 'in', inch: 'in', inches: 'in',
	ft: 'ft', foot: 'ft', feet: 'ft',
	yd: 'yd', yard: 'yd', yards: 'yd',
};

/** Parses a weight unit name ("lbs", "Kilogram", "g"); throws RangeError on an unknown unit. */
export function parseWeightUnit(unit: string): WeightUnit {
	const found = WEIGHT_ALIASES[String(unit ?? '').trim().toLowerCase()];
	if (!found) throw new RangeError(`unknown weight unit "${unit}" (use g, kg, lb or oz)`);
	return found;
}

/** Parses a length unit name ("in", "centimeters"); throws RangeError on an unknown unit. */
export function parseLengthUnit(unit: string): LengthUnit {
	const found = LENGTH_ALIASES[String(unit ?? '').trim().toLowerCase()];
	if (!found) throw new RangeError(`unknown length unit "${unit}" (use mm, cm, m, in, ft or yd)`);
	return found;
}

/** Converts a weight to grams. */
export function toGrams(value: number, unit: WeightUnit): number {
	return value * GRAMS_PER[unit];
}

/** Converts grams to another weight unit. */
export function fromGrams(grams: number, unit: WeightUnit): number {
	return grams / GRAMS_PER[unit];
}

/** Converts a length to millimetres. */
export function toMillimetres(value: number, unit: LengthUnit): number {
	return value * MM_PER[unit];
}

/** Converts millimetres to another length unit. */
export function fromMillimetres(mm: number, unit: LengthUnit): number {
	return mm / MM_PER[unit];
}

/** Rounds up to `decimals` places (carriers bill on the next unit; never under-declare weight). */
export function roundUp(value: number, decimals = 2): number {
	const factor = 10 ** decimals;
	return Math.ceil(value * factor - 1e-9) / factor;
}
