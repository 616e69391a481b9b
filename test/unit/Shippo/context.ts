/**
 * A mocked n8n execution context for the Shippo node: parameters by name (dot paths, resource
 * locator values), input items, continue-on-fail, and a recorded `httpRequestWithAuthentication`.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import get from 'lodash/get';
import { Shippo } from '../../../nodes/Shippo/Shippo.node';

export const node: INode = {
	id: 'shippo-node',
	name: 'Shippo',
	type: 'n8n-nodes-highlevel-shipping.shippo',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export type HttpHandler = (options: IHttpRequestOptions, call: number) => unknown;

export interface ContextOptions {
	/** Node parameters, or a function of the item index. */
	params: IDataObject | ((itemIndex: number) => IDataObject);
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Answers each HTTP request (may throw); default `{}`. */
	http?: HttpHandler;
	credentials?: IDataObject;
	/** Answers `helpers.httpRequest` (unauthenticated, e.g. label downloads); default empty buffer. */
	download?: (options: IHttpRequestOptions) => unknown;
}

export function createContext(options: ContextOptions) {
	const requests: IHttpRequestOptions[] = [];
	const credentialTypes: string[] = [];
	const httpRequestWithAuthentication = jest.fn(
		async (credentialType: string, request: IHttpRequestOptions) => {
			credentialTypes.push(credentialType);
			requests.push(request);
			return options.http ? await options.http(request, requests.length) : {};
		},
	);
	const downloads: IHttpRequestOptions[] = [];
	const httpRequest = jest.fn(async (request: IHttpRequestOptions) => {
		downloads.push(request);
		return options.download ? await options.download(request) : Buffer.alloc(0);
	});
	const prepareBinaryData = jest.fn(async (data: Buffer, fileName?: string, mimeType?: string) => ({
		data: data.toString('base64'),
		fileName,
		mimeType: mimeType ?? 'application/octet-stream',
		fileSize: String(data.length),
	}));
	const context = {
		getInputData: () => options.items ?? [{ json: {} }],
		getNodeParameter: (...args: unknown[]) => {
			const [name, itemIndex, fallback, extra] = args as [
				string,
				number,
				unknown,
				{ extractValue?: boolean } | undefined,
			];
			const params = typeof options.params === 'function' ? options.params(itemIndex) : options.params;
			let value: unknown = get(params, name);
			if (value === undefined) {
				if (args.length >= 3) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			if (extra?.extractValue && value && typeof value === 'object' && 'value' in value) {
				value = (value as { value: unknown }).value;
			}
			return value;
		},
		getNode: () => node,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: jest.fn(
			async () =>
				options.credentials ?? { token: 'shippo_test_token', baseUrl: 'https://api.goshippo.com' },
		),
		helpers: { httpRequestWithAuthentication, httpRequest, prepareBinaryData },
	};
	return {
		ctx: context as unknown as IExecuteFunctions,
		loadOptionsCtx: context as unknown as ILoadOptionsFunctions,
		http: httpRequestWithAuthentication,
		requests,
		credentialTypes,
		downloads,
		httpRequest,
	};
}

/** An error shaped like the one n8n's request helper throws for an HTTP failure. */
export function httpError(status: number, data: unknown): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data },
	});
}

/** Runs the Shippo node once with a mocked context; returns the context and the first output. */
export async function run(options: ContextOptions) {
	const context = createContext({ items: [{ json: {} }], ...options });
	const output = await new Shippo().execute.call(context.ctx);
	return { ...context, output: output[0] };
}

/** The parts of a request the tests compare. */
export const call = (request: IHttpRequestOptions) => ({
	method: request.method,
	url: request.url,
	qs: request.qs,
	body: request.body,
});
