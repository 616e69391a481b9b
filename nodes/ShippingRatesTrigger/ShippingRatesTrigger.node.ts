import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import {
	formatHighLevelRates,
	parseHighLevelRateRequest,
	RateRequestParseError,
} from '../shared/dialects/highlevel';
import { readCallbackQuery, verifyLocationToken } from '../shared/signatures/callbackToken';
import type { GuardedResponse } from './failOpen';
import { armFailOpen } from './failOpen';
import { SOURCE_HEADER } from '../shared/liveRates/headers';
import { answerCache, answerCacheKey } from './answerCache';
import { readFallbackRates } from './fallback';
import { deleteCarrier, ownCarriers, registrationTarget, upsertCarrier } from './registration';
import { callbackSecretOf } from '../shared/signatures/secret';
import { highLevelAuthenticationProperty, highLevelCredentials } from '../shared/highlevel/descriptions';

/**
 * The URL HighLevel calls at checkout for live shipping rates (a registered shipping carrier's
 * `callbackUrl`). Verifies the signed URL, parses HighLevel's body tolerantly into one canonical
 * rate request, and leaves the answer to a Shipping Rates Response node — with a fail-open guard
 * that answers the fallback rates at the deadline or when the workflow fails.
 *
 * Sources: HighLevel Custom Shipping Carrier Integration Guide §3 (callback body and answer);
 * ../shared/specs/highlevel/apps/store.json (carrier registration).
 */
export class ShippingRatesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shipping Rates Trigger',
		name: 'shippingRatesTrigger',
		icon: { light: 'file:../../icons/rates.svg', dark: 'file:../../icons/rates.dark.svg' },
		group: ['trigger'],
		// 1.1 = 1 with the same parameters. n8n evaluates a legacy binary-data expression on every
		// call of a version-1 webhook node (Webhook v1 compatibility); 1.1 skips that work.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{"HighLevel live rates: " + $parameter["registration"]}}',
		description:
			'Answers HighLevel checkout with live shipping rates: starts when HighLevel asks for rates',
		defaults: { name: 'Shipping Rates Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: highLevelCredentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'responseNode', path: 'rates' },
			// HighLevel may append "/rates" to the registered callback URL.
			{ name: 'default', httpMethod: 'POST', responseMode: 'responseNode', path: 'rates/rates' },
		],
		properties: [
			{
				displayName:
					'Answer the callback with a Shipping Rates Response node. If the workflow fails or runs past the deadline, HighLevel gets the fallback rates below.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			highLevelAuthenticationProperty,
			{
				displayName: 'Carrier Registration',
				name: 'registration',
				type: 'options',
				options: [
					{
						name: 'On Activation',
						value: 'automatic',
						description:
							'Register this callback as a shipping carrier of the location when the workflow is activated, and remove it on deactivation',
					},
					{
						name: 'By an Install Workflow',
						value: 'installWorkflow',
						description:
							'Only answer callbacks; an install workflow (HighLevel node, Shipping Carrier → Register) registers the carrier',
					},
				],
				default: 'automatic',
			},
			{
				displayName: 'Carrier Name',
				name: 'carrierName',
				type: 'string',
				default: 'Live Rates (n8n)',
				description: 'Name of the shipping carrier shown in HighLevel shipping settings',
				displayOptions: { show: { registration: ['automatic'] } },
			},
			{
				displayName: 'Carrier Services',
				name: 'carrierServices',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Service',
				default: {},
				description:
					'Service levels the seller can pick when adding this carrier to a shipping zone (HighLevel `services[{name, value}]`)',
				displayOptions: { show: { registration: ['automatic'] } },
				options: [
					{
						name: 'service',
						displayName: 'Service',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								description: 'Service level code, e.g. usps_priority',
							},
						],
					},
				],
			},
			{
				displayName: 'Location ID',
				name: 'locationId',
				type: 'string',
				default: '',
				description:
					'HighLevel location (sub-account) to register the carrier for. Empty: the location of the credential.',
			},
			{
				displayName: 'Deadline (Ms)',
				name: 'deadlineMs',
				type: 'number',
				typeOptions: { minValue: 100 },
				default: 2500,
				description:
					'Milliseconds after the callback arrives by which HighLevel gets an answer; past it, the fallback rates are sent',
			},
			{
				displayName: 'Fallback Rates',
				name: 'fallbackRates',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Fallback Rate',
				default: {},
				description:
					'Rates answered when the carrier or the workflow fails or is too slow. None: an empty list (HighLevel then shows its own fallback).',
				options: [
					{
						name: 'rate',
						displayName: 'Rate',
						values: [
							{ displayName: 'Service Name', name: 'serviceName', type: 'string', default: 'Standard Shipping' },
							{
								displayName: 'Amount',
								name: 'amount',
								type: 'number',
								typeOptions: { minValue: 0, numberPrecision: 2 },
								default: 0,
								description: 'Price in major units of the cart currency, e.g. 9.99',
							},
							{
								displayName: 'Estimated Days',
								name: 'estimatedDays',
								type: 'number',
								typeOptions: { minValue: 0 },
								default: 0,
								description: 'Delivery estimate in days; 0 = not shown',
							},
							{ displayName: 'Service Code', name: 'serviceCode', type: 'string', default: 'fallback' },
						],
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Default Currency',
						name: 'defaultCurrency',
						type: 'string',
						default: 'USD',
						description: 'ISO 4217 code used when the callback names no currency',
					},
					{
						displayName: 'Answer Cache (Seconds)',
						name: 'answerCacheSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Answer an identical cart again for this many seconds without running the workflow (HighLevel asks again while the buyer edits checkout). Only answers with carrier quotes are kept, never fallback rates; kept in memory of the process that receives the callback. 0 = off. A changed workflow applies to cached carts after at most this long.',
					},
					{
						displayName: 'Include Raw Body',
						name: 'includeRawBody',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the callback body as received (field rawBody), to capture what HighLevel sends',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'automatic') !== 'automatic') return true;
				const target = await registrationTarget(this);
				const carriers = await ownCarriers(this, target);
				return carriers.some(
					(carrier) => carrier.callbackUrl === target.callbackUrl && carrier.name === target.name,
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'automatic') !== 'automatic') return true;
				await upsertCarrier(this, await registrationTarget(this));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'automatic') !== 'automatic') return true;
				const target = await registrationTarget(this);
				for (const carrier of await ownCarriers(this, target)) {
					await deleteCarrier(this, target.locationId, carrier._id);
				}
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const receivedAt = Date.now();
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const reject = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};

		const { locationId, token } = readCallbackQuery(req.query as Record<string, unknown>);
		const secret = await callbackSecretOf(this);
		if (!verifyLocationToken(secret, locationId, token)) {
			return reject(401, { error: 'invalid or missing callback token (query parameters loc and t)' });
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		let request;
		try {
			request = parseHighLevelRateRequest(req.body, String(options.defaultCurrency || 'USD'));
		} catch (error) {
			if (error instanceof RateRequestParseError) {
				return reject(400, { error: error.message, field: error.field });
			}
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		if (request.locationId && request.locationId !== locationId) {
			return reject(401, { error: 'callback URL is signed for another location than the body altId' });
		}

		const cacheTtlMs = Math.max(0, Number(options.answerCacheSeconds ?? 0)) * 1000;
		const cacheKey =
			cacheTtlMs > 0 ? answerCacheKey(this.getWorkflow().id, this.getNode().name, locationId, request) : undefined;
		const cached = cacheKey ? answerCache.get(cacheKey) : undefined;
		if (cached) {
			res.setHeader(SOURCE_HEADER, 'cache');
			res.status(200).json(cached);
			return { noWebhookResponse: true };
		}

		const fallbackRates = readFallbackRates(
			this.getNodeParameter('fallbackRates', {}) as IDataObject,
			request.currency,
		);
		const deadlineAt = receivedAt + Number(this.getNodeParameter('deadlineMs', 2500));
		armFailOpen(res as unknown as GuardedResponse, {
			deadlineAt,
			fallbackBody: formatHighLevelRates(fallbackRates),
			onSettled: (_source, body, cacheable) => {
				if (cacheKey && cacheable) answerCache.set(cacheKey, body as IDataObject, cacheTtlMs);
			},
		});

		const json: IDataObject = {
			...(request as unknown as IDataObject),
			locationId: request.locationId ?? locationId,
			receivedAt,
			deadlineAt,
			fallbackRates: fallbackRates as unknown as IDataObject[],
		};
		if (options.includeRawBody) {
			const raw = (req as unknown as { rawBody?: Buffer }).rawBody;
			json.rawBody = raw ? raw.toString('utf8') : JSON.stringify(req.body);
		}
		return { workflowData: [[{ json }]] };
	}
}
