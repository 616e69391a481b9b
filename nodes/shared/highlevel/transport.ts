/**
 * HighLevel API v2 transport shared by every HighLevel node.
 *
 * - Base URL from the credential (`baseUrl`, default https://services.leadconnectorhq.com).
 * - Every request sends `Version: 2021-07-28` (docs/reference/highlevel.md §2).
 * - The location comes from the OAuth2 token data (`oauthTokenData.locationId`), the Private
 *   Integration credential's `locationId`, or an explicit node parameter.
 * - Agency mode: with an agency (Company) OAuth2 token, a request for a location is sent with that
 *   location's token, exchanged on demand (`POST /oauth/locationToken`, form body `companyId`,
 *   `locationId`; test/standins/specs/highlevel/apps/oauth.json get-location-access-token), kept in
 *   memory until 5 minutes before it expires, and exchanged again once on a 401.
 * - Errors (`{statusCode, message: string | string[], error?, traceId?}`, common-schemas.json)
 *   become NodeApiError with HighLevel's message and trace id.
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
import { createHash } from 'node:crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { readHttpFailure, toJsonObject } from '../http/errors';
import { parseJson } from '../json';

export const HIGHLEVEL_API_VERSION = '2021-07-28';
export const HIGHLEVEL_DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

export type HighLevelContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export type HighLevelAuthentication = 'oAuth2' | 'privateIntegrationToken';

/** `[authentication parameter value, credential type name]` pairs. */
const CREDENTIAL_TYPE_PAIRS: ReadonlyArray<readonly [HighLevelAuthentication, string]> = [
	['oAuth2', 'highLevelShippingOAuth2Api'],
	['privateIntegrationToken', 'highLevelShippingPrivateIntegrationApi'],
];

export const HIGHLEVEL_CREDENTIAL_TYPES = Object.fromEntries(CREDENTIAL_TYPE_PAIRS) as Record<
	HighLevelAuthentication,
	string
>;

export interface HighLevelRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/store/shipping-carrier`. */
	endpoint: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** Milliseconds; default n8n's. */
	timeout?: number;
	/**
	 * The location the request acts on, for agency tokens; default: the request's `altId` or
	 * `locationId` (query, then body). `false`: an agency-level request (agency token as is).
	 */
	location?: string | false;
}

/** Which credential the node uses (`authentication` parameter, default OAuth2). */
export function getHighLevelCredentialType(ctx: HighLevelContext): string {
	let authentication: HighLevelAuthentication = 'oAuth2';
	try {
		authentication = ctx.getNodeParameter('authentication', 0, 'oAuth2') as HighLevelAuthentication;
	} catch {
		// nodes without the parameter use OAuth2
	}
	return HIGHLEVEL_CREDENTIAL_TYPES[authentication] ?? HIGHLEVEL_CREDENTIAL_TYPES.oAuth2;
}

export interface HighLevelCredentialInfo {
	credentialType: string;
	baseUrl: string;
	/** Location of the token (OAuth2 token data) or of the PIT credential; may be empty. */
	locationId: string;
	callbackSecret: string;
	/** `Company` (agency token) or `Location`, from the OAuth2 token data; empty otherwise. */
	userType: string;
	/** Agency (company) id of the token, if any. */
	companyId: string;
	/** Marketplace app id: the client id up to its first `-` (highlevel.md §4.9). */
	appId: string;
	/** The app's Shared Secret, which decrypts user context (empty if not set). */
	sharedSecret: string;
	/** Short fingerprint of the current access token (keys the location-token cache). */
	tokenFingerprint: string;
}

/**
 * Credential facts per node context. n8n reads and decrypts credentials from its database on every
 * getCredentials call; one read per execution context is enough (credentials do not change while
 * a node runs). Weakly held: gone with the context.
 */
const credentialInfoByContext = new WeakMap<object, Promise<HighLevelCredentialInfo>>();

export async function getHighLevelCredentialInfo(ctx: HighLevelContext): Promise<HighLevelCredentialInfo> {
	let info = credentialInfoByContext.get(ctx);
	if (!info) {
		info = readHighLevelCredentialInfo(ctx);
		credentialInfoByContext.set(ctx, info);
		info.catch(() => credentialInfoByContext.delete(ctx));
	}
	return await info;
}

async function readHighLevelCredentialInfo(ctx: HighLevelContext): Promise<HighLevelCredentialInfo> {
	const credentialType = getHighLevelCredentialType(ctx);
	const credentials = (await ctx.getCredentials(credentialType)) as IDataObject;
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const accessToken = String(tokenData.access_token ?? credentials.token ?? '');
	return {
		credentialType,
		baseUrl: String(credentials.baseUrl || HIGHLEVEL_DEFAULT_BASE_URL).replace(/\/+$/, ''),
		locationId: String(tokenData.locationId ?? credentials.locationId ?? ''),
		callbackSecret: String(credentials.callbackSecret ?? ''),
		userType: String(tokenData.userType ?? ''),
		companyId: String(tokenData.companyId ?? ''),
		appId: String(credentials.clientId ?? '').split('-')[0],
		sharedSecret: String(credentials.sharedSecret ?? ''),
		tokenFingerprint: createHash('sha256').update(accessToken).digest('hex').slice(0, 16),
	};
}

/**
 * Whether the credential holds an agency token: OAuth2 token data with `userType: "Company"`, or
 * a company id and no location id.
 */
export function isAgencyToken(info: HighLevelCredentialInfo): boolean {
	if (info.credentialType !== HIGHLEVEL_CREDENTIAL_TYPES.oAuth2) return false;
	return info.userType === 'Company' || (!info.locationId && Boolean(info.companyId));
}

/**
 * The location (sub-account) id to act on: the explicit value when given, else the credential's.
 * Throws NodeOperationError naming the `locationId` field when neither is set.
 */
export async function resolveLocationId(
	ctx: HighLevelContext,
	explicit: string | undefined,
	itemIndex?: number,
): Promise<string> {
	const value = String(explicit ?? '').trim();
	if (value) return value;
	const info = await getHighLevelCredentialInfo(ctx);
	if (info.locationId) return info.locationId;
	throw new NodeOperationError(
		ctx.getNode(),
		'Location ID is required: the credential has no location (agency token or missing token data), so set "Location ID" on the node',
		{ itemIndex },
	);
}

/** Location tokens are renewed this long before they expire. */
export const LOCATION_TOKEN_EARLY_RENEWAL_MS = 5 * 60 * 1000;

interface CachedLocationToken {
	token: Promise<{ accessToken: string; expiresAt: number }>;
}

/**
 * Location tokens of agency credentials, by API base URL, company, agency token fingerprint and
 * location. In memory only: another process exchanges its own (a token exchange is cheap and
 * idempotent), and a restart starts empty. Failed exchanges are not kept.
 */
const locationTokens = new Map<string, CachedLocationToken>();

/** Drops every cached location token (tests). */
export function clearLocationTokens(): void {
	locationTokens.clear();
}

const asText = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** The location a request acts on: `request.location`, else `altId`/`locationId` of query or body. */
function locationOfRequest(request: HighLevelRequest): string {
	if (request.location === false) return '';
	if (request.location) return request.location;
	const qs = request.qs ?? {};
	const body = request.body ?? {};
	return asText(qs.altId) || asText(qs.locationId) || asText(body.altId) || asText(body.locationId);
}

/**
 * The location token for `locationId`, exchanged with the agency token when none is cached or
 * `renew` is set. Source: POST /oauth/locationToken (get-location-access-token), form body
 * `{companyId, locationId}`, response `{access_token, expires_in (s), locationId, …}`.
 */
export async function getLocationToken(
	ctx: HighLevelContext,
	locationId: string,
	{ renew = false, itemIndex }: { renew?: boolean; itemIndex?: number } = {},
): Promise<string> {
	const info = await getHighLevelCredentialInfo(ctx);
	const key = [info.baseUrl, info.companyId, info.tokenFingerprint, locationId].join('|');
	const cached = locationTokens.get(key);
	if (cached && !renew) {
		try {
			const { accessToken, expiresAt } = await cached.token;
			if (expiresAt - LOCATION_TOKEN_EARLY_RENEWAL_MS > Date.now()) return accessToken;
		} catch {
			// a failed exchange by someone else: try again below
		}
	}
	const entry: CachedLocationToken = { token: exchangeLocationToken(ctx, info, locationId, itemIndex) };
	locationTokens.set(key, entry);
	// A failed exchange is not kept: the next request tries again.
	entry.token.catch(() => {
		if (locationTokens.get(key) === entry) locationTokens.delete(key);
	});
	return (await entry.token).accessToken;
}

async function exchangeLocationToken(
	ctx: HighLevelContext,
	info: HighLevelCredentialInfo,
	locationId: string,
	itemIndex?: number,
): Promise<{ accessToken: string; expiresAt: number }> {
	if (!info.companyId) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The HighLevel credential holds an agency token without a company id (oauthTokenData.companyId): reconnect it',
			{ itemIndex },
		);
	}
	let response: unknown;
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, info.credentialType, {
			method: 'POST',
			url: `${info.baseUrl}/oauth/locationToken`,
			headers: {
				Version: HIGHLEVEL_API_VERSION,
				Accept: 'application/json',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: new URLSearchParams({ companyId: info.companyId, locationId }).toString(),
		});
	} catch (error) {
		const failure = toHighLevelError(ctx, error, itemIndex);
		failure.message = `${failure.message} (while getting the location token of ${locationId})`;
		throw failure;
	}
	const data = (typeof response === 'string' ? parseJson(response) : response) as IDataObject | undefined;
	const accessToken = asText(data?.access_token);
	if (!accessToken) {
		throw new NodeOperationError(
			ctx.getNode(),
			`HighLevel returned no access_token for location ${locationId} (POST /oauth/locationToken)`,
			{ itemIndex },
		);
	}
	const expiresIn = Number(data?.expires_in);
	const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 3600 * 1000;
	return { accessToken, expiresAt: Date.now() + lifetimeMs };
}

/** Sends one request to HighLevel and returns the parsed JSON body. */
export async function highLevelApiRequest<T = IDataObject>(
	ctx: HighLevelContext,
	request: HighLevelRequest,
): Promise<T> {
	const info = await getHighLevelCredentialInfo(ctx);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${info.baseUrl}${request.endpoint}`,
		headers: { Version: HIGHLEVEL_API_VERSION, Accept: 'application/json' },
		qs: request.qs,
		body: request.body,
		json: true,
	};
	if (request.timeout) options.timeout = request.timeout;
	if (!request.body || request.method === 'GET' || request.method === 'DELETE') delete options.body;

	const locationId = isAgencyToken(info) ? locationOfRequest(request) : '';
	if (locationId) return await withLocationToken<T>(ctx, locationId, options, request.itemIndex);
	try {
		return (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			info.credentialType,
			options,
		)) as T;
	} catch (error) {
		throw toHighLevelError(ctx, error, request.itemIndex);
	}
}

/**
 * Sends a request as the location (agency mode): `Authorization: Bearer <location token>`; on a
 * 401 the token is exchanged again and the request sent once more.
 */
async function withLocationToken<T>(
	ctx: HighLevelContext,
	locationId: string,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<T> {
	const send = async (token: string) =>
		(await ctx.helpers.httpRequest({
			...options,
			headers: { ...options.headers, Authorization: `Bearer ${token}` },
		})) as T;
	let token = await getLocationToken(ctx, locationId, { itemIndex });
	let failure: unknown;
	try {
		return await send(token);
	} catch (error) {
		failure = error;
	}
	if (readHttpFailure(failure).status !== 401) throw toHighLevelError(ctx, failure, itemIndex);
	token = await getLocationToken(ctx, locationId, { renew: true, itemIndex });
	try {
		return await send(token);
	} catch (error) {
		throw toHighLevelError(ctx, error, itemIndex);
	}
}

/** Builds a NodeApiError from a failed HighLevel call, keeping HighLevel's message and trace id. */
export function toHighLevelError(ctx: HighLevelContext, error: unknown, itemIndex?: number): NodeApiError {
	const failure = readHttpFailure(error);
	const body = (typeof failure.body === 'object' && failure.body !== null ? failure.body : {}) as IDataObject;
	const raw = body.message ?? body.error ?? failure.message;
	const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
	const traceId = body.traceId ? String(body.traceId) : undefined;
	const status = failure.status ?? (body.statusCode as number | undefined);
	return new NodeApiError(ctx.getNode(), toJsonObject({ ...body, message }), {
		message: `HighLevel: ${message}`,
		description: [status ? `HTTP ${status}` : failure.code, traceId ? `traceId ${traceId}` : undefined]
			.filter(Boolean)
			.join(', '),
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
}

/** altId/altType pair for store and fulfillment endpoints (query for GET/DELETE, body for POST/PUT). */
export function altOf(locationId: string): { altId: string; altType: 'location' } {
	return { altId: locationId, altType: 'location' };
}

/** Default page size for offset-paged HighLevel lists (`limit`/`offset`, `{total, data[]}`). */
export const HIGHLEVEL_PAGE_SIZE = 100;

export interface HighLevelPagingOptions {
	/** Stop after this many items (the result is cut to it); omit to fetch every page. */
	max?: number;
	/** Items asked per request; default HIGHLEVEL_PAGE_SIZE. */
	pageSize?: number;
	/** Key of the array in the response body; default `data`. */
	itemsKey?: string;
}

/**
 * Fetches an offset-paged list (`limit` + `offset` query, response `{total, data[]}`, e.g. shipping
 * zones and rates, docs/reference/highlevel.md §2). Stops on an empty page, when `total` is
 * reached, on a short page when `total` is absent, on a page longer than asked, or after `max`
 * items.
 */
export async function highLevelApiRequestAllItems<T = IDataObject>(
	ctx: HighLevelContext,
	request: HighLevelRequest,
	options: HighLevelPagingOptions = {},
): Promise<T[]> {
	const max = options.max !== undefined && options.max > 0 ? options.max : undefined;
	const pageSize = Math.max(1, Math.min(options.pageSize ?? HIGHLEVEL_PAGE_SIZE, max ?? Infinity));
	const itemsKey = options.itemsKey ?? 'data';
	const items: T[] = [];
	let offset = 0;
	for (;;) {
		const response = await highLevelApiRequest<IDataObject>(ctx, {
			...request,
			qs: { ...request.qs, limit: pageSize, offset },
		});
		const page = Array.isArray(response?.[itemsKey]) ? (response[itemsKey] as T[]) : [];
		items.push(...page);
		const total = typeof response?.total === 'number' ? response.total : undefined;
		offset += page.length;
		// An empty page ends the list; a page longer than asked means the server ignored `limit`.
		if (page.length === 0 || page.length > pageSize) break;
		if (max !== undefined && items.length >= max) break;
		if (total !== undefined ? offset >= total : page.length < pageSize) break;
	}
	return max !== undefined ? items.slice(0, max) : items;
}
