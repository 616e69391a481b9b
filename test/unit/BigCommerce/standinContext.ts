/**
 * Runs the BigCommerce Shipping node against the BigCommerce stand-in (test/standins/bigcommerce.js)
 * over real HTTP: a mocked n8n execution context whose `httpRequestWithAuthentication` sends the
 * node's request like n8n with the BigCommerce credential would (`X-Auth-Token`, JSON in and out,
 * DELETE bodies kept) and throws an axios-style error on an HTTP error status. Every request the
 * node sends is recorded per run.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { BigCommerceShipping } from '../../../nodes/BigCommerce/BigCommerceShipping.node';

export interface BigCommerceStandin {
	url: string;
	violations: unknown[];
	responseViolations: unknown[];
	providerViolations: unknown[];
	requests: Array<{
		method: string;
		path: string;
		route: string | null;
		status: number | string | null;
	}>;
	state: {
		zones: IDataObject[];
		methods: Record<string, IDataObject[]>;
		connections: Record<string, { carrier_id: string; connection: IDataObject }>;
	};
	reset(): void;
	setFault(fault: IDataObject): void;
	close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const standins = require('../../standins') as {
	startBigCommerceStandin: (options: IDataObject) => Promise<BigCommerceStandin>;
};

/** A carrier app answering BigCommerce's requests (test/standins/bigcommerce.js `startCarrierApp`). */
export interface CarrierApp {
	url: string;
	requests: Array<{ path: string; headers: Record<string, string>; body: unknown }>;
	close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCarrierApp: startApp } = require('../../standins/bigcommerce') as {
	startCarrierApp: (
		answer: (body: unknown, path: string) => { status?: number; body: unknown },
	) => Promise<CarrierApp>;
};

/** Starts a carrier app whose every answer is `answer(body, path)`. */
export const startCarrierApp = async (
	answer: (body: unknown, path: string) => { status?: number; body: unknown },
) => await startApp(answer);

export const STORE_HASH = 'demo-store';
export const ACCESS_TOKEN = 'bc-demo-token';
export const CALLBACK_SECRET = 'callback-secret-for-unit-tests';

export const startBigCommerceStandin = async (options: IDataObject = {}) =>
	await standins.startBigCommerceStandin({
		checkResponses: true,
		storeHash: STORE_HASH,
		accessToken: ACCESS_TOKEN,
		...options,
	});

const NODE: INode = {
	id: 'node-bigcommerce',
	name: 'BigCommerce Shipping',
	type: 'n8n-nodes-highlevel-shipping.bigCommerceShipping',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface SentRequest {
	method: string;
	url: string;
	body?: unknown;
}

/** Sends one request like n8n's helper with the BigCommerce credential; throws on HTTP errors. */
async function send(request: IHttpRequestOptions, token: string): Promise<unknown> {
	const url = new URL(request.url);
	for (const [key, value] of Object.entries(request.qs ?? {}))
		url.searchParams.set(key, String(value));
	const response = await fetch(url.href, {
		method: request.method ?? 'GET',
		headers: {
			...(request.headers as Record<string, string>),
			'X-Auth-Token': token,
			...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
		},
		body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
	});
	const text = await response.text();
	const data: unknown = text ? JSON.parse(text) : '';
	if (!response.ok) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
			response: { status: response.status, data },
		});
	}
	return data;
}

type ParamValue = unknown | ((itemIndex: number) => unknown);

export interface RunOptions {
	/** Node parameters; a function value is called with the item index. */
	params: Record<string, ParamValue>;
	/** Input items (default one empty item). */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Credential fields over the defaults (store hash, token, the stand-in's URL, callback secret). */
	credentials?: IDataObject;
}

const isLocator = (value: unknown): value is { __rl: true; value: unknown } =>
	typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;

/** A resource locator value as n8n stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

function credentialsOf(standin: BigCommerceStandin, extra: IDataObject = {}): IDataObject {
	return {
		storeHash: STORE_HASH,
		accessToken: ACCESS_TOKEN,
		baseUrl: standin.url,
		callbackSecret: CALLBACK_SECRET,
		headerSecret: '',
		...extra,
	};
}

/** Runs the node once against the stand-in; returns its output and the requests it sent. */
export async function runBigCommerce(standin: BigCommerceStandin, options: RunOptions) {
	const sent: SentRequest[] = [];
	const credentials = credentialsOf(standin, options.credentials);
	const httpRequestWithAuthentication = async (type: string, request: IHttpRequestOptions) => {
		if (type !== 'highLevelShippingBigCommerceApi')
			throw new Error(`unexpected credential type ${type}`);
		sent.push({ method: request.method ?? 'GET', url: request.url, body: request.body });
		return await send(request, String(credentials.accessToken));
	};
	const context = {
		getNode: () => NODE,
		getInputData: () => options.items ?? [{ json: {} }],
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			parameterOptions?: { extractValue?: boolean },
		) => {
			let value = options.params[name];
			if (typeof value === 'function') value = (value as (index: number) => unknown)(itemIndex);
			if (value === undefined && name.includes('.')) {
				const [head, ...rest] = name.split('.');
				let nested: unknown = options.params[head];
				if (typeof nested === 'function')
					nested = (nested as (index: number) => unknown)(itemIndex);
				for (const key of rest) nested = (nested as IDataObject | undefined)?.[key];
				value = nested;
			}
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			return parameterOptions?.extractValue && isLocator(value) ? value.value : value;
		},
		getCredentials: async () => credentials,
		continueOnFail: () => options.continueOnFail === true,
		helpers: { httpRequestWithAuthentication },
	};
	const [output] = await new BigCommerceShipping().execute.call(context as unknown as IExecuteFunctions);
	return {
		output,
		json: output.map((item) => item.json),
		sent,
		writes: sent.filter((request) => request.method !== 'GET'),
	};
}

/** Runs the node and returns the error it throws. */
export async function runBigCommerceError(
	standin: BigCommerceStandin,
	options: RunOptions,
): Promise<Error> {
	try {
		await runBigCommerce(standin, options);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to throw');
}

/** "METHOD /path below /stores/<hash>/v2" of a sent request. */
export const routeOf = (request: SentRequest) =>
	`${request.method} ${new URL(request.url).pathname.replace(`/stores/${STORE_HASH}/v2`, '')}`;

/** An ILoadOptionsFunctions for the resource-locator searches, against the stand-in. */
export function loadOptionsContext(
	standin: BigCommerceStandin,
	params: Record<string, unknown>,
): ILoadOptionsFunctions {
	const credentials = credentialsOf(standin);
	const context = {
		getNode: () => NODE,
		getNodeParameter: (name: string, fallback?: unknown) => params[name] ?? fallback,
		getCurrentNodeParameter: (name: string, parameterOptions?: { extractValue?: boolean }) => {
			const value = params[name];
			return parameterOptions?.extractValue && isLocator(value) ? value.value : value;
		},
		getCredentials: async () => credentials,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) =>
				await send(request, ACCESS_TOKEN),
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}
