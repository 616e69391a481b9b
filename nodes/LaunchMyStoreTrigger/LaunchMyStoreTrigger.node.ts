import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { parseJson } from '../../nodes/shared/json';
import { LAUNCHMYSTORE_CREDENTIAL_TYPE } from '../../nodes/shared/launchMyStore/transport';
import {
	checkTriggeredAt,
	currencyOf,
	DEFAULT_TRIGGERED_AT_WINDOW_SECONDS,
	describeShipping,
	headerOf,
	isOrderTopic,
	LMS_SHOP_DOMAIN_HEADER,
	LMS_TOPIC_HEADER,
	LMS_TRIGGERED_AT_HEADER,
	LMS_WEBHOOK_ID_HEADER,
	recordOfPayload,
	routeOrder,
	shippingLinesOf,
	topicSelected,
	webhookIdsOf,
	type HeaderBag,
} from '../../nodes/shared/launchMyStore/webhook';
import { verifyLaunchMyStoreSignature } from '../../nodes/shared/signatures/launchMyStore';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/**
 * Starts a workflow on LaunchMyStore webhooks of the app (orders, fulfillments, app uninstall),
 * typically `orders/create` of orders whose customer picked one of the app's live rates.
 *
 * Each delivery is checked in this order, answering without starting anything when it fails:
 * 1. signature over the raw body with the credential's client secret, constant time: hex
 *    `X-LMS-Signature` or base64 `X-LMS-Hmac-SHA256` → 401 `{error}` (500 when the credential has
 *    no client secret, so LaunchMyStore delivers again once it is set);
 * 2. the body is a JSON object → 400 `{error}`;
 * 3. `X-LMS-Triggered-At` within the window (default 5 minutes either way) → 401 `{error}`; a
 *    delivery without the header is accepted (the header is unsigned, see webhook.ts);
 * 4. `X-LMS-Topic` (or the envelope's `topic`) is one of the Events → else 200 `{ignored, reason}`;
 * 5. order topics with "Only Orders Shipped With This App's Rates": a shipping line's `source` is
 *    the credential's app handle (or empty, with Auto-Push) → else 200 `{ignored, reason}`;
 * 6. `X-LMS-Webhook-Id` not seen by this trigger node in this process for 24 h (10,000 ids kept)
 *    → else 200 `{ignored: true, reason: "duplicate webhook <id>"}`.
 * This dedupe only saves work: in queue mode or after a restart the ids are not shared, so
 * exactly-once effects come from idempotent writes downstream (the Shippo order by order number,
 * the LaunchMyStore fulfillment by tracking number). LaunchMyStore retries a non-2xx delivery 3
 * times (after 1, 5 and 15 minutes) and never retries a 4xx other than 429.
 *
 * Emits one item: orders → `{topic, webhookId, shopDomain, triggeredAt, order, shipping}` with
 * `shipping = {source, code, title, priceMajor?, serviceCode, servicePrefix}` (the service code
 * `<prefix>-<service>` decoded with the credential's Service Code Prefix, else its App Handle);
 * other topics → `{topic, webhookId, shopDomain, triggeredAt, payload}`.
 *
 * Sources: https://docs.launchmystore.io/api-reference/webhooks/overview,
 * https://docs.launchmystore.io/api-reference/webhooks/verification,
 * https://docs.launchmystore.io/api-reference/webhooks/topics,
 * https://docs.launchmystore.io/extensions/live-rate-providers.
 */
export class LaunchMyStoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LaunchMyStore Shipping Trigger',
		name: 'launchMyStoreTrigger',
		icon: { light: 'file:../../icons/launchmystore.svg', dark: 'file:../../icons/launchmystore.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on LaunchMyStore order and app webhooks, e.g. orders shipped with your live rates',
		defaults: { name: 'LaunchMyStore Shipping Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: LAUNCHMYSTORE_CREDENTIAL_TYPE, required: true }],
		// responseData '' lets the webhook's own answer through (n8n's default would be the text
		// "firstEntryJson").
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'events' },
		],
		properties: [
			{
				displayName:
					"LaunchMyStore sends an app's webhooks to the endpoints of its app.json (extensions.webhooks: topic + endpoint) or registered with POST /api/v1/webhooks.json: use this node's Production URL there. Activating the workflow registers nothing.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'All Topics (*)', value: '*' },
					{ name: 'App Uninstalled', value: 'app/uninstalled' },
					{ name: 'Fulfillment Created', value: 'fulfillments/create' },
					{ name: 'Fulfillment Updated', value: 'fulfillments/update' },
					{ name: 'Order Cancelled', value: 'orders/cancelled' },
					{ name: 'Order Created', value: 'orders/create' },
					{ name: 'Order Fulfilled', value: 'orders/fulfilled' },
					{ name: 'Order Paid', value: 'orders/paid' },
					{ name: 'Order Partially Fulfilled', value: 'orders/partially_fulfilled' },
					{ name: 'Order Updated', value: 'orders/updated' },
				],
				default: ['orders/create'],
				description:
					'Webhook topics (X-LMS-Topic) that start the workflow; others are answered 200 {ignored: true} and start nothing',
			},
			{
				displayName: "Only Orders Shipped With This App's Rates",
				name: 'onlyOwnRates',
				type: 'boolean',
				default: true,
				description:
					"Whether order topics start the workflow only when a shipping line's source is the credential's App Handle (the customer picked one of this app's live rates); orders of other apps, local pickup or merchant zones are ignored",
			},
			{
				displayName: 'Auto-Push',
				name: 'autoPush',
				type: 'boolean',
				default: false,
				description:
					'Whether to also take orders whose shipping line has no source (a merchant zone or local delivery rate), to ship every order through this app',
				displayOptions: { show: { onlyOwnRates: [true] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the request headers (lower-case names) to the item as headers',
					},
					{
						displayName: 'Triggered-At Window (Seconds)',
						name: 'triggeredAtWindowSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_TRIGGERED_AT_WINDOW_SECONDS,
						description:
							'Refuse (401) a delivery whose X-LMS-Triggered-At is further than this from now, before or after. It is the time of the event, not of the delivery: LaunchMyStore retries a failed delivery after 1, 5 and 15 minutes, so allow 1500 to accept retries.',
					},
				],
			},
		],
	};

	/**
	 * LaunchMyStore webhooks are declared in the app's manifest or registered once through its API
	 * (see the notice): these hooks register and remove nothing.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const receivedAt = Date.now();
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};
		const ignore = (reason: string): IWebhookResponseData => ({ webhookResponse: { ignored: true, reason } });
		const headers = req.headers as HeaderBag;

		const credentials = (await this.getCredentials(LAUNCHMYSTORE_CREDENTIAL_TYPE)) as IDataObject;
		const secret = text(credentials.clientSecret);
		if (!secret) return answer(500, { error: 'Client Secret is empty: set it on the LaunchMyStore credential' });
		const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from(JSON.stringify(req.body ?? {}));
		const signature = verifyLaunchMyStoreSignature(rawBody, headers, secret, { allowBase64: true });
		if (!signature.ok) return answer(401, { error: signature.reason });

		const parsed = parseJson(rawBody.toString('utf8'));
		if (parsed === undefined) return answer(400, { error: 'body is not valid JSON' });
		if (!isObject(parsed)) return answer(400, { error: 'body is not a JSON object' });

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const windowSeconds = Number(options.triggeredAtWindowSeconds ?? DEFAULT_TRIGGERED_AT_WINDOW_SECONDS);
		const triggeredAtHeader = headerOf(headers, LMS_TRIGGERED_AT_HEADER);
		const window = checkTriggeredAt(
			triggeredAtHeader,
			receivedAt,
			Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : DEFAULT_TRIGGERED_AT_WINDOW_SECONDS,
		);
		if (!window.ok) return answer(401, { error: window.reason });

		const topic = (headerOf(headers, LMS_TOPIC_HEADER) || text(parsed.topic)).toLowerCase();
		if (!topic) return ignore('no topic (X-LMS-Topic)');
		const events = this.getNodeParameter('events', []) as string[];
		if (!topicSelected(topic, events)) return ignore(`topic ${topic} is not selected`);

		const record = recordOfPayload(parsed);
		const json: IDataObject = {
			topic,
			webhookId: headerOf(headers, LMS_WEBHOOK_ID_HEADER) || null,
			shopDomain: headerOf(headers, LMS_SHOP_DOMAIN_HEADER) || text(parsed.shop_domain) || null,
			triggeredAt: window.triggeredAtMs !== undefined ? new Date(window.triggeredAtMs).toISOString() : null,
		};
		if (isOrderTopic(topic)) {
			const onlyOwn = this.getNodeParameter('onlyOwnRates', true) as boolean;
			const appHandle = text(credentials.appHandle);
			const lines = shippingLinesOf(record);
			const route = routeOrder(lines, appHandle, onlyOwn && (this.getNodeParameter('autoPush', false) as boolean));
			if (onlyOwn && !route.ok) return ignore(route.reason);
			const line = route.ok ? route.line : lines[0];
			const prefix = text(credentials.serviceCodePrefix) || appHandle;
			json.order = record;
			json.shipping = line ? describeShipping(line, prefix, currencyOf(record)) : null;
		} else {
			json.payload = record;
		}

		const webhookId = json.webhookId as string | null;
		if (webhookId) {
			const node = this.getNode();
			const ids = webhookIdsOf(`${this.getWorkflow().id ?? ''}:${node.id ?? node.name}`);
			if (!ids.add(webhookId)) return ignore(`duplicate webhook ${webhookId}`);
		}
		if (options.includeHeaders === true) json.headers = { ...headers } as IDataObject;
		return { webhookResponse: { received: true, topic }, workflowData: [[{ json }]] };
	}
}
