import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	eventTypeOf,
	ORDER_EVENT_TYPES,
	orderHasPhysicalItems,
	orderStatusOf,
	paymentStatusOf,
} from '../../nodes/shared/dialects/highlevelEvents';
import { parseJson } from '../../nodes/shared/json';
import {
	BoundedIdSet,
	checkReplay,
	DEFAULT_GHL_ED25519_PUBLIC_KEY,
	LEGACY_GHL_RSA_PUBLIC_KEY,
	verifyHighLevelWebhook,
	type HeaderBag,
} from '../../nodes/shared/signatures/highlevelWebhook';

/**
 * `webhookId`s already accepted, across all HighLevel Store Shipping Trigger nodes of this process (keys are
 * scoped by workflow and node). In memory only: a restart or another webhook process starts
 * empty; the 5-minute timestamp window bounds what a replay could reach.
 */
export const seenWebhookIds = new BoundedIdSet(10_000);

/**
 * Starts a workflow on HighLevel marketplace-app webhooks (orders, app install/uninstall,
 * products, prices). HighLevel signs each webhook with its own key, so no credential is needed:
 * the signature (Ed25519 `x-ghl-signature`, or the legacy RSA `x-wh-signature` when enabled) is
 * verified over the raw request bytes, else over `JSON.stringify` of the parsed body as HighLevel's
 * SDK does (a body re-formatted by a proxy; see verifyHighLevelWebhook); then the timestamp window
 * and `webhookId` dedupe are applied. A missing or invalid signature is answered 401 `{error}`.
 *
 * Sources: GoHighLevel/highlevel-api-docs docs/webhook events/*.md,
 * GoHighLevel/highlevel-api-docs docs/oauth/WebhookAuthentication.md, highlevel.md §5.
 */
export class HighLevelShippingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Store Shipping Trigger',
		name: 'highLevelShippingTrigger',
		icon: { light: 'file:../../icons/highlevel.svg', dark: 'file:../../icons/highlevel.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on HighLevel order, app, product and price webhooks',
		defaults: { name: 'HighLevel Store Shipping Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// responseData '' lets the webhook's own answer ({received, event}) through: n8n would otherwise
		// send its default, the text "firstEntryJson", to HighLevel.
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'events' },
		],
		properties: [
			{
				displayName:
					"HighLevel sends all webhooks of a marketplace app to one URL set in the app's settings: paste this node's Production URL into the app's Webhook URL (Advanced Settings → Webhooks) and enable the events there. Activating the workflow registers nothing in HighLevel.",
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
					{ name: 'App Install', value: 'INSTALL' },
					{ name: 'App Uninstall', value: 'UNINSTALL' },
					{ name: 'Order Created', value: 'OrderCreate' },
					{ name: 'Order Status Updated', value: 'OrderStatusUpdate' },
					{
						name: 'Other Event',
						value: 'unknown',
						description: 'Any webhook not recognised as one of the other events',
					},
					{ name: 'Price Created', value: 'PriceCreate' },
					{ name: 'Price Deleted', value: 'PriceDelete' },
					{ name: 'Price Updated', value: 'PriceUpdate' },
					{ name: 'Product Created', value: 'ProductCreate' },
					{ name: 'Product Deleted', value: 'ProductDelete' },
					{ name: 'Product Updated', value: 'ProductUpdate' },
				],
				default: ['OrderCreate', 'OrderStatusUpdate'],
				description:
					'Events that start the workflow; others are acknowledged and ignored. Product and price webhooks name no event: created when createdAt equals updatedAt, deleted only when marked deleted, otherwise updated.',
			},
			{
				displayName: 'Public Key',
				name: 'publicKey',
				type: 'string',
				typeOptions: { rows: 3 },
				default: DEFAULT_GHL_ED25519_PUBLIC_KEY,
				description:
					'Ed25519 public key that checks the x-ghl-signature header, as PEM, raw base64 or hex. Default: the key HighLevel publishes; replace it when HighLevel announces a rotation.',
			},
			{
				displayName: 'Accept Legacy RSA Signature',
				name: 'acceptLegacy',
				type: 'boolean',
				default: true,
				description:
					'Whether to accept a webhook signed only with the legacy RSA x-wh-signature header (HighLevel is retiring it in 2026)',
			},
			{
				displayName: 'RSA Public Key',
				name: 'rsaPublicKey',
				type: 'string',
				typeOptions: { rows: 4 },
				default: LEGACY_GHL_RSA_PUBLIC_KEY,
				description: 'PEM public key that checks the legacy x-wh-signature header',
				displayOptions: { show: { acceptLegacy: [true] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Age (Seconds)',
						name: 'maxAgeSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 300,
						description:
							'Reject a webhook whose timestamp is further than this from now, in the past or the future',
					},
					{
						displayName: 'Only Orders With Physical Items',
						name: 'onlyPhysical',
						type: 'boolean',
						default: false,
						description:
							'Whether to ignore order events without a line whose product type is PHYSICAL or PHYSICAL/DIGITAL (lines without a product type count as not physical)',
					},
					{
						displayName: 'Order Statuses',
						name: 'orderStatuses',
						type: 'multiOptions',
						options: [
							{ name: 'Cancelled', value: 'cancelled' },
							{ name: 'Completed', value: 'completed' },
							{ name: 'Pending', value: 'pending' },
							{ name: 'Refunded', value: 'refunded' },
						],
						default: [],
						description: 'Only order events with one of these statuses start the workflow. None: any status.',
					},
					{
						displayName: 'Payment Statuses',
						name: 'paymentStatuses',
						type: 'multiOptions',
						options: [
							{ name: 'Paid', value: 'paid' },
							{ name: 'Partially Paid', value: 'partially_paid' },
							{ name: 'Refunded', value: 'refunded' },
							{ name: 'Unpaid', value: 'unpaid' },
						],
						default: [],
						description:
							'Only order events with one of these payment statuses start the workflow; an order without a payment status is ignored. None: any.',
					},
				],
			},
		],
	};

	/**
	 * HighLevel has no API to subscribe a webhook URL: it is set once in the marketplace app's
	 * settings (see the notice). These hooks therefore register and remove nothing.
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
		const receivedAt = new Date();
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};

		const rawBody = Buffer.isBuffer(req.rawBody)
			? req.rawBody
			: Buffer.from(JSON.stringify(req.body ?? {}), 'utf8');
		const acceptLegacy = this.getNodeParameter('acceptLegacy', true) as boolean;
		// The parsed body is a second reading of the signed bytes (verifyHighLevelWebhook) only when it is
		// the JSON object this trigger then emits.
		const parsedBody = isJsonObject(req.body) ? req.body : undefined;
		const verified = verifyHighLevelWebhook({
			rawBody,
			parsedBody,
			headers: req.headers as HeaderBag,
			ed25519Key: this.getNodeParameter('publicKey', DEFAULT_GHL_ED25519_PUBLIC_KEY) as string,
			rsaKey: acceptLegacy
				? (this.getNodeParameter('rsaPublicKey', LEGACY_GHL_RSA_PUBLIC_KEY) as string)
				: undefined,
			acceptLegacy,
		});
		if (!verified.ok) return answer(401, { error: verified.reason });

		// Signed as re-serialised: exactly that parsed body is what was signed, so it is the payload.
		const payload = verified.signedBody === 'reserialised' ? parsedBody : payloadOf(req.body, rawBody);
		if (!payload) return answer(400, { error: 'body is not a JSON object' });

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const maxAgeSeconds = Number(options.maxAgeSeconds ?? 300);
		const replay = checkReplay(payload, {
			now: receivedAt.getTime(),
			maxAgeMs: (Number.isFinite(maxAgeSeconds) && maxAgeSeconds > 0 ? maxAgeSeconds : 300) * 1000,
			seen: seenWebhookIds,
			scope: `${this.getWorkflow().id ?? ''}:${this.getNode().name}:`,
		});
		if (!replay.ok) {
			return replay.kind === 'duplicate'
				? answer(200, { duplicate: true })
				: answer(401, { error: replay.reason });
		}

		const event = eventTypeOf(payload);
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(event)) return answer(200, { ignored: `event ${event} not selected` });

		if (ORDER_EVENT_TYPES.includes(event)) {
			const ignored = orderFilterReason(payload, options);
			if (ignored) return answer(200, { ignored });
		}

		return {
			webhookResponse: { received: true, event },
			workflowData: [[{ json: { event, ...payload, receivedAt: receivedAt.toISOString() } }]],
		};
	}
}

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/** A parsed body that is a JSON object with at least one key (what payloadOf prefers). */
const isJsonObject = (value: unknown): value is IDataObject => isObject(value) && Object.keys(value).length > 0;

function payloadOf(body: unknown, rawBody: Buffer): IDataObject | undefined {
	if (isJsonObject(body)) return body;
	const parsed = parseJson(rawBody.toString('utf8'));
	if (parsed === undefined) return isObject(body) ? body : undefined;
	return isObject(parsed) ? parsed : undefined;
}

/** Why an order event is filtered out by the options, or undefined when it passes. */
function orderFilterReason(order: IDataObject, options: IDataObject): string | undefined {
	const statuses = ((options.orderStatuses as string[] | undefined) ?? []).map((s) => s.toLowerCase());
	if (statuses.length > 0) {
		const status = orderStatusOf(order);
		if (!status || !statuses.includes(status)) return `order status ${status ?? '(none)'} not selected`;
	}
	const paymentStatuses = ((options.paymentStatuses as string[] | undefined) ?? []).map((s) =>
		s.toLowerCase(),
	);
	if (paymentStatuses.length > 0) {
		const paymentStatus = paymentStatusOf(order);
		if (!paymentStatus || !paymentStatuses.includes(paymentStatus)) {
			return `payment status ${paymentStatus ?? '(none)'} not selected`;
		}
	}
	if (options.onlyPhysical === true && !orderHasPhysicalItems(order)) return 'order has no physical items';
	return undefined;
}
