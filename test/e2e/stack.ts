/**
 * Typed access, for the end-to-end tests, to scripts/lib/stack.js (the real-n8n stack shared with
 * the demo and the benchmark): a pinned n8n with the pack installed, the bundled workflows and the
 * HighLevel and Shippo stand-ins.
 */
import axios from 'axios';
import { sleep } from 'n8n-workflow';
import orderCreate from '../fixtures/webhooks/OrderCreate.json';

export interface StandinRecord {
	method?: string;
	route?: string;
	status?: number | string;
	headers?: Record<string, unknown>;
	query?: Record<string, unknown>;
	body?: Record<string, unknown>;
	response?: Record<string, unknown>;
}

export interface StandinLocation {
	carriers: Record<string, { _id: string; name: string; callbackUrl: string }>;
	zones: Record<string, { _id: string; name: string }>;
	rates: Record<
		string,
		{ _id: string; shippingZoneId: string; shippingCarrierId: string; isCarrierRate?: boolean }
	>;
}

export interface Standin {
	state?: { locations: Record<string, StandinLocation> };
	url: string;
	requests: StandinRecord[];
	violations: unknown[];
	setFault(fault: Record<string, unknown>): unknown;
	clearFaults(): void;
}

/** What a stand-in's dispatcher got back from the URL it called (quote, webhook, connection check). */
export interface DispatchResult {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	headers?: Record<string, string>;
	durationMs: number;
	attempts?: number;
	fellBack?: boolean;
	reason?: string;
	violations?: unknown[];
	webhookId?: string;
}

export interface Stack {
	executeWorkflow(which: string): Promise<unknown>;
	n8nUrl: string;
	/** Where production webhooks arrive: n8n itself, or the webhook process in queue mode. */
	webhookUrl: string;
	queue: {
		redisUrl: string;
		processes: Array<{ role: 'main' | 'webhook' | 'worker'; label: string; pid: number; url?: string; healthUrl: string }>;
		healthy(): Promise<boolean>;
		pauseWorkers(): void;
		resumeWorkers(): void;
	} | null;
	callbackUrl: string | null;
	callbackSecret: string;
	sharedSecret: string;
	locationId: string;
	/** The workflows imported (file: absolute path), whether published, and the definition as imported. */
	workflows: Array<{ id: string; name: string; file: string; active: boolean; definition: { nodes: unknown[] } }>;
	logFile: string;
	standins: {
		highlevel: Standin;
		shippo: Standin;
		/** test/standins/launchmystore.js: REST API, signed quotes and webhooks. */
		launchmystore: Standin & {
			quote(options: Record<string, unknown>): Promise<DispatchResult>;
			webhook(options: Record<string, unknown>): Promise<DispatchResult>;
			createOrder(order: Record<string, unknown>): Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
			state: any; // eslint-disable-line @typescript-eslint/no-explicit-any
		};
		/** test/standins/bigcommerce.js: v2 shipping API, quote and check-connection dispatch. */
		bigcommerce: Standin & {
			quote(options: Record<string, unknown>): Promise<DispatchResult>;
			checkConnection(options: Record<string, unknown>): Promise<DispatchResult>;
			providerViolations: unknown[];
			state: any; // eslint-disable-line @typescript-eslint/no-explicit-any
		};
	};
	/** BigCommerce's signed Quote and Check Connection Options URLs of bigcommerce-live-rates.json. */
	bigCommerceUrls: { quoteUrl: string; checkConnectionUrl: string } | null;
	/** The imported workflows, each with the definition n8n got. */
	workflows: Array<{ id: string; name: string; file: string; active: boolean; definition: Record<string, unknown> }>;
	/**
	 * n8n's REST API (and the editor's authenticated files) as the owner: the session cookie is sent.
	 * Resolves with the answer's `data`; throws `METHOD path: HTTP <status> <body>` on 4xx/5xx.
	 */
	api(method: string, apiPath: string, body?: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** How each process ended: 'term' (exit 0 within the grace period), 'exit <code>', 'kill' or 'gone'. */
	stop(): Promise<Record<string, string>>;
}

type WorkflowTransform = (
	definition: unknown,
	file: string,
	context: { n8nUrl: string; highlevelWebhookKey?: string | null; providerUrl?: string | null },
) => unknown;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stack = require('../../scripts/lib/stack') as {
	startStack: (options?: Record<string, unknown>) => Promise<Stack>;
	adaptToStack: WorkflowTransform;
	pointInstallAtLiveRates: WorkflowTransform;
	setSetting: (definition: unknown, name: string, value: unknown) => unknown;
};

export const { startStack, adaptToStack, pointInstallAtLiveRates, setSetting } = stack;

type Json = Record<string, unknown>;

/** The webhookId of the first node of a bundled workflow whose type ends with `typeSuffix`. */
export function webhookIdOf(workflow: { nodes: unknown[] }, typeSuffix: string): string {
	const node = (workflow.nodes as Json[]).find((n) => String(n.type).endsWith(typeSuffix));
	if (!node) throw new Error(`no node of type *${typeSuffix}`);
	return String(node.webhookId);
}

/** Polls `probe` every 250 ms until `done` accepts its value (at most `tries` times); the last value. */
export async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, tries = 80): Promise<T> {
	let value = await probe();
	for (let i = 0; i < tries && !done(value); i++) {
		await sleep(250);
		value = await probe();
	}
	return value;
}

/** The Shippo stand-in's test token (credentials of the stack). */
export const SHIPPO_AUTH = { Authorization: 'ShippoToken shippo_test_demo' };

/**
 * Buys a label at the Shippo stand-in for a Shippo order the way a merchant does in Shippo's app:
 * a shipment to the order's address, then a transaction for its first rate and the order, with no
 * metadata. The stand-in then sends `transaction_created` to the registered webhooks. Resolves with
 * the transaction (object_id, tracking_number, …).
 */
export async function buyLabelFor(shippoUrl: string, shippoOrder: Json): Promise<Json> {
	const to = shippoOrder.to_address as Json;
	const shipment = await axios.post(
		`${shippoUrl}/shipments`,
		{
			address_from: { name: 'Store', street1: '215 Clayton St.', city: 'San Francisco', state: 'CA', zip: '94117', country: 'US' },
			address_to: { name: to.name, street1: to.street1, city: to.city, state: to.state, zip: to.zip, country: to.country },
			parcels: [{ length: '10', width: '8', height: '4', distance_unit: 'in', weight: '2', mass_unit: 'lb' }],
			async: false,
		},
		{ headers: SHIPPO_AUTH },
	);
	const label = await axios.post(
		`${shippoUrl}/transactions`,
		{ rate: shipment.data.rates[0].object_id, order: shippoOrder.object_id, async: false },
		{ headers: SHIPPO_AUTH },
	);
	return label.data as Json;
}

/**
 * A paid, completed HighLevel order as the HighLevel stand-in stores it (seed data): HighLevel's
 * documented OrderCreate example without the event name, with this id and location.
 */
export function paidOrder(id: string, locationId: string): Json {
	const order: Json = { ...orderCreate, _id: id, altId: locationId, locationId, status: 'completed', paymentStatus: 'paid' };
	delete order.type;
	return { ...order, createdAt: new Date().toISOString() };
}

/** Has the HighLevel stand-in sign one webhook and send it to `eventsUrl`; its delivery record. */
export async function standinSends(
	highlevelUrl: string,
	eventsUrl: string,
	body: Json,
): Promise<{ status: number; body: unknown; sent: Json }> {
	const response = await axios.post(`${highlevelUrl}/__standin/webhooks`, { url: eventsUrl, ...body });
	return response.data as { status: number; body: unknown; sent: Json };
}
