/**
 * Rate shaping applied before quotes are shown at checkout. Pure functions over integer
 * minor units: markup, handling fee, free shipping over an order value, rounding, sort, and
 * keeping the cheapest N. The order of operations is fixed and documented:
 *   1. markup percent (of the carrier amount)   2. fixed handling fee
 *   3. rounding                                 4. free shipping over the order value
 *   5. sort                                     6. keep the cheapest N
 */
import { percentOfMinor } from './money';
import type { RateQuote } from './schemas';

export type RoundingMode =
	/** leave amounts as they are */
	| 'none'
	/** round up to the next whole major unit (12.01 → 13.00) */
	| 'upToWhole'
	/** round up to end in .99 (12.01 → 12.99, 12.99 → 12.99, 13.00 → 13.99) */
	| 'upTo99'
	/** round up to a multiple of `roundingStepMinor` (step 50: 12.01 → 12.50) */
	| 'upToStep';

export type SortMode = 'price' | 'deliveryTime' | 'none';

export interface RateRules {
	/** Percent added to each carrier amount (10 → +10 %). Negative values discount. */
	markupPercent?: number;
	/** Fixed amount added to each quote, minor units of the quote's currency. */
	handlingFeeMinor?: number;
	/** When the cart value (minor units) is at least this, matching quotes cost 0. 0/undefined = off. */
	freeShippingOverMinor?: number;
	/** Which quotes become free over the threshold: only the cheapest, or every quote. */
	freeShippingApplies?: 'cheapest' | 'all';
	rounding?: RoundingMode;
	/** Step for `upToStep`, minor units (e.g. 50 = half a dollar). */
	roundingStepMinor?: number;
	sort?: SortMode;
	/** Keep only the N cheapest quotes (after sorting); 0/undefined keeps all. */
	keepCheapest?: number;
}

export interface RuleContext {
	/** Cart value in minor units, compared against `freeShippingOverMinor`. */
	orderValueMinor: number;
	/** Minor-unit exponent of the quotes' currency (2 for USD), for whole-unit rounding. */
	currencyExponent: number;
}

/** Applies the rules to a list of quotes and returns a new list; the input is not changed. */
export function applyRateRules(
	quotes: readonly RateQuote[],
	rules: RateRules,
	context: RuleContext,
): RateQuote[] {
	const unit = 10 ** context.currencyExponent;
	let shaped = quotes.map((quote) => {
		let amount = quote.amountMinor;
		if (rules.markupPercent) amount += percentOfMinor(amount, rules.markupPercent);
		if (rules.handlingFeeMinor) amount += Math.round(rules.handlingFeeMinor);
		amount = Math.max(0, roundAmount(amount, rules, unit));
		return { ...quote, amountMinor: amount };
	});

	const threshold = rules.freeShippingOverMinor ?? 0;
	if (threshold > 0 && context.orderValueMinor >= threshold && shaped.length > 0) {
		if ((rules.freeShippingApplies ?? 'cheapest') === 'all') {
			shaped = shaped.map((quote) => ({ ...quote, amountMinor: 0 }));
		} else {
			const cheapest = shaped.reduce((best, quote) =>
				quote.amountMinor < best.amountMinor ? quote : best,
			);
			shaped = shaped.map((quote) => (quote === cheapest ? { ...quote, amountMinor: 0 } : quote));
		}
	}

	const sort = rules.sort ?? 'price';
	if (sort === 'price') {
		shaped.sort((a, b) => a.amountMinor - b.amountMinor || deliveryDays(a) - deliveryDays(b));
	} else if (sort === 'deliveryTime') {
		shaped.sort((a, b) => deliveryDays(a) - deliveryDays(b) || a.amountMinor - b.amountMinor);
	}

	const keep = rules.keepCheapest ?? 0;
	if (keep > 0 && shaped.length > keep) {
		const cheapest = new Set(
			[...shaped].sort((a, b) => a.amountMinor - b.amountMinor).slice(0, keep),
		);
		shaped = shaped.filter((quote) => cheapest.has(quote));
	}
	return shaped;
}

function roundAmount(amount: number, rules: RateRules, unit: number): number {
	switch (rules.rounding ?? 'none') {
		case 'upToWhole':
			return Math.ceil(amount / unit) * unit;
		case 'upTo99': {
			if (unit === 1) return amount;
			const ending = unit - 1; // 99 for two-decimal currencies
			const whole = Math.floor(amount / unit);
			const candidate = whole * unit + ending;
			return candidate >= amount ? candidate : candidate + unit;
		}
		case 'upToStep': {
			const step = Math.round(rules.roundingStepMinor ?? 0);
			return step > 0 ? Math.ceil(amount / step) * step : amount;
		}
		default:
			return amount;
	}
}

/** Days used for ordering by speed; unknown estimates sort last. */
function deliveryDays(quote: RateQuote): number {
	return quote.maxDeliveryDays ?? quote.minDeliveryDays ?? Number.MAX_SAFE_INTEGER;
}
