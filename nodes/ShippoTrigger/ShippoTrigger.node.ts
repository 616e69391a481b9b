import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { OrderReference } from '../../nodes/shared/core/tracking';
import { decodeOrderReference } from '../../nodes/shared/core/tracking';
import { parseShippoWebhook, SHIPPO_TRACKING_EVENTS } from '../../nodes/shared/dialects/shippoWebhook';
import { withoutQuery } from '../../nodes/shared/signatures/callbackToken';
import {
	SHIPPO_SIGNATURE_HEADER,
	signShippoWebhookPath,
	verifyShippoSignature,
	verifyShippoWebhookPath,
} from '../../nodes/shared/signatures/shippoWebhook';
import { getShippoCredentials, shippoApiRequest, toShippoError } from '../../nodes/shared/shippo/transport';
import { deleteShippoWebhooks, listShippoWebhooks } from '../../nodes/shared/shippo/webhooks';

/**
 * Starts a workflow when Shippo reports a bought label (transaction_created/updated) or a tracking
 * change (track_updated), as one canonical tracking update with the HighLevel order reference
 * decoded from the label's metadata (`hl:<locationId>:<orderId>`).
 *
 * On activation it registers one Shippo webhook per event (`POST /webhooks`) with a URL carrying a
 * token signed with the credential's secret, and removes them on deactivation; no ids are stored.
 * Every call must carry that token (401 otherwise); a `Shippo-Auth-Signature` header, when Shippo
 * sends one, is verified too. Deliveries it does not use (an event not selected, a label still
 * queued) are answered 200 `{ignored: true, reason}`.
 *
 * Looking up the order (labels without metadata): when Shippo answers 404/410 for the label or order
 * the event names, the delivery is answered 200 `{ignored: true, reason: "<what> not found at Shippo (…)"}` and
 * starts nothing: Shippo may deliver a non-2xx answer again (its retry policy is unconfirmed,
 * docs/reference/carriers.md §3 and §12), and a retry cannot make that object exist. When Shippo
 * cannot be asked (network, timeout, 429, 5xx, 401/403) it is answered 502 with the reason, so a
 * retry can still deliver the event. Sources: test/standins/specs/shippo/public-api.yaml (webhooks,
 * createWebhook, listWebhooks, deleteWebhook); docs/reference/carriers.md §3.
 */
export class ShippoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shippo Trigger',
		name: 'shippoTrigger',
		icon: { light: 'file:../../icons/shippo.svg', dark: 'file:../../icons/shippo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Shippo buys a label or a tracking status changes',
		defaults: { name: 'Shippo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'highLevelShippingShippoApi', required: true }],
		// responseData '' lets the webhook's own answer ({received, event}) through (n8n's default
		// would be the text "firstEntryJson").
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'shippo' },
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Label Created', value: 'transaction_created', description: 'Shippo event transaction_created' },
					{ name: 'Label Updated', value: 'transaction_updated', description: 'Shippo event transaction_updated' },
					{ name: 'Tracking Updated', value: 'track_updated', description: 'Shippo event track_updated' },
				],
				default: ['transaction_created', 'track_updated'],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Look Up Order Reference',
						name: 'lookUpReference',
						type: 'boolean',
						default: true,
						description:
							"Whether to find the HighLevel order through Shippo when the event's own metadata does not carry hl:&lt;locationId&gt;:&lt;orderId&gt;: from the label's order (order_number), or for tracking events from the label (metadata, then its order). Labels bought in Shippo's web app have no metadata.",
					},
					{
						displayName: 'Include Shippo Payload',
						name: 'includePayload',
						type: 'boolean',
						default: false,
						description: "Whether to add Shippo's event data as received (field shippo)",
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const target = await webhookTarget(this);
				const existing = await listShippoWebhooks(this);
				return target.events.every((event) =>
					existing.some((hook) => hook.event === event && hook.url === target.url),
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const target = await webhookTarget(this);
				const existing = await listShippoWebhooks(this);
				for (const event of target.events) {
					if (existing.some((hook) => hook.event === event && hook.url === target.url)) continue;
					await shippoApiRequest(this, {
						method: 'POST',
						endpoint: '/webhooks',
						body: { event, url: target.url, active: true, is_test: target.isTest },
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const base = withoutQuery((await webhookTarget(this)).url);
				await deleteShippoWebhooks(this, (hook) => withoutQuery(hook.url) === base);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const reject = (reason: string): IWebhookResponseData => {
			res.status(401).json({ error: reason });
			return { noWebhookResponse: true };
		};
		const secret = secretOf(await getShippoCredentials(this));
		const path = new URL(req.originalUrl ?? req.url, 'http://localhost').pathname;
		const token = String((req.query as IDataObject).t ?? '');
		if (!verifyShippoWebhookPath(secret.value, path, token)) {
			return reject('invalid or missing webhook token (query parameter t)');
		}
		const rawBody = (req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.from(JSON.stringify(req.body ?? {}));
		const signature = req.headers[SHIPPO_SIGNATURE_HEADER];
		if (signature && secret.isWebhookSecret) {
			const check = verifyShippoSignature(rawBody, String(signature), secret.value);
			if (!check.ok) return reject(check.reason);
		}
		const result = parseShippoWebhook(req.body);
		const events = this.getNodeParameter('events', []) as string[];
		if ('ignored' in result) return { webhookResponse: { ignored: true, reason: result.ignored } };
		if (!events.includes(result.event)) {
			return { webhookResponse: { ignored: true, reason: `event ${result.event} is not selected` } };
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const json: IDataObject = { ...(result.update as unknown as IDataObject) };
		if (!result.update.reference && options.lookUpReference !== false) {
			const data = (req.body as IDataObject).data as IDataObject;
			let lookup: ReferenceLookup;
			try {
				lookup = await lookUpReference(this, result.event, data);
			} catch (error) {
				// Shippo could not be asked now (network, timeout, 429, 5xx, credentials): answer 5xx so
				// Shippo delivers the event again instead of it being lost as "no order".
				const reason = error instanceof Error ? error.message : String(error);
				res.status(502).json({ error: `could not look up the HighLevel order at Shippo: ${reason}` });
				return { noWebhookResponse: true };
			}
			// Shippo says the label or its order does not exist: no retry can change that, so a 5xx would
			// only have Shippo deliver it again. Acknowledged and ignored, like other events this
			// trigger cannot use.
			if ('notFound' in lookup) return { webhookResponse: { ignored: true, reason: lookup.notFound } };
			if (lookup.reference) json.reference = lookup.reference as unknown as IDataObject;
		}
		if (options.includePayload) json.shippo = (req.body as IDataObject).data as IDataObject;
		return { webhookResponse: { received: true, event: result.event }, workflowData: [[{ json }]] };
	}
}

const idOf = (value: unknown): string | undefined => {
	const id = value && typeof value === 'object' ? (value as IDataObject).object_id : value;
	return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
};

/** What asking Shippo for the HighLevel order gave: the reference (undefined: Shippo knows of none), or what Shippo does not have. */
export type ReferenceLookup = { reference: OrderReference | undefined } | { notFound: string };

/** Milliseconds one look-up request may take; a slower Shippo counts as unreachable (answer 5xx). */
export const LOOKUP_TIMEOUT_MS = 10_000;

/** HTTP statuses with which Shippo says an object does not exist (permanent: a retry gives the same). */
const NOT_FOUND_STATUSES = ['404', '410'];

/**
 * The HighLevel order of a label or tracking event whose metadata has no reference:
 * - transaction events: `data.order` → GET /orders/{id} → `order_number`;
 * - track_updated: `data.transaction` → GET /transactions/{id} → `metadata`, else its `order`.
 *
 * Returns `{reference}` (undefined when the event names no order, or the order carries no
 * `hl:<locationId>:<orderId>`), or `{notFound}` with the reason when Shippo answers 404/410 for the
 * order or label the event names. Throws (a NodeApiError from shippoApiRequest) when Shippo cannot
 * be asked: network error, no answer within LOOKUP_TIMEOUT_MS, 429, 5xx, 401/403.
 * Sources: docs/reference/carriers.md §9 (mapping a carrier webhook back without a database);
 * test/standins/specs/shippo/public-api.yaml (getOrder, getTransaction: 404 `{"detail": "Not found."}`).
 */
export async function lookUpReference(
	ctx: IWebhookFunctions,
	event: string,
	data: IDataObject,
): Promise<ReferenceLookup> {
	const get = async (what: string, endpoint: string): Promise<{ found: IDataObject } | { notFound: string }> => {
		try {
			return { found: await shippoApiRequest(ctx, { method: 'GET', endpoint, timeout: LOOKUP_TIMEOUT_MS }) };
		} catch (error) {
			if (error instanceof NodeApiError && NOT_FOUND_STATUSES.includes(String(error.httpCode))) {
				return { notFound: `${what} not found at Shippo (GET ${endpoint}: HTTP ${error.httpCode})` };
			}
			// shippoApiRequest throws NodeApiErrors only; anything else is wrapped the same way.
			throw error instanceof NodeApiError ? error : toShippoError(ctx, error);
		}
	};
	const fromOrder = async (orderId: string | undefined, whose: string): Promise<ReferenceLookup> => {
		if (!orderId) return { reference: undefined };
		const order = await get(`${whose} order ${orderId}`, `/orders/${encodeURIComponent(orderId)}`);
		if ('notFound' in order) return order;
		return { reference: decodeOrderReference(order.found.order_number) ?? decodeOrderReference(order.found.metadata) };
	};
	if (event !== 'track_updated') return await fromOrder(idOf(data.order), "the label's");
	const transactionId = idOf(data.transaction);
	if (!transactionId) return { reference: undefined };
	const transaction = await get(
		`the tracked label (transaction) ${transactionId}`,
		`/transactions/${encodeURIComponent(transactionId)}`,
	);
	if ('notFound' in transaction) return transaction;
	const reference = decodeOrderReference(transaction.found.metadata);
	return reference ? { reference } : await fromOrder(idOf(transaction.found.order), "the tracked label's");
}

/** The webhook secret when set, else the API token: either is held only by the credential owner. */
function secretOf(credentials: IDataObject): { value: string; isWebhookSecret: boolean } {
	const webhookSecret = String(credentials.webhookSecret ?? '');
	return webhookSecret
		? { value: webhookSecret, isWebhookSecret: true }
		: { value: String(credentials.token ?? ''), isWebhookSecret: false };
}

async function webhookTarget(ctx: IHookFunctions) {
	const webhookUrl = ctx.getNodeWebhookUrl('default');
	if (!webhookUrl) throw new NodeOperationError(ctx.getNode(), 'The trigger has no webhook URL');
	const credentials = await getShippoCredentials(ctx);
	const secret = secretOf(credentials);
	if (!secret.value) throw new NodeOperationError(ctx.getNode(), 'The Shippo credential has no API token');
	const url = new URL(webhookUrl);
	url.searchParams.set('t', signShippoWebhookPath(secret.value, url.pathname));
	const events = (ctx.getNodeParameter('events', []) as string[]).filter((event) =>
		(SHIPPO_TRACKING_EVENTS as readonly string[]).includes(event),
	);
	return {
		url: url.toString(),
		events,
		isTest: String(credentials.token ?? '').startsWith('shippo_test_'),
	};
}
