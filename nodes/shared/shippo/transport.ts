/**
 * Shippo REST transport shared by the Shippo nodes.
 *
 * - Base URL from the credential (`baseUrl`, default https://api.goshippo.com), no trailing slashes
 *   on paths (the spec's form; `/shipments/` would hit `/shipments/{ShipmentId}`).
 * - Auth `Authorization: ShippoToken <token>` via the `highLevelShippingShippoApi` credential.
 * - Errors: 400 `{field: ["msg"]}`, 401/403/404 `{"detail": "..."}` → NodeApiError naming the fields.
 *
 * Source: test/standins/specs/shippo/public-api.yaml; docs/reference/carriers.md §3.
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
import {
	decryptedCredentialsOf,
	forgetCredentials,
	readCachedCredentials,
} from '../credentials/credentialCache';

export const SHIPPO_CREDENTIAL_TYPE = 'highLevelShippingShippoApi';
export const SHIPPO_DEFAULT_BASE_URL = 'https://api.goshippo.com';

export type ShippoContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ShippoRequest {
	method: IHttpRequestMethods;
	endpoint: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** Milliseconds; the live-rates path passes its remaining deadline budget. */
	timeout?: number;
	/** Abort signal (e.g. the live-rates deadline). */
	abortSignal?: AbortSignal;
	/** How array query values are written; `repeat` for Shippo's `order_status[]=A&order_status[]=B`. */
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
}

/**
 * The Shippo credential of the node: n8n reads, decrypts and resolves credentials on every
 * getCredentials call, so they are kept for a short while (shared/credentials/credentialCache.ts)
 * and passed to n8n with each request instead of being read again. A 401 or 403 from Shippo drops
 * the kept copy, so a changed token is picked up by the next call.
 */
export async function getShippoCredentials(ctx: ShippoContext): Promise<IDataObject> {
	return await readCachedCredentials(ctx, SHIPPO_CREDENTIAL_TYPE);
}

export async function getShippoBaseUrl(ctx: ShippoContext): Promise<string> {
	const credentials = await getShippoCredentials(ctx);
	return String(credentials.baseUrl || SHIPPO_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** Sends one request to Shippo and returns the parsed JSON body. */
export async function shippoApiRequest<T = IDataObject>(
	ctx: ShippoContext,
	request: ShippoRequest,
): Promise<T> {
	const baseUrl = await getShippoBaseUrl(ctx);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.endpoint}`,
		headers: { Accept: 'application/json' },
		qs: request.qs,
		body: request.body,
		json: true,
	};
	if (request.timeout) options.timeout = request.timeout;
	if (request.abortSignal) options.abortSignal = request.abortSignal;
	if (request.arrayFormat) options.arrayFormat = request.arrayFormat;
	if (!request.body || request.method === 'GET' || request.method === 'DELETE') delete options.body;
	const credentialsDecrypted = decryptedCredentialsOf(
		ctx,
		SHIPPO_CREDENTIAL_TYPE,
		await getShippoCredentials(ctx),
	);
	try {
		return (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			SHIPPO_CREDENTIAL_TYPE,
			options,
			credentialsDecrypted ? { credentialsDecrypted } : undefined,
		)) as T;
	} catch (error) {
		const failure = toShippoError(ctx, error, request.itemIndex);
		if (failure.httpCode === '401' || failure.httpCode === '403') {
			forgetCredentials(ctx, SHIPPO_CREDENTIAL_TYPE);
		}
		throw failure;
	}
}

/** Builds a NodeApiError from a failed Shippo call with Shippo's own words. */
export function toShippoError(ctx: ShippoContext, error: unknown, itemIndex?: number): NodeApiError {
	const failure = readHttpFailure(error);
	const message = describeShippoBody(failure.body) ?? failure.message;
	return new NodeApiError(ctx.getNode(), toJsonObject(failure.body ?? { message }), {
		message: `Shippo: ${message}`,
		description: failure.status ? `HTTP ${failure.status}` : failure.code,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex,
	});
}

/** `{"detail": "Not found."}` → "Not found."; `{"weight": ["must be > 0"]}` → "weight: must be > 0". */
export function describeShippoBody(body: unknown): string | undefined {
	if (typeof body === 'string') return body.slice(0, 300) || undefined;
	if (typeof body !== 'object' || body === null) return undefined;
	const record = body as Record<string, unknown>;
	if (typeof record.detail === 'string') return record.detail;
	const parts = Object.entries(record).map(([field, value]) => {
		const text = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
		return `${field}: ${text}`;
	});
	return parts.length ? parts.join('; ') : undefined;
}

/** Follows Shippo's `next` links (page-based lists `{next, previous, results}`), up to `limit` results. */
export async function shippoListAll<T = IDataObject>(
	ctx: ShippoContext,
	endpoint: string,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
	arrayFormat?: IHttpRequestOptions['arrayFormat'],
): Promise<T[]> {
	const results: T[] = [];
	let page = 1;
	const pageSize = Math.min(limit ?? 100, 100);
	for (;;) {
		const response = await shippoApiRequest<{ results?: T[]; next?: string | null }>(ctx, {
			method: 'GET',
			endpoint,
			qs: { ...qs, page, results: pageSize },
			itemIndex,
			...(arrayFormat ? { arrayFormat } : {}),
		});
		results.push(...(response.results ?? []));
		if (limit !== undefined && results.length >= limit) return results.slice(0, limit);
		if (!response.next || (response.results ?? []).length === 0) return results;
		page += 1;
	}
}
