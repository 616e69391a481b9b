import type { IDataObject } from 'n8n-workflow';
import type { RateQuote } from '../../nodes/shared/core';
import { toMinorUnits } from '../../nodes/shared/core';

/** Fallback rates from the node parameter, as canonical quotes in minor units. */
export function readFallbackRates(parameter: IDataObject, currency: string): RateQuote[] {
	const rows = (parameter.rate as IDataObject[] | undefined) ?? [];
	return rows.map((row) => {
		const days = Number(row.estimatedDays ?? 0);
		const quote: RateQuote = {
			carrier: 'Fallback',
			serviceName: String(row.serviceName || 'Standard Shipping'),
			serviceCode: String(row.serviceCode || 'fallback'),
			amountMinor: toMinorUnits(Number(row.amount ?? 0), currency),
			currency,
			source: 'fallback',
		};
		if (days > 0) quote.maxDeliveryDays = days;
		return quote;
	});
}
