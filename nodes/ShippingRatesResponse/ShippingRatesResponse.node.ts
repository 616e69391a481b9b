import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { RateRules, RoundingMode, SortMode } from '../../nodes/shared/core';
import { toMinorUnits } from '../../nodes/shared/core';
import type { AnswerSettings } from './answer';
import { buildAnswer, emptyAnswer } from './answer';
import { buildConnectionCheckAnswer, connectionCheckItemOf } from './connectionCheck';
import { CACHEABLE_HEADER } from '../../nodes/shared/liveRates/headers';

/**
 * Answers the pending live-rate callback (Shipping Rates Trigger) with carrier quotes shaped by
 * rules, in the format of the callback's platform (HighLevel `{"rates":[{serviceName, amount,
 * currency, estimatedDays}]}`, Custom Shipping Carrier Integration Guide §3; LaunchMyStore;
 * BigCommerce `carrier_quotes`). Never fails the callback: when there are no quotes it answers the
 * trigger's fallback rates (or an empty list), and if building the answer throws, it still answers
 * before reporting the error.
 *
 * Given the trigger's connection check item (`kind: 'checkConnectionOptions'`, BigCommerce's Check
 * Connection Options), it answers `{ valid, messages }` read from that item's fields instead
 * (connectionCheck.ts): a workflow tests the options, sets `valid` and `messages`, and ends here.
 *
 * Not usable as an AI tool: it only answers the callback a Shipping Rates Trigger holds open, so an
 * agent calling it would have nothing to answer. n8n's community-package scan requires every
 * action node to declare `usableAsTool` (its rule checks that the property is there, and ignores
 * eslint-disable comments); n8n makes a tool only of a node whose `usableAsTool` is set, so it is
 * declared and left unset.
 */
export class ShippingRatesResponse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shipping Rates Response',
		name: 'shippingRatesResponse',
		icon: { light: 'file:../../icons/rates.svg', dark: 'file:../../icons/rates.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"markup " + $parameter["markupPercent"] + "%"}}',
		description:
			'Answers store checkout (HighLevel, LaunchMyStore, BigCommerce) with shipping rates after markup, fees and rules, and BigCommerce connection checks with valid and messages',
		defaults: { name: 'Shipping Rates Response' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: undefined,
		properties: [
			{
				displayName:
					'Use after a Shipping Rates Trigger and a carrier node (e.g. Shippo → Get Rates). Amounts below are in major units of the cart currency (e.g. 4.99). For a BigCommerce connection check, set valid and messages on the trigger\'s item instead: the node answers them.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Markup (%)',
				name: 'markupPercent',
				type: 'number',
				default: 0,
				description: 'Percent added to each carrier amount (10 = +10 %). Negative values discount.',
			},
			{
				displayName: 'Handling Fee',
				name: 'handlingFee',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Fixed amount added to each rate, in major units of the currency (e.g. 1.50)',
			},
			{
				displayName: 'Free Shipping Over',
				name: 'freeShippingOver',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description:
					'Cart value (major units) from which shipping is free; 0 = never. The cart value is Σ unit price × quantity.',
			},
			{
				displayName: 'Free Shipping Applies To',
				name: 'freeShippingApplies',
				type: 'options',
				options: [
					{ name: 'Cheapest Rate Only', value: 'cheapest' },
					{ name: 'All Rates', value: 'all' },
				],
				default: 'cheapest',
				displayOptions: { hide: { freeShippingOver: [0] } },
			},
			{
				displayName: 'Rounding',
				name: 'rounding',
				type: 'options',
				options: [
					{ name: 'None', value: 'none' },
					{ name: 'Up to Whole Unit', value: 'upToWhole', description: '12.01 → 13.00' },
					{ name: 'Up to .99', value: 'upTo99', description: '12.01 → 12.99' },
					{ name: 'Up to a Step', value: 'upToStep', description: 'Step 0.50: 12.01 → 12.50' },
				],
				default: 'none',
			},
			{
				displayName: 'Rounding Step',
				name: 'roundingStep',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0.5,
				description: 'Step in major units of the currency (0.50 = half a dollar)',
				displayOptions: { show: { rounding: ['upToStep'] } },
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				options: [
					{ name: 'Cheapest First', value: 'price' },
					{ name: 'Fastest First', value: 'deliveryTime' },
					{ name: 'As Received', value: 'none' },
				],
				default: 'price',
			},
			{
				displayName: 'Keep Cheapest',
				name: 'keepCheapest',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Show only the N cheapest rates; 0 shows all',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Quotes Field',
						name: 'quotesField',
						type: 'string',
						default: 'quotes',
						description: 'Field of the input items holding the canonical quotes',
					},
					{
						displayName: 'Rate Name',
						name: 'nameFormat',
						type: 'options',
						options: [
							{ name: 'Service (Priority Mail)', value: 'service' },
							{ name: 'Carrier and Service (USPS Priority Mail)', value: 'carrierService' },
						],
						default: 'carrierService',
					},
					{
						displayName: 'Use Fallback Rates When No Quotes',
						name: 'useFallback',
						type: 'boolean',
						default: true,
						description: "Whether to answer the trigger's fallback rates when no carrier quote is left",
					},
					{
						displayName: 'Include Service Code',
						name: 'includeServiceCode',
						type: 'boolean',
						default: true,
						description: 'Whether to add serviceCode to each rate (HighLevel ignores unknown keys)',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const pairedItem = items.map((_, item) => ({ item }));
		const check = connectionCheckItemOf(items.map((item) => item.json));
		if (check) {
			const verdict = buildConnectionCheckAnswer(check);
			await this.sendResponse({
				body: verdict.body as IDataObject,
				headers: { 'content-type': 'application/json; charset=utf-8' },
				statusCode: 200,
			});
			const json: IDataObject = { ...(verdict.body as IDataObject) };
			if (verdict.problems.length > 0) json.problems = verdict.problems;
			return [[{ json, pairedItem }]];
		}
		let answer;
		try {
			answer = buildAnswer(
				items.map((item) => item.json),
				readSettings(this, items[0]?.json),
			);
		} catch (error) {
			// Fail open: answer an empty list now (the trigger's guard turns it into the fallback rates),
			// then report why.
			const empty = emptyAnswer(items.map((item) => item.json)) as IDataObject;
			await this.sendResponse({ body: empty, headers: {}, statusCode: 200 });
			const failure = new NodeOperationError(this.getNode(), error as Error, {
				itemIndex: 0,
				description: 'The callback was answered with an empty rate list',
			});
			if (this.continueOnFail()) {
				return [[{ json: { ...empty, error: failure.message }, pairedItem }]];
			}
			throw failure;
		}
		const headers: IDataObject = { 'content-type': 'application/json; charset=utf-8' };
		// Carrier quotes (not fallback rates) may be reused by the trigger's answer cache.
		if (!answer.usedFallback && answer.quotes.length > 0) headers[CACHEABLE_HEADER] = 'true';
		await this.sendResponse({
			body: answer.body as unknown as IDataObject,
			headers,
			statusCode: 200,
		});
		return [
			[
				{
					json: {
						...(answer.body as IDataObject),
						usedFallback: answer.usedFallback,
						quoteCount: answer.quotes.length,
						rejectedQuotes: answer.rejected,
					} as IDataObject,
					pairedItem,
				},
			],
		];
	}
}

function readSettings(ctx: IExecuteFunctions, first: IDataObject | undefined): AnswerSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const quotesField = String(options.quotesField || 'quotes');
	const listed = first?.[quotesField];
	// Quotes come as a list in one field, or one quote per item (the item itself).
	const quotes = (Array.isArray(listed) ? listed : first ? [first] : []) as IDataObject[];
	const request = (first?.request ?? first) as IDataObject | undefined;
	const currency = String(quotes[0]?.currency ?? request?.currency ?? 'USD');
	const minor = (name: string, field: string) => {
		const value = Number(ctx.getNodeParameter(name, 0, 0));
		try {
			return toMinorUnits(value, currency);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `${field}: ${(error as Error).message}`, { itemIndex: 0 });
		}
	};
	const rules: RateRules = {
		markupPercent: Number(ctx.getNodeParameter('markupPercent', 0, 0)),
		handlingFeeMinor: minor('handlingFee', 'Handling Fee'),
		freeShippingOverMinor: minor('freeShippingOver', 'Free Shipping Over'),
		freeShippingApplies: ctx.getNodeParameter('freeShippingApplies', 0, 'cheapest') as 'cheapest' | 'all',
		rounding: ctx.getNodeParameter('rounding', 0, 'none') as RoundingMode,
		sort: ctx.getNodeParameter('sort', 0, 'price') as SortMode,
		keepCheapest: Number(ctx.getNodeParameter('keepCheapest', 0, 0)),
	};
	if (rules.rounding === 'upToStep') rules.roundingStepMinor = minor('roundingStep', 'Rounding Step');
	return {
		quotesField,
		rules,
		nameFormat: (options.nameFormat as AnswerSettings['nameFormat']) ?? 'carrierService',
		useFallback: options.useFallback !== false,
		includeServiceCode: options.includeServiceCode !== false,
	};
}
