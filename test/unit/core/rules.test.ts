import { applyRateRules, type RateRules, type RuleContext } from '../../../nodes/shared/core/rules';
import type { RateQuote } from '../../../nodes/shared/core/schemas';

function quote(
	serviceCode: string,
	amountMinor: number,
	days?: number,
	extra: Partial<RateQuote> = {},
): RateQuote {
	return {
		carrier: 'USPS',
		serviceName: serviceCode,
		serviceCode,
		amountMinor,
		currency: 'USD',
		...(days === undefined ? {} : { minDeliveryDays: days, maxDeliveryDays: days }),
		...extra,
	};
}

/** ground 10.00 (5 d), express 25.00 (2 d), overnight 40.00 (1 d), economy 8.00 (no estimate). */
function carrierQuotes(): RateQuote[] {
	return [
		quote('ground', 1000, 5),
		quote('express', 2500, 2),
		quote('overnight', 4000, 1),
		quote('economy', 800),
	];
}

const usd: RuleContext = { orderValueMinor: 5000, currencyExponent: 2 };

const amounts = (quotes: RateQuote[]) => quotes.map((q) => q.amountMinor);
const codes = (quotes: RateQuote[]) => quotes.map((q) => q.serviceCode);
const one = (amountMinor: number, rules: RateRules, context: RuleContext = usd) =>
	applyRateRules([quote('x', amountMinor)], rules, context)[0].amountMinor;

describe('applyRateRules: no rules', () => {
	it('keeps amounts and sorts by price (the default)', () => {
		const result = applyRateRules(carrierQuotes(), {}, usd);
		expect(codes(result)).toEqual(['economy', 'ground', 'express', 'overnight']);
		expect(amounts(result)).toEqual([800, 1000, 2500, 4000]);
	});

	it('keeps the input order with sort "none"', () => {
		expect(codes(applyRateRules(carrierQuotes(), { sort: 'none' }, usd))).toEqual(
			codes(carrierQuotes()),
		);
	});

	it('returns an empty list for no quotes', () => {
		expect(
			applyRateRules([], { freeShippingOverMinor: 1, keepCheapest: 2, rounding: 'upTo99' }, usd),
		).toEqual([]);
	});

	it('keeps every other field of a quote', () => {
		const input = quote('ground', 1000, 5, { rateId: 'rate_1', source: 'shippo', carrier: 'UPS' });
		const [result] = applyRateRules([input], { markupPercent: 10 }, usd);
		expect(result).toEqual({ ...input, amountMinor: 1100 });
	});
});

describe('markup and handling fee', () => {
	it('adds a markup percent, rounded half away from zero', () => {
		expect(one(1000, { markupPercent: 10 })).toBe(1100);
		expect(one(1555, { markupPercent: 10 })).toBe(1711); // + 155.5 → 156
		expect(one(1000, { markupPercent: 12.5 })).toBe(1125);
	});

	it('discounts with a negative markup, never below zero', () => {
		expect(one(1000, { markupPercent: -20 })).toBe(800);
		expect(one(1000, { markupPercent: -150 })).toBe(0);
	});

	it('adds a fixed handling fee in minor units (rounded to an integer)', () => {
		expect(one(1000, { handlingFeeMinor: 250 })).toBe(1250);
		expect(one(1000, { handlingFeeMinor: 12.6 })).toBe(1013);
		expect(one(1000, { handlingFeeMinor: -2000 })).toBe(0);
	});

	it('applies the markup to the carrier amount only, before the fee', () => {
		// markup first: 1000 + 100 + 250 = 1350 (the fee marked up too would give 1375)
		expect(one(1000, { markupPercent: 10, handlingFeeMinor: 250 })).toBe(1350);
	});
});

describe('rounding', () => {
	it.each([
		[1201, 1299],
		[1299, 1299],
		[1300, 1399],
		[1200, 1299],
		[1, 99],
		[0, 99], // 0.00 → 0.99, as 13.00 → 13.99
	])('upTo99: %i → %i', (amount, expected) => {
		expect(one(amount, { rounding: 'upTo99' })).toBe(expected);
	});

	it.each([
		[1201, 1300],
		[1200, 1200],
		[1299, 1300],
		[1, 100],
		[0, 0],
	])('upToWhole: %i → %i', (amount, expected) => {
		expect(one(amount, { rounding: 'upToWhole' })).toBe(expected);
	});

	it.each([
		[1201, 50, 1250],
		[1250, 50, 1250],
		[1251, 50, 1300],
		[1201, 25, 1225],
		[1201, 49.6, 1250], // step rounded to 50
		[1201, 0, 1201], // no step: unchanged
	])('upToStep: %i with step %d → %i', (amount, step, expected) => {
		expect(one(amount, { rounding: 'upToStep', roundingStepMinor: step })).toBe(expected);
	});

	it('upToStep without a step leaves the amount', () => {
		expect(one(1201, { rounding: 'upToStep' })).toBe(1201);
	});

	it('"none" and a missing mode leave the amount', () => {
		expect(one(1201, { rounding: 'none' })).toBe(1201);
		expect(one(1201, {})).toBe(1201);
	});

	it('rounds after markup and fee', () => {
		// 1000 + 10 % = 1100, + 250 = 1350 → 13.99 (rounding first would give 11.99 + 2.50 = 14.49)
		expect(one(1000, { markupPercent: 10, handlingFeeMinor: 250, rounding: 'upTo99' })).toBe(1399);
	});

	describe('zero- and three-decimal currencies', () => {
		const jpy: RuleContext = { orderValueMinor: 0, currencyExponent: 0 };
		const kwd: RuleContext = { orderValueMinor: 0, currencyExponent: 3 };

		it('JPY: whole units and .99 endings do not apply, steps do', () => {
			expect(one(1201, { rounding: 'upToWhole' }, jpy)).toBe(1201);
			expect(one(1201, { rounding: 'upTo99' }, jpy)).toBe(1201);
			expect(one(1201, { rounding: 'upToStep', roundingStepMinor: 100 }, jpy)).toBe(1300);
			expect(one(1555, { markupPercent: 10 }, jpy)).toBe(1711);
		});

		it('KWD: a major unit is 1000 minor units', () => {
			expect(one(1001, { rounding: 'upToWhole' }, kwd)).toBe(2000);
			expect(one(1001, { rounding: 'upTo99' }, kwd)).toBe(1999);
			expect(one(1999, { rounding: 'upTo99' }, kwd)).toBe(1999);
			expect(one(2000, { rounding: 'upTo99' }, kwd)).toBe(2999);
		});
	});
});

describe('free shipping', () => {
	const rules: RateRules = { freeShippingOverMinor: 5000 };

	it('makes only the cheapest quote free when the cart reaches the threshold (equal counts)', () => {
		const result = applyRateRules(carrierQuotes(), rules, { ...usd, orderValueMinor: 5000 });
		expect(codes(result)).toEqual(['economy', 'ground', 'express', 'overnight']);
		expect(amounts(result)).toEqual([0, 1000, 2500, 4000]);
	});

	it('applies above the threshold too', () => {
		expect(
			amounts(applyRateRules(carrierQuotes(), rules, { ...usd, orderValueMinor: 5001 })),
		).toEqual([0, 1000, 2500, 4000]);
	});

	it('does not apply below the threshold', () => {
		expect(
			amounts(applyRateRules(carrierQuotes(), rules, { ...usd, orderValueMinor: 4999 })),
		).toEqual([800, 1000, 2500, 4000]);
	});

	it('is off with a threshold of 0 or none', () => {
		const rich = { ...usd, orderValueMinor: 10 ** 9 };
		expect(amounts(applyRateRules(carrierQuotes(), { freeShippingOverMinor: 0 }, rich))).toEqual([
			800, 1000, 2500, 4000,
		]);
		expect(amounts(applyRateRules(carrierQuotes(), { freeShippingApplies: 'all' }, rich))).toEqual([
			800, 1000, 2500, 4000,
		]);
	});

	it('makes every quote free with "all"; equal prices then sort by speed, unknown last', () => {
		const result = applyRateRules(carrierQuotes(), { ...rules, freeShippingApplies: 'all' }, usd);
		expect(amounts(result)).toEqual([0, 0, 0, 0]);
		expect(codes(result)).toEqual(['overnight', 'express', 'ground', 'economy']);
	});

	it('frees exactly one quote when two share the lowest price', () => {
		const result = applyRateRules(
			[quote('a', 900, 3), quote('b', 900, 4), quote('c', 1200, 1)],
			{ ...rules, sort: 'none' },
			usd,
		);
		expect(amounts(result)).toEqual([0, 900, 1200]);
	});

	it('picks the cheapest after markup, fee and rounding, and leaves the free one at 0', () => {
		// ground 10.00 → 11.00 + 2.50 = 13.50 → 13.99; economy 8.00 → 8.80 + 2.50 = 11.30 → 11.99 → free
		const result = applyRateRules(
			carrierQuotes(),
			{ ...rules, markupPercent: 10, handlingFeeMinor: 250, rounding: 'upTo99' },
			usd,
		);
		expect(codes(result)).toEqual(['economy', 'ground', 'express', 'overnight']);
		expect(amounts(result)).toEqual([0, 1399, 3099, 4699]);
	});
});

describe('sorting', () => {
	it('by price, ties broken by speed with unknown estimates last', () => {
		const result = applyRateRules(
			[
				quote('slow', 1000, 3),
				quote('unknown', 1000),
				quote('fast', 1000, 1),
				quote('cheap', 500, 9),
			],
			{ sort: 'price' },
			usd,
		);
		expect(codes(result)).toEqual(['cheap', 'fast', 'slow', 'unknown']);
	});

	it('by delivery time, unknown last, ties broken by price', () => {
		const result = applyRateRules(
			[...carrierQuotes(), quote('ground-cheap', 900, 5)],
			{ sort: 'deliveryTime' },
			usd,
		);
		expect(codes(result)).toEqual(['overnight', 'express', 'ground-cheap', 'ground', 'economy']);
	});

	it('uses max delivery days, else min delivery days', () => {
		const result = applyRateRules(
			[
				quote('range', 1000, undefined, { minDeliveryDays: 1, maxDeliveryDays: 6 }),
				quote('minOnly', 1000, undefined, { minDeliveryDays: 3 }),
				quote('maxOnly', 1000, undefined, { maxDeliveryDays: 4 }),
			],
			{ sort: 'deliveryTime' },
			usd,
		);
		expect(codes(result)).toEqual(['minOnly', 'maxOnly', 'range']);
	});
});

describe('keep cheapest N', () => {
	it('keeps the N cheapest after sorting by price', () => {
		expect(codes(applyRateRules(carrierQuotes(), { keepCheapest: 2 }, usd))).toEqual([
			'economy',
			'ground',
		]);
	});

	it('keeps the N cheapest but in delivery-time order', () => {
		expect(
			codes(applyRateRules(carrierQuotes(), { keepCheapest: 2, sort: 'deliveryTime' }, usd)),
		).toEqual(['ground', 'economy']);
	});

	it('keeps the N cheapest in input order with sort "none"', () => {
		expect(codes(applyRateRules(carrierQuotes(), { keepCheapest: 3, sort: 'none' }, usd))).toEqual([
			'ground',
			'express',
			'economy',
		]);
	});

	it('keeps all with 0 or N ≥ the number of quotes', () => {
		expect(applyRateRules(carrierQuotes(), { keepCheapest: 0 }, usd)).toHaveLength(4);
		expect(applyRateRules(carrierQuotes(), { keepCheapest: 4 }, usd)).toHaveLength(4);
		expect(applyRateRules(carrierQuotes(), { keepCheapest: 10 }, usd)).toHaveLength(4);
	});
});

describe('the documented order: markup → fee → rounding → free shipping → sort → keep N', () => {
	it('shapes a realistic set of quotes', () => {
		const rules: RateRules = {
			markupPercent: 10,
			handlingFeeMinor: 250,
			rounding: 'upTo99',
			freeShippingOverMinor: 5000,
			freeShippingApplies: 'cheapest',
			sort: 'price',
			keepCheapest: 2,
		};
		// ground    1000 → 1100 → 1350 → 1399
		// express   2500 → 2750 → 3000 → 3099
		// overnight 4000 → 4400 → 4650 → 4699
		// economy    800 →  880 → 1130 → 1199 → free (cart 50.00 ≥ 50.00)
		// sorted by price, keep 2 → economy 0, ground 13.99
		const result = applyRateRules(carrierQuotes(), rules, {
			orderValueMinor: 5000,
			currencyExponent: 2,
		});
		expect(result.map((q) => [q.serviceCode, q.amountMinor])).toEqual([
			['economy', 0],
			['ground', 1399],
		]);
	});

	it('does not change its input', () => {
		const input = carrierQuotes().map((q) => Object.freeze(q));
		Object.freeze(input);
		const before = JSON.parse(JSON.stringify(input));
		const result = applyRateRules(
			input,
			{
				markupPercent: 10,
				handlingFeeMinor: 250,
				rounding: 'upToWhole',
				freeShippingOverMinor: 1,
				freeShippingApplies: 'all',
				sort: 'deliveryTime',
				keepCheapest: 3,
			},
			usd,
		);
		expect(input).toEqual(before);
		expect(result).not.toBe(input);
		for (const q of result) expect(input).not.toContain(q);
	});
});
