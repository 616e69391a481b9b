/**
 * HighLevel's live-rate callback dialect: the body HighLevel POSTs to a registered shipping
 * carrier's `callbackUrl` at checkout, and the answer it expects.
 *
 * Source: HighLevel Custom Shipping Carrier Integration Guide, section 3 "Implement Live Rates
 * Callback" (help.gohighlevel.com article 155000004995). The format is not in any OpenAPI file,
 * so parsing is tolerant (carrierService.ts); the location is `altId` (or `locationId`), the unit
 * price `unitPrice` (or `totalPrice` / quantity), in major units.
 */
import type { RateQuote, RateRequest } from '../core';
import { fromMinorUnits } from '../core';
import { RateRequestParseError } from '../liveRates/platform';
import { parseCarrierServiceRequest } from './carrierService';

export { RateRequestParseError };

/**
 * Parses a HighLevel rate callback body (object or JSON string) into a canonical rate request.
 * `defaultCurrency` applies when the body names none. Throws RateRequestParseError naming the field.
 */
export function parseHighLevelRateRequest(body: unknown, defaultCurrency = 'USD'): RateRequest {
	return parseCarrierServiceRequest(body, {
		defaultCurrency,
		storeIdKeys: ['altId', 'locationId'],
		unitPriceKeys: ['unitPrice', 'unit_price'],
	});
}

/** One rate in HighLevel's callback answer (decimal `amount` in major units). */
export interface HighLevelRate {
	serviceName: string;
	amount: number;
	currency: string;
	estimatedDays?: number;
	/** Stable code of the service level; HighLevel ignores unknown keys. */
	serviceCode?: string;
}

/** Formats canonical quotes as HighLevel's answer `{ "rates": [...] }`. */
export function formatHighLevelRates(quotes: readonly RateQuote[]): { rates: HighLevelRate[] } {
	return {
		rates: quotes.map((quote) => {
			const rate: HighLevelRate = {
				serviceName: quote.serviceName,
				amount: fromMinorUnits(quote.amountMinor, quote.currency),
				currency: quote.currency,
				serviceCode: quote.serviceCode,
			};
			const days = quote.maxDeliveryDays ?? quote.minDeliveryDays;
			if (days !== undefined) rate.estimatedDays = days;
			return rate;
		}),
	};
}
