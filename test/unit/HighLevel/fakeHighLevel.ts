/**
 * An in-memory HighLevel store API (carriers, zones, rates) and payments API (orders,
 * fulfillments; test/standins/specs/highlevel/apps/payments.json) behind a mocked
 * `helpers.httpRequestWithAuthentication`, plus a mocked IExecuteFunctions / ILoadOptionsFunctions.
 * Responses follow test/standins/specs/highlevel/apps/store.json: `{status, message, data}` for
 * single records and carriers, `{total, data[]}` (paged with limit/offset) for zones and rates.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { HighLevelShipping } from '../../../nodes/HighLevel/HighLevelShipping.node';

export const BASE_URL = 'https://services.leadconnectorhq.com';
export const LOCATION = 'loc-1';
export const HEADERS = { Version: '2021-07-28', Accept: 'application/json' };

/** What n8n's request helper throws for an HTTP error (an axios-style error). */
export function httpError(status: number, body: IDataObject): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data: body },
	});
}

export interface RecordedCall {
	credentialType: string;
	options: IHttpRequestOptions;
}

type Failure = { when: (options: IHttpRequestOptions) => boolean; error: Error; once: boolean };

export class FakeHighLevel {
	carriers: IDataObject[] = [];
	zones: IDataObject[] = [];
	rates = new Map<string, IDataObject[]>();
	orders: IDataObject[] = [];
	fulfillments = new Map<string, IDataObject[]>();
	calls: RecordedCall[] = [];
	/** Leave `shippingRates` out of the zone list even with withShippingRate=true. */
	omitRatesInZoneList = false;
	/** Server default page size when `limit` is 0 or absent. */
	defaultLimit = 20;
	private failures: Failure[] = [];
	private seq = 0;

	failWhen(when: (options: IHttpRequestOptions) => boolean, error: Error, once = true): this {
		this.failures.push({ when, error, once });
		return this;
	}

	addCarrier(fields: IDataObject): IDataObject {
		const carrier = { _id: `car-${++this.seq}`, altId: LOCATION, altType: 'location', ...fields };
		this.carriers.push(carrier);
		return carrier;
	}

	addZone(fields: IDataObject, rates: IDataObject[] = []): IDataObject {
		const zone = {
			_id: `zone-${++this.seq}`,
			altId: LOCATION,
			altType: 'location',
			countries: [],
			...fields,
		};
		this.zones.push(zone);
		this.rates.set(
			String(zone._id),
			rates.map((rate) => ({ _id: `rate-${++this.seq}`, shippingZoneId: zone._id, ...rate })),
		);
		return zone;
	}

	/**
	 * An order shaped like the OrderCreate example: `items[{_id, name, qty, price{_id}, product}]`
	 * from `[priceId, qty]` pairs.
	 */
	addOrder(fields: IDataObject = {}, lines: Array<[string, number]> = []): IDataObject {
		const id = `order-${++this.seq}`;
		const order = {
			_id: id,
			altId: LOCATION,
			altType: 'location',
			status: 'pending',
			fulfillmentStatus: 'unfulfilled',
			currency: 'USD',
			amount: 10,
			createdAt: '2024-04-04T16:24:27.036Z',
			items: lines.map(([priceId, qty], index) => ({
				_id: `${id}-item-${index + 1}`,
				name: `Item ${priceId}`,
				qty,
				price: { _id: priceId, name: priceId, type: 'one_time', currency: 'USD', amount: 5 },
				product: { _id: `prod-${priceId}`, name: `Product ${priceId}` },
			})),
			...fields,
		};
		this.orders.push(order);
		return order;
	}

	/** An existing fulfillment of an order from `[priceId, qty]` pairs. */
	addFulfillment(orderId: string, lines: Array<[string, number]>): IDataObject {
		const fulfillment = {
			_id: `ful-${++this.seq}`,
			altId: LOCATION,
			altType: 'location',
			trackings: [],
			items: lines.map(([priceId, qty]) => ({ _id: priceId, name: priceId, qty })),
		};
		const list = this.fulfillments.get(orderId) ?? [];
		list.push(fulfillment);
		this.fulfillments.set(orderId, list);
		return fulfillment;
	}

	/** Calls other than GET. */
	writes(): RecordedCall[] {
		return this.calls.filter((call) => call.options.method !== 'GET');
	}

	async handle(credentialType: string, options: IHttpRequestOptions): Promise<IDataObject> {
		this.calls.push({ credentialType, options: JSON.parse(JSON.stringify(options)) });
		const failure = this.failures.find((entry) => entry.when(options));
		if (failure) {
			if (failure.once) this.failures.splice(this.failures.indexOf(failure), 1);
			throw failure.error;
		}
		const path = new URL(options.url).pathname.split('/').filter(Boolean);
		const qs = (options.qs ?? {}) as IDataObject;
		const body = (options.body ?? {}) as IDataObject;
		const method = options.method ?? 'GET';
		const notFound = (what: string) =>
			httpError(404, { statusCode: 404, message: `${what} not found`, traceId: 'nf-1' });
		const ok = (data?: IDataObject) => ({ status: true, message: 'ok', ...(data ? { data } : {}) });
		const page = (list: IDataObject[]) => {
			const limit = Number(qs.limit) || this.defaultLimit;
			const offset = Number(qs.offset) || 0;
			return { total: list.length, data: list.slice(offset, offset + limit) };
		};
		const stripAlt = (fields: IDataObject) => {
			const rest = { ...fields };
			delete rest.altId;
			delete rest.altType;
			return rest;
		};

		if (path[0] === 'payments' && path[1] === 'orders') {
			const orderId = path[2];
			if (!orderId && method === 'GET') {
				const limit = Number(qs.limit) || 10;
				const offset = Number(qs.offset) || 0;
				const list = this.orders.filter(
					(order) =>
						(!qs.status || order.status === qs.status) &&
						(!qs.paymentStatus || order.paymentStatus === qs.paymentStatus) &&
						(!qs.contactId || order.contactId === qs.contactId),
				);
				return { data: list.slice(offset, offset + limit), totalCount: list.length };
			}
			const order = this.orders.find((entry) => entry._id === orderId);
			if (!order) {
				throw httpError(400, { statusCode: 400, message: 'Order not found', traceId: 'nf-2' });
			}
			if (!path[3] && method === 'GET') return { ...order };
			if (path[3] === 'fulfillments' && method === 'GET') {
				return { status: true, data: [...(this.fulfillments.get(String(orderId)) ?? [])] };
			}
			if (path[3] === 'fulfillments' && method === 'POST') {
				const fulfillment = this.addFulfillment(
					String(orderId),
					((body.items ?? []) as IDataObject[]).map((item) => [
						String(item.priceId),
						Number(item.qty),
					]),
				);
				fulfillment.trackings = body.trackings as IDataObject[];
				return { status: true, data: fulfillment };
			}
		}
		if (path[0] !== 'store') throw notFound('route');
		if (path[1] === 'shipping-carrier') {
			const id = path[2];
			if (!id && method === 'GET') return { status: true, message: 'ok', data: [...this.carriers] };
			if (!id && method === 'POST') return ok(this.addCarrier(stripAlt(body)));
			const carrier = this.carriers.find((entry) => entry._id === id);
			if (!carrier) throw notFound('Shipping carrier');
			if (method === 'GET') return ok(carrier);
			if (method === 'PUT') return ok(Object.assign(carrier, stripAlt(body)));
			this.carriers.splice(this.carriers.indexOf(carrier), 1);
			return ok();
		}
		if (path[1] === 'shipping-zone') {
			const zoneId = path[2];
			const withRates = (zone: IDataObject) =>
				qs.withShippingRate && !this.omitRatesInZoneList
					? { ...zone, shippingRates: [...(this.rates.get(String(zone._id)) ?? [])] }
					: zone;
			if (!zoneId && method === 'GET') return page(this.zones.map(withRates));
			if (!zoneId && method === 'POST') return ok(this.addZone(stripAlt(body)));
			const zone = this.zones.find((entry) => entry._id === zoneId);
			if (!zone) throw notFound('Shipping zone');
			const rates = this.rates.get(String(zoneId)) ?? [];
			if (path[3] === 'shipping-rate') {
				const rateId = path[4];
				if (!rateId && method === 'GET') return page(rates);
				if (!rateId && method === 'POST') {
					const rate = { _id: `rate-${++this.seq}`, shippingZoneId: zoneId, ...stripAlt(body) };
					rates.push(rate);
					return ok(rate);
				}
				const rate = rates.find((entry) => entry._id === rateId);
				if (!rate) throw notFound('Shipping rate');
				if (method === 'GET') return ok(rate);
				if (method === 'PUT') return ok(Object.assign(rate, stripAlt(body)));
				rates.splice(rates.indexOf(rate), 1);
				return ok();
			}
			if (method === 'GET') return ok(withRates(zone));
			if (method === 'PUT') return ok(Object.assign(zone, stripAlt(body)));
			this.zones.splice(this.zones.indexOf(zone), 1);
			this.rates.delete(String(zoneId));
			return ok();
		}
		throw notFound('route');
	}
}

/** The node under test (the only place that names its class). */
export const createNode = () => new HighLevelShipping();

export const NODE: INode = {
	id: 'node-1',
	name: 'HighLevel',
	type: 'n8n-nodes-highlevel-shipping.highLevelShipping',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export type Params = Record<string, unknown>;

export interface ContextOptions {
	/** Node parameters; a function value is called with the item index. */
	params: Params;
	items?: number;
	credentials?: IDataObject;
	continueOnFail?: boolean;
}

const isLocator = (value: unknown): value is { __rl: true; value: unknown } =>
	typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;

/** Resource locator value as n8n stores it. */
export const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

function readParam(
	params: Params,
	name: string,
	itemIndex: number,
	fallback: unknown,
	extract: boolean,
) {
	let value = params[name];
	if (typeof value === 'function') value = (value as (index: number) => unknown)(itemIndex);
	if (value === undefined) {
		if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
		return fallback;
	}
	return extract && isLocator(value) ? value.value : value;
}

export function createExecuteContext(fake: FakeHighLevel, options: ContextOptions) {
	const credentials = options.credentials ?? { oauthTokenData: { locationId: LOCATION } };
	const httpRequestWithAuthentication = jest.fn(
		async (credentialType: string, request: IHttpRequestOptions) =>
			await fake.handle(credentialType, request),
	);
	const getCredentials = jest.fn(async () => credentials);
	const context = {
		getNode: () => NODE,
		getInputData: (): INodeExecutionData[] =>
			Array.from({ length: options.items ?? 1 }, (_, index) => ({ json: { index } })),
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			parameterOptions?: { extractValue?: boolean },
		) =>
			readParam(options.params, name, itemIndex, fallback, parameterOptions?.extractValue === true),
		getCredentials,
		continueOnFail: () => options.continueOnFail === true,
		helpers: { httpRequestWithAuthentication },
	};
	return {
		context: context as unknown as IExecuteFunctions,
		httpRequestWithAuthentication,
		getCredentials,
	};
}

export function createLoadOptionsContext(
	fake: FakeHighLevel,
	params: Params,
	credentials?: IDataObject,
) {
	const context = {
		getNode: () => NODE,
		getNodeParameter: (name: string, fallback?: unknown) =>
			readParam(params, name, 0, fallback, false),
		getCurrentNodeParameter: (name: string, parameterOptions?: { extractValue?: boolean }) =>
			readParam(params, name, 0, null, parameterOptions?.extractValue === true) ?? undefined,
		getCredentials: async () => credentials ?? { oauthTokenData: { locationId: LOCATION } },
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, request: IHttpRequestOptions) =>
				await fake.handle(credentialType, request),
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}

/** Runs the node's execute() and returns its single output. */
export async function run(fake: FakeHighLevel, options: ContextOptions) {
	const { context, httpRequestWithAuthentication } = createExecuteContext(fake, options);
	const node = createNode();
	const [output] = await node.execute.call(context);
	return { output, httpRequestWithAuthentication };
}

/** Runs the node and returns the error it throws. */
export async function runError(fake: FakeHighLevel, options: ContextOptions): Promise<Error> {
	try {
		await run(fake, options);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to throw');
}
