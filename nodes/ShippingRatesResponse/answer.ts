/**
 * Builds the live-rate answer from the items reaching the Shipping Rates Response node.
 * Pure (no n8n calls), so the node and its tests share it.
 *
 * Input items may be:
 *  - Get Rates output: `{ request, quotes: RateQuote[], errors, fallbackRates? }` (quotes field configurable);
 *  - canonical quotes, one per item (`{ carrier, serviceName, serviceCode, amountMinor, currency }`);
 *  - the trigger's item itself (no quotes → fallback rates).
 * The answer is formatted for the platform named by the items' `platform` field (the trigger's
 * `RateCallbackItem`, or `request.platform` of Get Rates output; HighLevel when none names one),
 * with the item's `answerOptions` (service-code prefix, the time delivery dates count from,
 * BigCommerce's `quote_id` and transit-time setting).
 */
import type { IDataObject } from 'n8n-workflow';
import type { RateQuote, RateRules } from '../../nodes/shared/core';
import {
	applyRateRules,
	currencyExponent,
	describeZodError,
	orderValueMinor,
	RateQuoteSchema,
	RateRequestSchema,
} from '../../nodes/shared/core';
import type { FormatOptions } from '../../nodes/shared/liveRates/platform';
import { platformById } from '../../nodes/shared/liveRates/platforms';

export interface AnswerSettings {
	quotesField: string;
	rules: RateRules;
	/** Name shown at checkout: the service alone, or "<carrier> <service>". */
	nameFormat: 'service' | 'carrierService';
	useFallback: boolean;
	includeServiceCode: boolean;
}

export interface Answer {
	/** The answer in the format of the callback's platform (`platform` of the trigger's item). */
	body: unknown;
	/** Id of that platform. */
	platform: string;
	quotes: RateQuote[];
	usedFallback: boolean;
	/** Quotes that failed validation, with the reason. */
	rejected: string[];
}

export function buildAnswer(items: readonly IDataObject[], settings: AnswerSettings): Answer {
	const quotes: RateQuote[] = [];
	const rejected: string[] = [];
	let fallback: RateQuote[] = [];
	let orderValue: number | undefined;
	let cartCurrency: string | undefined;

	const take = (candidate: unknown) => {
		const parsed = RateQuoteSchema.safeParse(candidate);
		if (parsed.success) quotes.push(parsed.data);
		else rejected.push(describeZodError(parsed.error));
	};

	for (const json of items) {
		const list = json[settings.quotesField];
		if (Array.isArray(list)) list.forEach(take);
		else if (json.serviceCode !== undefined && json.amountMinor !== undefined) take(json);

		const request = RateRequestSchema.safeParse(json.request ?? json);
		if (request.success && orderValue === undefined) {
			orderValue = orderValueMinor(request.data);
			cartCurrency = request.data.currency;
		}
		const fallbackSource = (json.fallbackRates ?? (json.request as IDataObject | undefined)?.fallbackRates) as unknown;
		if (Array.isArray(fallbackSource) && fallback.length === 0) {
			fallback = fallbackSource
				.map((q) => RateQuoteSchema.safeParse(q))
				.filter((r) => r.success)
				.map((r) => r.data as RateQuote);
		}
	}

	let shaped: RateQuote[] = [];
	if (quotes.length > 0) {
		const currency = quotes[0].currency;
		const sameCurrency = quotes.filter((q) => q.currency === currency);
		const rules = { ...settings.rules };
		// A free-shipping threshold is in the cart currency; skip it when quotes are in another.
		if (cartCurrency && cartCurrency !== currency) delete rules.freeShippingOverMinor;
		shaped = applyRateRules(sameCurrency, rules, {
			orderValueMinor: orderValue ?? 0,
			currencyExponent: currencyExponent(currency),
		});
	}
	const usedFallback = shaped.length === 0 && settings.useFallback && fallback.length > 0;
	const final = usedFallback ? fallback : shaped;

	const named = final.map((quote) => ({
		...quote,
		serviceName:
			settings.nameFormat === 'carrierService' && quote.source !== 'fallback'
				? `${quote.carrier} ${quote.serviceName}`
				: quote.serviceName,
	}));
	const { platformId, answerOptions } = callbackOf(items);
	const platform = platformById(platformId);
	const body = platform.format(named, { ...answerOptions, includeServiceCode: settings.includeServiceCode });
	return { body, platform: platform.id, quotes: final, usedFallback, rejected };
}

/**
 * The platform and answer options of the callback the items answer: the first item naming them
 * (`platform`, `answerOptions` of the trigger's item, also under `request` in Get Rates output).
 */
function callbackOf(items: readonly IDataObject[]): { platformId?: string; answerOptions: FormatOptions } {
	let platformId: string | undefined;
	let answerOptions: FormatOptions | undefined;
	for (const json of items) {
		const request = json.request as IDataObject | undefined;
		const platform = json.platform ?? request?.platform;
		if (platformId === undefined && typeof platform === 'string') platformId = platform;
		const options = json.answerOptions ?? request?.answerOptions;
		if (answerOptions === undefined && options && typeof options === 'object') {
			const { serviceCodePrefix, now, quoteId, showTransitTime } = options as IDataObject;
			answerOptions = {
				serviceCodePrefix: typeof serviceCodePrefix === 'string' ? serviceCodePrefix : undefined,
				now: typeof now === 'number' ? now : undefined,
			};
			// BigCommerce: the answer's `quote_id`, and whether the zone shows transit times.
			if (typeof quoteId === 'string') answerOptions.quoteId = quoteId;
			if (showTransitTime === false) answerOptions.showTransitTime = false;
		}
	}
	return { platformId, answerOptions: answerOptions ?? {} };
}

/**
 * An answer with no rates in the format of the items' platform (HighLevel when none or an unknown
 * one is named): what the node sends when it cannot build an answer, so the trigger's fail-open
 * guard replaces it with the fallback rates.
 */
export function emptyAnswer(items: readonly IDataObject[]): unknown {
	try {
		return platformById(callbackOf(items).platformId).format([]);
	} catch {
		return platformById(undefined).format([]);
	}
}
