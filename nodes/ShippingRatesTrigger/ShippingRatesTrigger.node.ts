import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { handleRateCallback } from './callback';
import { CONNECTION_CHECK_PATH, CONNECTION_CHECK_WEBHOOK, handleConnectionCheck } from './connectionCheck';
import { DEFAULT_MAX_IN_FLIGHT } from './settings';
import { DEFAULT_PLATFORM_ID } from '../../nodes/shared/liveRates/platforms';
import { edgeFor } from '../../nodes/shared/liveRates/edges';
import type { TriggerActivation } from '../../nodes/shared/liveRates/triggerEdge';
import {
	deadlineProperties,
	edgeProperties,
	platformCredentials,
	platformProperty,
	subtitleOf,
} from './platformFields';

/**
 * What activation does for the trigger's platform: its trigger edge's `activation` (HighLevel:
 * register this URL as a shipping carrier when Carrier Registration is "On Activation"). Other
 * platforms declare their rate endpoint themselves (LaunchMyStore `liveRateProviders[]` in the
 * app's manifest, BigCommerce's Quote URL), so there is nothing to do.
 */
function activationOf(ctx: IHookFunctions): TriggerActivation | undefined {
	return edgeFor(String(ctx.getNodeParameter('platform', DEFAULT_PLATFORM_ID)))?.activation;
}

/**
 * Which of the trigger's webhooks n8n called: the name of the webhook description whose path the
 * call matched (`setup`: the check-connection path), which every n8n process derives alike from
 * the registered path. A host without webhook names calls the rates webhook.
 */
function webhookNameOf(ctx: IWebhookFunctions): string {
	return typeof ctx.getWebhookName === 'function' ? ctx.getWebhookName() : 'default';
}

/**
 * The URL a store calls at checkout for live shipping rates: HighLevel (a registered shipping
 * carrier's `callbackUrl`), LaunchMyStore (a live rate provider's endpoint), BigCommerce (a
 * shipping provider's Quote URL). Verifies the call through the platform, parses its body into one
 * canonical rate request, and leaves the answer to a Shipping Rates Response node — with a
 * fail-open guard that answers the fallback rates at the deadline or when the workflow fails.
 * A second path, `check-connection`, is BigCommerce's Check Connection Options URL
 * (connectionCheck.ts).
 *
 * Sources: HighLevel Custom Shipping Carrier Integration Guide §3 (callback body and answer);
 * test/standins/specs/highlevel/apps/store.json (carrier registration); LaunchMyStore "Live Rate
 * Providers"; BigCommerce "Shipping Providers" (https://developer.bigcommerce.com/docs/integrations/shipping).
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
		// Per platform: "<Platform> live rates", or its trigger edge's (HighLevel adds the registration).
		subtitle: subtitleOf(),
		description:
			'Answers store checkout (HighLevel, LaunchMyStore, BigCommerce) with live shipping rates: starts when the store asks for rates, or when BigCommerce checks connection options',
		defaults: { name: 'Shipping Rates Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: platformCredentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'responseNode', path: 'rates' },
			// HighLevel may append "/rates" to the registered callback URL.
			{ name: 'default', httpMethod: 'POST', responseMode: 'responseNode', path: 'rates/rates' },
			// BigCommerce's Check Connection Options URL. Its own name tells `webhook` which path was
			// called; n8n runs no activation methods for it (there are none under that name).
			{
				name: CONNECTION_CHECK_WEBHOOK,
				httpMethod: 'POST',
				responseMode: 'responseNode',
				path: CONNECTION_CHECK_PATH,
			},
		],
		properties: [
			{
				displayName:
					'Answer the call with a Shipping Rates Response node. If the workflow fails or runs past the deadline, the store gets the fallback rates below.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			platformProperty,
			{
				displayName:
					"Give BigCommerce this trigger's Production URL (…/rates) as Quote URL and the same URL ending in /check-connection as Check Connection Options URL, both signed with ?loc=STORE_HASH&t=TOKEN (BigCommerce Shipping node → Callback URL → Sign). Quote items carry the merchant's options under platformContext (e.g. platformContext.connection_options). A connection check starts the workflow with an item of kind checkConnectionOptions: set valid and messages on it and end in the Shipping Rates Response node.",
				name: 'bigCommerceNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['bigCommerce'] } },
			},
			// Each platform's own fields, from its trigger edge (HighLevel: Authentication, Carrier
			// Registration, Carrier Name, Carrier Services, Location ID).
			...edgeProperties,
			...deadlineProperties,
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
							'Answer an identical cart again for this many seconds without running the workflow (HighLevel asks again while the buyer edits checkout; header x-shipping-rates-source: cache). Only answers with carrier quotes are kept, never fallback rates; kept in memory of the process that receives the callback. 0 = off. A changed workflow applies to cached carts after at most this long.',
					},
					{
						displayName: 'Max Executions in Flight',
						name: 'maxInFlight',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_MAX_IN_FLIGHT,
						description:
							'Most executions of this workflow running at once for callbacks received by this n8n process. A callback beyond it is answered at once from the answer cache, else with the fallback rates (header x-shipping-rates-source: fallback-overload), and starts no execution, so a checkout burst cannot pile up work and memory. 0 = no bound. Raise it with more CPU cores or a slower carrier; see the README on bursts.',
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

	// Activation work of the platform's trigger edge (HighLevel: carrier registration); none else.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const activation = activationOf(this);
				return activation ? await activation.checkExists(this) : true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const activation = activationOf(this);
				return activation ? await activation.create(this) : true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const activation = activationOf(this);
				return activation ? await activation.delete(this) : true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (webhookNameOf(this) === CONNECTION_CHECK_WEBHOOK) return await handleConnectionCheck.call(this);
		return await handleRateCallback.call(this);
	}
}
