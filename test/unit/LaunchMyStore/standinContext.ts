/**
 * Runs the LaunchMyStore Shipping node against the LaunchMyStore stand-in
 * (test/standins/launchmystore.js) over real HTTP, with the real credential class doing what n8n's
 * `httpRequestWithAuthentication` does with it: `preAuthentication` when the expirable
 * `oauthAccessToken` is empty (its output saved into the stored credential when it carries that
 * field), `authenticate`, the request, and on a 401 `preAuthentication` again and one retry.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { LaunchMyStoreApi } from '../../../credentials/LaunchMyStoreApi.credentials';
import { LaunchMyStore } from '../../../nodes/LaunchMyStore/LaunchMyStore.node';
import { readHttpFailure } from '../../../nodes/shared/http/errors';
import { sendToStandin } from '../helpers/standinHttp';

export interface LaunchMyStoreStandin {
	url: string;
	violations: unknown[];
	responseViolations: unknown[];
	requests: Array<{ method: string; path: string; status: number | null }>;
	clientSecret: string;
	appHandle: string;
	reset(): void;
	createOrder(partial: IDataObject): IDataObject;
	expireToken(token: string): boolean;
	webhook(options: IDataObject): Promise<{ status: number; body: unknown; webhookId: string }>;
	close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const standins = require('../../standins') as {
	startLaunchMyStoreStandin: (options: IDataObject) => Promise<LaunchMyStoreStandin>;
};

export const startLaunchMyStoreStandin = async (options: IDataObject = {}) =>
	await standins.startLaunchMyStoreStandin({ checkResponses: true, ...options });

export const STANDIN_ACCESS_TOKEN = 'lms-demo-access-token';
export const STANDIN_REFRESH_TOKEN = 'lms-demo-refresh-token';
export const STANDIN_CLIENT_ID = 'lms_app_demo';
export const STANDIN_CLIENT_SECRET = 'lms-demo-client-secret';

const NODE: INode = {
	id: 'lms-standin',
	name: 'LaunchMyStore',
	type: 'n8n-nodes-highlevel-shipping.launchMyStore',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Sends a request to the stand-in; the Authorization header (if any) as the credential set it. */
async function send(request: IHttpRequestOptions): Promise<unknown> {
	const headers = { ...((request.headers ?? {}) as Record<string, string>) };
	const authorization = headers.Authorization ?? '';
	delete headers.Authorization;
	return await sendToStandin({ ...request, headers }, authorization);
}

const credentialType = new LaunchMyStoreApi();
const helper = { helpers: { httpRequest: send } } as unknown as IHttpRequestHelper;

/** The stored credential, access-token mode by default. */
export const storedCredential = (standin: LaunchMyStoreStandin, extra: IDataObject = {}): ICredentialDataDecryptedObject => ({
	authentication: 'accessToken',
	accessToken: STANDIN_ACCESS_TOKEN,
	clientSecret: STANDIN_CLIENT_SECRET,
	appHandle: 'acme-shipping',
	serviceCodePrefix: '',
	baseUrl: standin.url,
	oauthAccessToken: '',
	...extra,
});

/** n8n's refresh step: runs preAuthentication and saves its output when it has the expirable field. */
async function preAuthenticate(stored: ICredentialDataDecryptedObject, log: string[]): Promise<void> {
	const output = await credentialType.preAuthentication.call(helper, { ...stored });
	if (output.oauthAccessToken === undefined) return;
	log.push('refreshed');
	Object.assign(stored, output);
}

/** `httpRequestWithAuthentication` as n8n runs it for a credential with an expirable property. */
export function authenticatedSender(stored: ICredentialDataDecryptedObject, log: string[] = []) {
	return async (_type: string, request: IHttpRequestOptions) => {
		if (stored.oauthAccessToken === '') await preAuthenticate(stored, log);
		let failure: unknown;
		try {
			return await send(await credentialType.authenticate({ ...stored }, request));
		} catch (error) {
			failure = error;
		}
		if (readHttpFailure(failure).status !== 401) throw failure as Error;
		await preAuthenticate(stored, log);
		return await send(await credentialType.authenticate({ ...stored }, request));
	};
}

export interface SentRequest {
	method: string;
	url: string;
	qs?: IDataObject;
	body?: unknown;
}

export interface StandinRunOptions {
	params: Record<string, unknown>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The stored credential (mutated by refreshes); default access-token mode. */
	credential?: ICredentialDataDecryptedObject;
	/** Records "refreshed" for each token exchange. */
	log?: string[];
}

const isLocator = (value: unknown): value is { __rl: true; value: unknown } =>
	typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;

/** Runs the node once against the stand-in; returns its output and the requests it sent. */
export async function runAgainstStandin(standin: LaunchMyStoreStandin, options: StandinRunOptions) {
	const stored = options.credential ?? storedCredential(standin);
	const sent: SentRequest[] = [];
	const sender = authenticatedSender(stored, options.log);
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
		getCredentials: async () => ({ ...stored }),
		continueOnFail: () => options.continueOnFail === true,
		helpers: {
			httpRequestWithAuthentication: async (type: string, request: IHttpRequestOptions) => {
				sent.push({ method: request.method ?? 'GET', url: request.url, qs: request.qs, body: request.body });
				return await sender(type, request);
			},
		},
	};
	const [output] = await new LaunchMyStore().execute.call(context as unknown as IExecuteFunctions);
	return { output, json: output.map((item) => item.json), sent, writes: sent.filter((r) => r.method !== 'GET') };
}

/** Runs the node and returns the error it throws. */
export async function runErrorAgainstStandin(standin: LaunchMyStoreStandin, options: StandinRunOptions): Promise<Error & IDataObject> {
	try {
		await runAgainstStandin(standin, options);
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('expected the node to throw');
}

/** "METHOD /path" of a sent request. */
export const routeOf = (request: SentRequest) => `${request.method} ${new URL(request.url).pathname}`;
