/**
 * Runs the HighLevel node against the HighLevel stand-in (test/standins/highlevel.js) over real
 * HTTP: a mocked n8n execution context whose `httpRequestWithAuthentication` sends the node's
 * request like n8n would (Bearer token, JSON, query arrays repeated) and throws an axios-style
 * error on an HTTP error status. Every request the node sends is recorded per run.
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
import { sendToStandin } from '../helpers/standinHttp';

export interface HighLevelStandin {
	url: string;
	violations: unknown[];
	responseViolations: unknown[];
	requests: Array<{ method: string; path: string; route: string | null; status: number | null }>;
	state: { locations: Record<string, IDataObject> };
	reset(): void;
	setFault(fault: IDataObject): void;
	close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const standins = require('../../standins') as {
	startHighLevelStandin: (options: IDataObject) => Promise<HighLevelStandin>;
};

export const startHighLevelStandin = async (options: IDataObject = {}) =>
	await standins.startHighLevelStandin({ checkResponses: true, ...options });

export const STANDIN_LOCATION = 'standin-loc-1';
const ACCESS = 'standin-access-for-unit-tests';

const NODE: INode = {
	id: 'node-standin',
	name: 'HighLevel',
	type: 'n8n-nodes-highlevel-shipping.highLevelShipping',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface SentRequest {
	method: string;
	url: string;
	qs?: IDataObject;
	body?: unknown;
}

/** Sends one request like n8n's helper (Bearer token, JSON in and out), throwing on HTTP errors. */
const send = async (request: IHttpRequestOptions) => await sendToStandin(request, `Bearer ${ACCESS}`);

type ParamValue = unknown | ((itemIndex: number) => unknown);

export interface StandinRunOptions {
	/** Node parameters; a function value is called with the item index. */
	params: Record<string, ParamValue>;
	/** Input items (default one empty item). */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	locationId?: string;
}

const isLocator = (value: unknown): value is { __rl: true; value: unknown } =>
	typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;

/** A resource locator value as n8n stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Runs the node once against the stand-in; returns its output and the requests it sent. */
export async function runAgainstStandin(standin: HighLevelStandin, options: StandinRunOptions) {
	const sent: SentRequest[] = [];
	const httpRequestWithAuthentication = async (_type: string, request: IHttpRequestOptions) => {
		sent.push({
			method: request.method ?? 'GET',
			url: request.url,
			qs: request.qs,
			body: request.body,
		});
		return await send(request);
	};
	const credentials = {
		baseUrl: standin.url,
		oauthTokenData: { access_token: ACCESS, locationId: options.locationId ?? STANDIN_LOCATION },
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
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			return parameterOptions?.extractValue && isLocator(value) ? value.value : value;
		},
		getCredentials: async () => credentials,
		continueOnFail: () => options.continueOnFail === true,
		helpers: { httpRequestWithAuthentication, httpRequest: send },
	};
	const [output] = await new HighLevelShipping().execute.call(
		context as unknown as IExecuteFunctions,
	);
	return {
		output,
		json: output.map((item) => item.json),
		sent,
		writes: sent.filter((request) => request.method !== 'GET'),
	};
}

/** Runs the node and returns the error it throws. */
export async function runErrorAgainstStandin(
	standin: HighLevelStandin,
	options: StandinRunOptions,
): Promise<Error> {
	try {
		await runAgainstStandin(standin, options);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to throw');
}

/** "METHOD /path" of a recorded request (path without the stand-in's base URL). */
export const routeOf = (request: SentRequest) =>
	`${request.method} ${new URL(request.url).pathname}`;

/** An ILoadOptionsFunctions for the resource-locator searches, against the stand-in. */
export function loadOptionsAgainstStandin(
	standin: HighLevelStandin,
	params: Record<string, unknown>,
): ILoadOptionsFunctions {
	const context = {
		getNode: () => NODE,
		getNodeParameter: (name: string, fallback?: unknown) => params[name] ?? fallback,
		getCurrentNodeParameter: (name: string, parameterOptions?: { extractValue?: boolean }) => {
			const value = params[name];
			return parameterOptions?.extractValue && isLocator(value) ? value.value : value;
		},
		getCredentials: async () => ({
			baseUrl: standin.url,
			oauthTokenData: { access_token: ACCESS, locationId: STANDIN_LOCATION },
		}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) =>
				await send(request),
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}
