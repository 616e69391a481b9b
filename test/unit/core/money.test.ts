import {
	currencyExponent,
	formatMinorUnits,
	fromMinorUnits,
	normalizeCurrency,
	percentOfMinor,
	sumMinor,
	toMinorUnits,
} from '../../../nodes/shared/core/money';

describe('currencyExponent / normalizeCurrency', () => {
	it.each([
		['USD', 2],
		['EUR', 2],
		['usd', 2],
		['JPY', 0],
		['KRW', 0],
		['KWD', 3],
		['BHD', 3],
		['CLF', 4],
	])('%s has %i decimals', (currency, exponent) => {
		expect(currencyExponent(currency)).toBe(exponent);
	});

	it('upper-cases and trims a code', () => {
		expect(normalizeCurrency(' eur ')).toBe('EUR');
	});

	it.each(['US', 'DOLLARS', 'U$D', '', '12A'])('rejects %p with a RangeError', (code) => {
		expect(() => normalizeCurrency(code)).toThrow(RangeError);
		expect(() => currencyExponent(code)).toThrow(RangeError);
	});
});

describe('toMinorUnits', () => {
	it.each<[number | string, string, number]>([
		['0.29', 'USD', 29],
		[0.29, 'USD', 29], // 0.29 * 100 is 28.999999999999996 in binary floats
		[15.5, 'USD', 1550],
		['15.5', 'USD', 1550],
		['15.50', 'USD', 1550],
		[' 15.50 ', 'USD', 1550],
		['15.505', 'USD', 1551], // half rounds away from zero
		['15.504', 'USD', 1550],
		['15.5049', 'USD', 1550],
		['0.995', 'USD', 100], // carry into the whole part
		[15.505, 'USD', 1551], // the float is 15.50499999…, but 15 significant digits read 15.505
		[1.005, 'USD', 101],
		['-15.505', 'USD', -1551], // away from zero for negatives too
		[-2.5, 'USD', -250],
		['-0.29', 'USD', -29],
		['+3', 'USD', 300],
		['.5', 'USD', 50],
		['5.', 'USD', 500],
		[25, 'USD', 2500],
		[0, 'USD', 0],
		['1500', 'JPY', 1500],
		['1500.4', 'JPY', 1500],
		['1500.5', 'JPY', 1501],
		['1.2345', 'KWD', 1235],
		['1.2344', 'KWD', 1234],
		['0.5', 'kwd', 500],
	])('%p %s → %i', (amount, currency, expected) => {
		expect(toMinorUnits(amount, currency)).toBe(expected);
	});

	it('never returns negative zero', () => {
		expect(Object.is(toMinorUnits('-0.001', 'USD'), 0)).toBe(true);
		expect(Object.is(toMinorUnits('-0', 'USD'), 0)).toBe(true);
		expect(Object.is(toMinorUnits(-0, 'USD'), 0)).toBe(true);
	});

	it('accepts numbers written with an exponent, but not such strings', () => {
		// A number is first turned into plain decimal text, so 1e3 is 1000 and 1e-7 rounds to 0.
		expect(toMinorUnits(1e3, 'USD')).toBe(100000);
		expect(toMinorUnits(1e-7, 'USD')).toBe(0);
		// A string must be plain decimal notation.
		expect(() => toMinorUnits('1e3', 'USD')).toThrow(RangeError);
	});

	it('keeps float sums exact: 0.1 + 0.2 is 30 cents', () => {
		expect(0.1 + 0.2).not.toBe(0.3); // the drift the conversion must absorb
		expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
		expect(toMinorUnits(1.1 + 2.2, 'USD')).toBe(330);
		// 0.003 + 0.022 is 0.024999999999999998 as a float; it means 0.025, which rounds half up to 3
		expect(0.003 + 0.022).toBeLessThan(0.025);
		expect(toMinorUnits(0.003 + 0.022, 'USD')).toBe(3);
	});

	it.each<[number | string]>([
		['abc'],
		[''],
		['   '],
		['.'],
		['-'],
		['1.2.3'],
		['1,50'],
		['15 USD'],
		['$15'],
		['Infinity'],
		['NaN'],
		[NaN],
		[Infinity],
		[-Infinity],
	])('rejects %p with a RangeError', (amount) => {
		expect(() => toMinorUnits(amount, 'USD')).toThrow(RangeError);
	});

	it('rejects amounts beyond the safe integer range', () => {
		expect(() => toMinorUnits('99999999999999999', 'USD')).toThrow(RangeError);
		expect(() => toMinorUnits(1e20, 'USD')).toThrow(RangeError);
	});

	it('rejects an invalid currency', () => {
		expect(() => toMinorUnits('1.00', 'dollars')).toThrow(RangeError);
	});
});

describe('fromMinorUnits', () => {
	it.each([
		[1550, 'USD', 15.5],
		[5, 'USD', 0.05],
		[29, 'USD', 0.29],
		[-1550, 'USD', -15.5],
		[0, 'USD', 0],
		[1500, 'JPY', 1500],
		[1234, 'KWD', 1.234],
	])('%i %s → %d', (minor, currency, expected) => {
		expect(fromMinorUnits(minor, currency)).toBe(expected);
	});

	it('round-trips with toMinorUnits', () => {
		for (const text of ['0.01', '0.29', '15.50', '1234.56', '-7.05']) {
			expect(fromMinorUnits(toMinorUnits(text, 'USD'), 'USD')).toBe(Number(text));
		}
	});

	it('rejects a non-integer', () => {
		expect(() => fromMinorUnits(15.5, 'USD')).toThrow(RangeError);
	});
});

describe('formatMinorUnits', () => {
	it.each([
		[1550, 'USD', '15.50'],
		[5, 'USD', '0.05'],
		[0, 'USD', '0.00'],
		[-5, 'USD', '-0.05'],
		[-1550, 'USD', '-15.50'],
		[100000, 'USD', '1000.00'],
		[1500, 'JPY', '1500'],
		[0, 'JPY', '0'],
		[1234, 'KWD', '1.234'],
		[5, 'KWD', '0.005'],
	])('%i %s → %p', (minor, currency, expected) => {
		expect(formatMinorUnits(minor, currency)).toBe(expected);
	});

	it('rejects a non-integer', () => {
		expect(() => formatMinorUnits(1.5, 'USD')).toThrow(RangeError);
	});
});

describe('sumMinor', () => {
	it('adds integers', () => {
		expect(sumMinor([1550, 29, 1])).toBe(1580);
		expect(sumMinor([])).toBe(0);
		expect(sumMinor([1000, -250])).toBe(750);
	});

	it('rejects a non-integer value', () => {
		expect(() => sumMinor([1, 0.5])).toThrow(RangeError);
		expect(() => sumMinor([1, NaN])).toThrow(RangeError);
	});

	it('rejects a total beyond the safe integer range', () => {
		expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
	});

	it('sums what would drift as floats exactly', () => {
		const tenDimes = Array.from({ length: 10 }, () => 0.1);
		expect(tenDimes.reduce((a, b) => a + b, 0)).not.toBe(1); // 0.9999999999999999
		expect(sumMinor(tenDimes.map((d) => toMinorUnits(d, 'USD')))).toBe(100);
		expect(
			formatMinorUnits(sumMinor([toMinorUnits(0.1, 'USD'), toMinorUnits(0.2, 'USD')]), 'USD'),
		).toBe('0.30');
	});
});

describe('percentOfMinor', () => {
	it.each([
		[1550, 10, 155],
		[1555, 10, 156], // 155.5 rounds away from zero
		[1554, 10, 155], // 155.4
		[-1555, 10, -156],
		[1550, -10, -155],
		[1000, 12.5, 125],
		[500, 0.1, 1], // 0.5
		[1, 50, 1], // 0.5
		[1550, 0, 0],
		[0, 10, 0],
	])('%i × %d %% → %i', (minor, percent, expected) => {
		expect(percentOfMinor(minor, percent)).toBe(expected);
	});

	it('rejects a non-integer amount and a non-finite percent', () => {
		expect(() => percentOfMinor(15.5, 10)).toThrow(RangeError);
		expect(() => percentOfMinor(1550, NaN)).toThrow(RangeError);
		expect(() => percentOfMinor(1550, Infinity)).toThrow(RangeError);
	});
});
