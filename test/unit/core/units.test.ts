import {
	fromGrams,
	fromMillimetres,
	parseLengthUnit,
	parseWeightUnit,
	roundUp,
	toGrams,
	toMillimetres,
	type LengthUnit,
	type WeightUnit,
} from '../../../nodes/shared/core/units';

describe('weights', () => {
	it.each<[WeightUnit, number]>([
		['g', 1],
		['kg', 1000],
		['lb', 453.59237],
		['oz', 28.349523125],
	])('1 %s is %d g', (unit, grams) => {
		expect(toGrams(1, unit)).toBeCloseTo(grams, 9);
		expect(fromGrams(grams, unit)).toBeCloseTo(1, 12);
	});

	it('converts multiples', () => {
		expect(toGrams(2.5, 'kg')).toBe(2500);
		expect(toGrams(16, 'oz')).toBeCloseTo(453.59237, 9); // 16 oz = 1 lb
		expect(fromGrams(1000, 'lb')).toBeCloseTo(2.20462262, 8);
		expect(fromGrams(500, 'kg')).toBe(0.5);
	});

	it.each<WeightUnit>(['g', 'kg', 'lb', 'oz'])('round-trips through grams in %s', (unit) => {
		for (const value of [0, 0.1, 1, 3.7, 1234.5]) {
			expect(fromGrams(toGrams(value, unit), unit)).toBeCloseTo(value, 9);
		}
	});
});

describe('lengths', () => {
	it.each<[LengthUnit, number]>([
		['mm', 1],
		['cm', 10],
		['m', 1000],
		['in', 25.4],
		['ft', 304.8],
		['yd', 914.4],
	])('1 %s is %d mm', (unit, mm) => {
		expect(toMillimetres(1, unit)).toBeCloseTo(mm, 9);
		expect(fromMillimetres(mm, unit)).toBeCloseTo(1, 12);
	});

	it('converts between imperial units consistently', () => {
		expect(fromMillimetres(toMillimetres(12, 'in'), 'ft')).toBeCloseTo(1, 12);
		expect(fromMillimetres(toMillimetres(3, 'ft'), 'yd')).toBeCloseTo(1, 12);
		expect(fromMillimetres(toMillimetres(1, 'm'), 'cm')).toBe(100);
		expect(toMillimetres(30, 'cm')).toBe(300);
	});

	it.each<LengthUnit>(['mm', 'cm', 'm', 'in', 'ft', 'yd'])(
		'round-trips through mm in %s',
		(unit) => {
			for (const value of [0, 0.1, 1, 3.7, 1234.5]) {
				expect(fromMillimetres(toMillimetres(value, unit), unit)).toBeCloseTo(value, 9);
			}
		},
	);
});

describe('unit names', () => {
	it.each([
		['g', 'g'],
		['grams', 'g'],
		['kg', 'kg'],
		['Kilograms', 'kg'],
		['KGS', 'kg'],
		['lb', 'lb'],
		['lbs', 'lb'],
		['Pounds', 'lb'],
		[' oz ', 'oz'],
		['ounce', 'oz'],
	])('weight %p → %s', (name, unit) => {
		expect(parseWeightUnit(name)).toBe(unit);
	});

	it.each([
		['mm', 'mm'],
		['millimeters', 'mm'],
		['cm', 'cm'],
		['Centimeters', 'cm'],
		['m', 'm'],
		['meter', 'm'],
		['in', 'in'],
		['inches', 'in'],
		['INCH', 'in'],
		['feet', 'ft'],
		['foot', 'ft'],
		['yards', 'yd'],
	])('length %p → %s', (name, unit) => {
		expect(parseLengthUnit(name)).toBe(unit);
	});

	it('rejects unknown weight units, naming the unit', () => {
		expect(() => parseWeightUnit('stone')).toThrow(RangeError);
		expect(() => parseWeightUnit('stone')).toThrow('"stone"');
		expect(() => parseWeightUnit('')).toThrow(RangeError);
		expect(() => parseWeightUnit('cm')).toThrow('"cm"');
	});

	it('rejects unknown length units, naming the unit', () => {
		expect(() => parseLengthUnit('parsec')).toThrow(RangeError);
		expect(() => parseLengthUnit('parsec')).toThrow('"parsec"');
		expect(() => parseLengthUnit('kg')).toThrow('"kg"');
	});
});

describe('roundUp', () => {
	it('rounds up to two decimals by default', () => {
		expect(roundUp(1.231)).toBe(1.24);
		expect(roundUp(1.001)).toBe(1.01);
		expect(roundUp(2.20462262)).toBe(2.21);
	});

	it('leaves exact values alone, also after float drift', () => {
		expect(roundUp(1.23)).toBe(1.23);
		expect(roundUp(0.1 + 0.2, 1)).toBe(0.3); // 0.30000000000000004 must not become 0.4
		expect(roundUp(1.1 * 3, 1)).toBe(3.3); // 3.3000000000000003
	});

	it('honours the number of decimals', () => {
		expect(roundUp(2.2046, 0)).toBe(3);
		expect(roundUp(2, 0)).toBe(2);
		expect(roundUp(1.2341, 3)).toBe(1.235);
	});
});
