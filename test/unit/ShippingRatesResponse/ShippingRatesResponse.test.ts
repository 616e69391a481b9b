import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ShippingRatesResponse } from '../../../nodes/ShippingRatesResponse/ShippingRatesResponse.node';
import { buildAnswer } from '../../../nodes/ShippingRatesResponse/answer';

const request = {
	locationId: 'loc',
	destination: { country: 'US', postalCode: '10001' },
	items: [{ quantity: 2, unitWeightGrams: 500, unitPriceMinor: 2500 }],
	currency: 'USD',
};

const quote = (serviceName: string, amountMinor: number, days?: number, carrier = 'USPS') => ({
	carrier,
	serviceName,
	serviceCode: serviceName.toLowerCase().replace(/\s+/g, '_'),
	amountMinor,
	currency: 'USD',
	maxDeliveryDays: days,
	source: 'shippo',
});

const fallback = [{ carrier: 'Fallback', serviceName: 'Standard', serviceCode: 'std', amountMinor: 999, currency: 'USD', source: 'fallback' }];

const getRatesItem = (quotes: unknown[]) => ({ request, quotes, errors: [], fallbackRates: fallback });

const baseSettings = {
	quotesField: 'quotes',
	rules: {},
	nameFormat: 'carrierService' as const,
	useFallback: true,
	includeServiceCode: true,
};

describe('buildAnswer', () => {
	it('applies the rules and formats HighLevel rates in major units', () => {
		const answer = buildAnswer([getRatesItem([quote('Priority Mail', 1050, 2), quote('Ground Advantage', 520, 5)])], {
			...baseSettings,
			rules: { markupPercent: 10, handlingFeeMinor: 150, rounding: 'upTo99', sort: 'price' },
		});
		// 520 → +52 → +150 = 722 → 799; 1050 → +105 → +150 = 1305 → 1399
		expect(answer.body).toEqual({
			rates: [
				{ serviceName: 'USPS Ground Advantage', amount: 7.99, currency: 'USD', estimatedDays: 5, serviceCode: 'ground_advantage' },
				{ serviceName: 'USPS Priority Mail', amount: 13.99, currency: 'USD', estimatedDays: 2, serviceCode: 'priority_mail' },
			],
		});
		expect(answer.usedFallback).toBe(false);
	});

	it('makes the cheapest rate free from the cart value on (cart = 2 × 25.00)', () => {
		const items = [getRatesItem([quote('A', 800), quote('B', 500)])];
		const free = buildAnswer(items, { ...baseSettings, rules: { freeShippingOverMinor: 5000 } });
		expect(free.body.rates.map((r) => r.amount)).toEqual([0, 8]);
		const notFree = buildAnswer(items, { ...baseSettings, rules: { freeShippingOverMinor: 5001 } });
		expect(notFree.body.rates.map((r) => r.amount)).toEqual([5, 8]);
	});

	it('answers the fallback rates when the carrier returned no quotes', () => {
		const answer = buildAnswer([{ ...getRatesItem([]), errors: ['Shippo: timeout'] }], baseSettings);
		expect(answer.usedFallback).toBe(true);
		expect(answer.body.rates).toEqual([{ serviceName: 'Standard', amount: 9.99, currency: 'USD', serviceCode: 'std' }]);
	});

	it('answers an empty list when fallback is off or none is configured', () => {
		expect(buildAnswer([getRatesItem([])], { ...baseSettings, useFallback: false }).body).toEqual({ rates: [] });
		expect(buildAnswer([{ request, quotes: [] }], baseSettings).body).toEqual({ rates: [] });
	});

	it('reads one quote per item, keeps the cheapest N, names by service only and drops service codes', () => {
		const answer = buildAnswer([quote('A', 300), quote('B', 100), quote('C', 200)], {
			...baseSettings,
			nameFormat: 'service',
			includeServiceCode: false,
			rules: { keepCheapest: 2 },
		});
		expect(answer.body.rates).toEqual([
			{ serviceName: 'B', amount: 1, currency: 'USD' },
			{ serviceName: 'C', amount: 2, currency: 'USD' },
		]);
	});

	it('rejects malformed quotes with the reason and keeps the good ones', () => {
		const answer = buildAnswer([getRatesItem([quote('A', 300), { carrier: 'X', amountMinor: 1.5 }])], baseSettings);
		expect(answer.body.rates).toHaveLength(1);
		expect(answer.rejected[0]).toMatch(/serviceName/);
	});

	it('does not apply a free-shipping threshold across currencies', () => {
		const eur = { ...quote('A', 500), currency: 'EUR' };
		const answer = buildAnswer([getRatesItem([eur])], { ...baseSettings, rules: { freeShippingOverMinor: 1 } });
		expect(answer.body.rates[0]).toMatchObject({ amount: 5, currency: 'EUR' });
	});
});

describe('Shipping Rates Response node', () => {
	const node = new ShippingRatesResponse();

	function context(items: INodeExecutionData[], parameters: Record<string, unknown> = {}, continueOnFail = false) {
		const p: Record<string, unknown> = {
			markupPercent: 0,
			handlingFee: 0,
			freeShippingOver: 0,
			freeShippingApplies: 'cheapest',
			rounding: 'none',
			sort: 'price',
			keepCheapest: 0,
			options: {},
			...parameters,
		};
		const sendResponse = jest.fn(async () => undefined);
		const ctx = {
			getInputData: () => items,
			getNodeParameter: (name: string, _i: number, fallback?: unknown) => (name in p ? p[name] : fallback),
			getNode: () => ({ name: 'Shipping Rates Response' }),
			sendResponse,
			continueOnFail: () => continueOnFail,
		} as unknown as IExecuteFunctions;
		return { ctx, sendResponse };
	}

	it('answers the callback and outputs one item paired with every input', async () => {
		const { ctx, sendResponse } = context(
			[{ json: getRatesItem([quote('Ground', 500, 4)]) }, { json: getRatesItem([quote('Express', 2000, 1)]) }],
			{ handlingFee: 1.5, markupPercent: 10 },
		);
		const [[out]] = await node.execute.call(ctx);
		expect(sendResponse).toHaveBeenCalledWith({
			body: {
				rates: [
					{ serviceName: 'USPS Ground', amount: 7, currency: 'USD', estimatedDays: 4, serviceCode: 'ground' },
					{ serviceName: 'USPS Express', amount: 23.5, currency: 'USD', estimatedDays: 1, serviceCode: 'express' },
				],
			},
			headers: { 'content-type': 'application/json; charset=utf-8', 'x-shipping-rates-cacheable': 'true' },
			statusCode: 200,
		});
		expect(out.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out.json).toMatchObject({ usedFallback: false, quoteCount: 2 });
	});

	it('converts amounts in the currency of the quotes read from the configured Quotes Field', async () => {
		// Quotes in JPY for a USD cart: the fee is in the quotes' currency (150 yen, not 150 dollars).
		const jpy = { ...quote('Ground', 800), currency: 'JPY' };
		const { ctx, sendResponse } = context(
			[{ json: { request, carrierQuotes: [jpy] } }],
			{ handlingFee: 150, options: { quotesField: 'carrierQuotes', nameFormat: 'service' } },
		);
		await node.execute.call(ctx);
		expect(sendResponse).toHaveBeenCalledWith(
			expect.objectContaining({ body: { rates: [{ serviceName: 'Ground', amount: 950, currency: 'JPY', serviceCode: 'ground' }] } }),
		);
	});

	it('does not mark fallback answers cacheable', async () => {
		const { ctx, sendResponse } = context([{ json: getRatesItem([]) }]);
		await node.execute.call(ctx);
		expect(sendResponse).toHaveBeenCalledWith(
			expect.objectContaining({ headers: { 'content-type': 'application/json; charset=utf-8' } }),
		);
	});

	it('still answers (an empty list) and then fails naming the field when a setting is invalid', async () => {
		const { ctx, sendResponse } = context([{ json: getRatesItem([quote('Ground', 500)]) }], { handlingFee: Number.NaN });
		await expect(node.execute.call(ctx)).rejects.toThrow(NodeOperationError);
		await expect(node.execute.call(ctx)).rejects.toThrow(/Handling Fee/);
		expect(sendResponse).toHaveBeenCalledWith({ body: { rates: [] }, headers: {}, statusCode: 200 });
	});

	it('with continue on fail, answers an empty list and outputs the error paired with the inputs', async () => {
		const { ctx, sendResponse } = context([{ json: getRatesItem([quote('Ground', 500)]) }], { freeShippingOver: Number.NaN }, true);
		const [[out]] = await node.execute.call(ctx);
		expect(sendResponse).toHaveBeenCalledWith({ body: { rates: [] }, headers: {}, statusCode: 200 });
		expect(out.json).toEqual({ rates: [], error: expect.stringMatching(/Free Shipping Over/) });
		expect(out.pairedItem).toEqual([{ item: 0 }]);
	});
});
