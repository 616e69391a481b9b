/**
 * LaunchMyStore REST API transport shared by the LaunchMyStore nodes.
 *
 * - Base URL from the credential (`baseUrl`, default https://api.launchmystore.io); paths below it
 *   start with `/api/v1/`.
 * - Every request goes through `httpRequestWithAuthentication` with the LaunchMyStore credential,
 *   which adds `Authorization: Bearer <token>` and, with "OAuth2 Refresh Token", renews the token
 *   on a 401 and sends the request once more (credentials/LaunchMyStoreApi.credentials.ts).
 * - Answers `{success, data}` (REST API) or `{status, state, data}` (newer pages) are unwrapped to
 *   `data`; `success: false` or `state: "error"` with a 2xx status is a failure too.
 * - Failures become NodeApiError with LaunchMyStore's message (`error`, `error.message` or
 *   `message` of the body), the HTTP status (`httpCode`, description "HTTP <status>") and the item
 *   index.
 * Source: https://docs.launchmystore.io/api-reference/overview, the endpoint pages cited by the
 * operations.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { readHttpFailure, toJsonObject } from '../http/errors';
import { launchMyStoreBaseUrlOf } from './oauth';

export const LAUNCHMYSTORE_CREDENTIAL_TYPE = 'highLevelShippingLaunchMyStoreApi';

export type LaunchMyStoreContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface LaunchMyStoreRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
}

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** Base URLs per node context: one credential read per execution context. */
const baseUrls = new WeakMap<object, Promise<string>>();

/** The API base URL of the node's LaunchMyStore credential, without a trailing slash. */
export async function getLaunchMyStoreBaseUrl(ctx: LaunchMyStoreContext): Promise<string> {
	let url = baseUrls.get(ctx);
	if (!url) {
		url = ctx.getCredentials(LAUNCHMYSTORE_CREDENTIAL_TYPE).then((data) => launchMyStoreBaseUrlOf(data as IDataObject));
		baseUrls.set(ctx, url);
		url.catch(() => baseUrls.delete(ctx));
	}
	return await url;
}

/** LaunchMyStore's message in an answer body: `error` (text or `{message}`), else `message`. */
export function launchMyStoreMessageOf(body: unknown): string {
	if (typeof body === 'string') return body.trim();
	const object = asObject(body);
	if (!object) return '';
	const nested = asObject(object.error);
	for (const candidate of [nested?.message, object.error, object.message, nested?.code]) {
		const value = text(candidate);
		if (value) return value;
	}
	return '';
}

/**
 * Builds a NodeApiError from a failed LaunchMyStore call, with its message (prefixed
 * "LaunchMyStore: " unless it names LaunchMyStore already, as the credential's token errors do),
 * status and item.
 */
export function toLaunchMyStoreError(
	ctx: LaunchMyStoreContext,
	error: unknown,
	itemIndex?: number,
	what?: string,
): NodeApiError {
	const failure = readHttpFailure(error);
	const message = launchMyStoreMessageOf(failure.body) || failure.message;
	const status = failure.status;
	return new NodeApiError(ctx.getNode(), toJsonObject(asObject(failure.body) ?? { message }), {
		message: /launchmystore/i.test(message) ? message : `LaunchMyStore: ${message}`,
		description: [status ? `HTTP ${status}` : failure.code, what].filter(Boolean).join(', '),
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
}

/** Whether an answer says it failed although its HTTP status was 2xx. */
function failedAnswer(body: IDataObject): boolean {
	return body.success === false || body.state === 'error';
}

/**
 * Sends one request to LaunchMyStore and returns the unwrapped `data` (the whole body when it has
 * no `data`). `path` starts with `/`, e.g. `/api/v1/orders/ord_1.json`. Throws NodeApiError as
 * described in the header.
 */
export async function launchMyStoreRequest<T = IDataObject>(
	ctx: LaunchMyStoreContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs }: LaunchMyStoreRequestOptions = {},
	itemIndex?: number,
): Promise<T> {
	const baseUrl = await getLaunchMyStoreBaseUrl(ctx);
	const options: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${path}`,
		headers: { Accept: 'application/json' },
		json: true,
	};
	if (qs && Object.keys(qs).length > 0) options.qs = qs;
	if (body && method !== 'GET' && method !== 'DELETE') options.body = body;
	let answer: unknown;
	try {
		answer = await ctx.helpers.httpRequestWithAuthentication.call(ctx, LAUNCHMYSTORE_CREDENTIAL_TYPE, options);
	} catch (error) {
		throw toLaunchMyStoreError(ctx, error, itemIndex, `${method} ${path}`);
	}
	const object = asObject(answer);
	if (!object) return answer as T;
	if (failedAnswer(object)) {
		const status = Number(object.status);
		throw new NodeApiError(ctx.getNode(), toJsonObject(object), {
			message: `LaunchMyStore: ${launchMyStoreMessageOf(object) || 'the request failed'}`,
			description: [Number.isFinite(status) && status >= 400 ? `HTTP ${status}` : '', `${method} ${path}`]
				.filter(Boolean)
				.join(', '),
			httpCode: Number.isFinite(status) && status >= 400 ? String(status) : undefined,
			itemIndex,
		});
	}
	return ('data' in object ? object.data : object) as T;
}

/** Escapes one path segment (an order id) for a LaunchMyStore URL. */
export const segment = (value: string) => encodeURIComponent(value);
