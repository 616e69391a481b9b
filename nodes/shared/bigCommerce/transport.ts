/**
 * BigCommerce REST transport shared by the pack's BigCommerce nodes.
 *
 * - Credential `highLevelShippingBigCommerceApi`: `storeHash`, `accessToken` (sent by the
 *   credential as `X-Auth-Token`), `baseUrl` (default https://api.bigcommerce.com),
 *   `callbackSecret`, `headerSecret`.
 * - Requests go to `{baseUrl}/stores/{storeHash}/v2{path}` with JSON in and out; a 204 answers
 *   `null`. DELETE keeps its body (the carrier connection is deleted with `{carrier_id}`).
 * - Errors become NodeApiError with BigCommerce's message: v2 answers are lists
 *   `[{status, message}]`, v3 answers `{status, title, errors: {field: message}}`
 *   (test/standins/specs/bigcommerce/openapi.yaml `V2Errors`;
 *   https://developer.bigcommerce.com/docs/start/about/status-codes).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { readHttpFailure, toJsonObject } from '../http/errors';

export const BIGCOMMERCE_CREDENTIAL_TYPE = 'highLevelShippingBigCommerceApi';
export const BIGCOMMERCE_DEFAULT_BASE_URL = 'https://api.bigcommerce.com';

export type BigCommerceContext = IExecuteFunctions | ILoadOptionsFunctions;

/** The credential's fields the nodes use (decrypted). */
export interface BigCommerceCredentialInfo {
	/** Store hash, e.g. `abc123` of `https://api.bigcommerce.com/stores/abc123/`. */
	storeHash: string;
	/** API base URL without a trailing slash. */
	baseUrl: string;
	/** Secret that signs the Quote and Check Connection Options URLs ('' when not set). */
	callbackSecret: string;
}

/** Reads the BigCommerce credential; throws NodeOperationError naming the field when the store hash is empty. */
export async function getBigCommerceCredentialInfo(
	ctx: BigCommerceContext,
	itemIndex?: number,
): Promise<BigCommerceCredentialInfo> {
	const data = (await ctx.getCredentials(BIGCOMMERCE_CREDENTIAL_TYPE)) as IDataObject;
	const storeHash = String(data.storeHash ?? '').trim();
	if (!storeHash) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Store Hash is empty: set it on the BigCommerce credential',
			{
				itemIndex,
			},
		);
	}
	return {
		storeHash,
		baseUrl: String(data.baseUrl || BIGCOMMERCE_DEFAULT_BASE_URL).replace(/\/+$/, ''),
		callbackSecret: String(data.callbackSecret ?? ''),
	};
}

export interface BigCommerceRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
}

/**
 * Sends one request to the store's v2 API. `path` starts with `/`, e.g. `/shipping/zones`.
 * Returns the parsed JSON body, or `null` for an empty answer (204).
 * Throws NodeApiError (see `toBigCommerceError`) carrying `itemIndex`.
 */
export async function bigCommerceRequest<T = unknown>(
	ctx: BigCommerceContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs }: BigCommerceRequestOptions = {},
	itemIndex?: number,
): Promise<T | null> {
	const info = await getBigCommerceCredentialInfo(ctx, itemIndex);
	const options: IHttpRequestOptions = {
		method,
		url: `${info.baseUrl}/stores/${encodeURIComponent(info.storeHash)}/v2${path}`,
		headers: { Accept: 'application/json' },
		json: true,
	};
	if (qs && Object.keys(qs).length) options.qs = qs;
	if (body !== undefined && method !== 'GET') options.body = body;
	let response: unknown;
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			BIGCOMMERCE_CREDENTIAL_TYPE,
			options,
		);
	} catch (error) {
		throw toBigCommerceError(ctx, error, `${method} ${path}`, itemIndex);
	}
	return response === '' || response === undefined ? null : (response as T);
}

/** BigCommerce's message(s) out of an error body: v2 list, v3 `{title, errors}`, or `{message}`. */
export function bigCommerceErrorMessage(body: unknown, fallback: string): string {
	if (Array.isArray(body)) {
		const messages = body
			.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject).message : entry))
			.filter((message) => message !== undefined && message !== null && String(message) !== '')
			.map(String);
		if (messages.length) return messages.join('; ');
	} else if (body && typeof body === 'object') {
		const object = body as IDataObject;
		const details =
			object.errors && typeof object.errors === 'object'
				? Object.entries(object.errors as IDataObject).map(
						([field, message]) => `${field}: ${String(message)}`,
					)
				: [];
		const head = object.title ?? object.message ?? object.error;
		if (head !== undefined || details.length) {
			return [head !== undefined ? String(head) : '', ...details].filter(Boolean).join('; ');
		}
	} else if (typeof body === 'string' && body.trim() !== '') {
		return body.trim().slice(0, 300);
	}
	return fallback;
}

/** A NodeApiError from a failed BigCommerce call; `route` ("POST /shipping/zones") goes in the description. */
export function toBigCommerceError(
	ctx: BigCommerceContext,
	error: unknown,
	route: string,
	itemIndex?: number,
): NodeApiError {
	const failure = readHttpFailure(error);
	const message = bigCommerceErrorMessage(failure.body, failure.message);
	const status = failure.status;
	const raw = Array.isArray(failure.body)
		? { errors: failure.body }
		: toJsonObject(failure.body ?? {});
	return new NodeApiError(ctx.getNode(), toJsonObject({ ...raw, message }), {
		message: `BigCommerce: ${message}`,
		description: [status ? `HTTP ${status}` : failure.code, route].filter(Boolean).join(', '),
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
}

/** The HTTP status of a BigCommerce error (NodeApiError's httpCode), if any. */
export function bigCommerceStatusOf(error: unknown): number | undefined {
	return readHttpFailure(error).status;
}
