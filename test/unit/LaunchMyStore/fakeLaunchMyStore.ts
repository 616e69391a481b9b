/**
 * An in-memory LaunchMyStore REST API behind a mocked `helpers.httpRequestWithAuthentication`, and
 * a mocked IExecuteFunctions / ILoadOptionsFunctions running the LaunchMyStore Shipping node.
 * Answers follow the documented shapes: `{success, data: order}`, `{success, data:
 * {fulfillments}}`, `201 {success, data: fulfillment}`, `{success, data: {items, pagination}}`;
 * failures throw what n8n's helper throws (an axios-style error with `response.status`/`data`).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { LaunchMyStore } from '../../../nodes/LaunchMyStore/LaunchMyStore.node';

export const BASE_URL = 'https://api.launchmystore.test';

export function httpError(status: number, body: unknown): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, data: body } });
}

export interface RecordedCall {
	credentialType: string;
	options: IHttpRequestOptions;
}

export class FakeLaunchMyStore {
	orders = new Map<string, IDataObject>();
	fulfillments = new Map<string, IDataObject[]>();
	calls: RecordedCall[] = [];
	private failures: Array<{ when: (o: IHttpRequestOptions) => boolean; error: Error }> = [];
	private seq = 0;

	/** An order with line items from `[id, quantity]` pairs. */
	addOrder(lines: Array<[string, number]>, fields: IDataObject = {}): IDataObject {
		const id = String(fields.id ?? `ord_${++this.seq}`);
		const order: IDataObject = {
			id,
			order_number: 1000 + this.seq,
			status: 'confirmed',
			fulfillment_status: 'unfulfilled',
			currency: 'USD',
			line_items: lines.map(([lineId, quantity]) => ({ id: lineId, title: `Item ${lineId}`, sku: lineId, quantity })),
			shipping_lines: [{ title: 'Standard', code: 'acme-shipping-standard', price: 800, source: 'acme-shipping' }],
			fulfillments: [],
			...fields,
		};
		this.orders.set(id, order);
		this.fulfillments.set(id, []);
		return order;
	}

	addFulfillment(orderId: string, lines: Array<[string, number]>, fields: IDataObject = {}): IDataObject {
		const fulfillment: IDataObject = {
			id: `ful_${++this.seq}`,
			order_id: orderId,
			status: 'success',
			tracking_number: null,
			line_items: lines.map(([id, quantity]) => ({ id, quantity })),
			...fields,
		};
		this.fulfillments.get(orderId)?.push(fulfillment);
		return fulfillment;
	}

	failWhen(when: (options: IHttpRequestOptions) => boolean, error: Error): this {
		this.failures.push({ when, error });
		return this;
	}

	writes(): RecordedCall[] {
		return this.calls.filter((call) => call.options.method !== 'GET');
	}

	/** "METHOD /path" of every call. */
	routes(): string[] {
		return this.calls.map((call) => `${call.options.method ?? 'GET'} ${new URL(call.options.url).pathname}`);
	}

	async handle(credentialType: string, options: IHttpRequestOptions): Promise<unknown> {
		this.calls.push({ credentialType, options: JSON.parse(JSON.stringify(options)) as IHttpRequestOptions });
		const failure = this.failures.find((entry) => entry.when(options));
		if (failure) {
			this.failures.splice(this.failures.indexOf(failure), 1);
			throw failure.error;
		}
		const path = new URL(options.url).pathname;
		const method = options.method ?? 'GET';
		const ok = (data: unknown) => ({ success: true, data });
		if (method === 'GET' && path === '/api/v1/orders') {
			const qs = (options.qs ?? {}) as IDataObject;
			const page = Number(qs.page) || 1;
			const limit = Number(qs.limit) || 50;
			const all = [...this.orders.values()].filter((o) => !qs.fulfillment_status || o.fulfillment_status === qs.fulfillment_status);
			const start = (page - 1) * limit;
			return ok({
				items: all.slice(start, start + limit),
				pagination: { page, limit, total: all.length, hasMore: start + limit < all.length },
			});
		}
		const match = /^\/api\/v1\/orders\/([^/]+?)(\.json|\/fulfillments\.json)$/.exec(path);
		const order = match ? this.orders.get(decodeURIComponent(match[1])) : undefined;
		if (!match || !order) throw httpError(404, { success: false, error: 'Order not found' });
		const orderId = String(order.id);
		if (match[2] === '.json' && method === 'GET') return ok({ ...order });
		if (method === 'GET') return ok({ fulfillments: [...(this.fulfillments.get(orderId) ?? [])] });
		if (method === 'POST') {
			const body = options.body as IDataObject;
			const created = this.addFulfillment(
				orderId,
				(body.line_items as IDataObject[]).map((line) => [String(line.id), Number(line.quantity)]),
				{
					status: body.status ?? 'pending',
					tracking_number: body.tracking_number ?? null,
					tracking_company: body.tracking_company ?? null,
					tracking_url: body.tracking_url ?? null,
					notify_customer: body.notify_customer,
				},
			);
			return ok(created);
		}
		throw httpError(405, { success: false, error: `Method ${method} not allowed` });
	}
}

export const NODE: INode = {
	id: 'lms-node',
	name: 'LaunchMyStore',
	type: 'n8n-nodes-highlevel-shipping.launchMyStore',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

type ParamValue = unknown | ((itemIndex: number) => unknown);

export interface RunOptions {
	params: Record<string, ParamValue>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

const isLocator = (value: unknown): value is { __rl: true; value: unknown } =>
	typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;

/** A resource locator value as n8n stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The mocked context: parameters by name (a function value gets the item index), locators unwrapped. */
export function createContext(fake: FakeLaunchMyStore, options: RunOptions) {
	const context = {
		getNode: () => NODE,
		getInputData: () => options.items ?? [{ json: {} }],
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, extra?: { extractValue?: boolean }) => {
			let value = options.params[name];
			if (typeof value === 'function') value = (value as (index: number) => unknown)(itemIndex);
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			return extra?.extractValue && isLocator(value) ? value.value : value;
		},
		getCurrentNodeParameter: (name: string) => options.params[name],
		getCredentials: async () => ({ baseUrl: `${BASE_URL}/`, accessToken: 'lms-token', clientSecret: 's', appHandle: 'acme-shipping' }),
		continueOnFail: () => options.continueOnFail === true,
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, request: IHttpRequestOptions) =>
				await fake.handle(credentialType, request),
		},
	};
	return context;
}

/** Runs the node once; returns the output items and their JSON. */
export async function run(fake: FakeLaunchMyStore, options: RunOptions) {
	const ctx = createContext(fake, options);
	const [output] = await new LaunchMyStore().execute.call(ctx as unknown as IExecuteFunctions);
	return { output, json: output.map((item) => item.json) };
}

/** Runs the node and returns what it throws. */
export async function runError(fake: FakeLaunchMyStore, options: RunOptions): Promise<Error & IDataObject> {
	try {
		await run(fake, options);
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('expected the node to throw');
}

export const loadOptionsContext = (fake: FakeLaunchMyStore) =>
	createContext(fake, { params: {} }) as unknown as ILoadOptionsFunctions;
