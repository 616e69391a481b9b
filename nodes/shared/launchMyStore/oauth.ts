/**
 * LaunchMyStore OAuth 2.0 refresh-token exchange, run by the LaunchMyStore credential's
 * `preAuthentication` (credentials/LaunchMyStoreApi.credentials.ts).
 *
 * `POST {baseUrl}/apps/oauth/token` with the JSON body `{grant_type: "refresh_token", client_id,
 * client_secret, refresh_token}` answers `{status, state, data: {access_token, refresh_token,
 * token_type, expires_in, scope}}` (the tokens are also accepted at the top level). Access tokens
 * last 24 hours (`expires_in: 86400`); refresh tokens last 30 days and rotate on every successful
 * exchange: the old one is then refused ("already rotated"), so the new one must be stored at
 * once. The endpoint is rate-limited to 10 requests per minute per IP.
 * Sources: https://docs.launchmystore.io/api-reference/oauth/token (Token Exchange, Token
 * Lifetimes), https://launchmystore.help.center/article/1112-oauth-2-0-for-apps-authorization-scopes-and-refresh-tokens.
 *
 * Rotation inside one process: two executions that hit an expired access token at the same time
 * both ask to refresh with the same refresh token; the second exchange would be refused. Exchanges
 * are therefore shared per refresh token: a caller presenting a refresh token that this process is
 * exchanging, or exchanged less than `REFRESH_RESULT_REUSE_MS` ago, gets that exchange's tokens.
 * Failed exchanges are not kept. Another process (queue-mode worker) is not covered: it reads the
 * rotated refresh token from n8n's credential store once the first process has saved it.
 */
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { readHttpFailure } from '../http/errors';

export const LAUNCHMYSTORE_DEFAULT_BASE_URL = 'https://api.launchmystore.io';

/** Credential `authentication` values. */
export const LMS_MODE_ACCESS = 'accessToken';
export const LMS_MODE_REFRESH = 'oAuth2RefreshToken';

/** The hidden, expirable credential field holding the access token the credential obtained. */
export const LMS_OAUTH_ACCESS_TOKEN_FIELD = 'oauthAccessToken';

/** How long a finished exchange is handed to other callers presenting the same refresh token. */
export const REFRESH_RESULT_REUSE_MS = 5 * 60 * 1000;

/** What the credential stores after an exchange (the fields n8n saves). */
export interface LaunchMyStoreRefreshResult extends IDataObject {
	/** The new access token (Bearer, 24 h). */
	oauthAccessToken: string;
	/** The rotated refresh token; the presented one when LaunchMyStore returned none. */
	refreshToken: string;
}

interface Exchange {
	result: Promise<LaunchMyStoreRefreshResult>;
	/** Milliseconds since the epoch when the exchange finished; undefined while running. */
	doneAt?: number;
}

const exchanges = new Map<string, Exchange>();

/** Forgets every shared exchange (tests). */
export function clearLaunchMyStoreRefreshCache(): void {
	exchanges.clear();
}

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

export const launchMyStoreBaseUrlOf = (credentials: IDataObject) =>
	(text(credentials.baseUrl) || LAUNCHMYSTORE_DEFAULT_BASE_URL).replace(/\/+$/, '');

/** The Bearer token a request goes out with, for the credential's authentication choice. */
export function launchMyStoreBearerToken(credentials: IDataObject): string {
	return credentials.authentication === LMS_MODE_REFRESH
		? text(credentials[LMS_OAUTH_ACCESS_TOKEN_FIELD])
		: text(credentials.accessToken);
}

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

/** LaunchMyStore's own words from a failed answer (`error`, `message`, `error_description`). */
function messageOf(body: unknown): string {
	if (typeof body === 'string') return body.trim();
	const object = asObject(body);
	if (!object) return '';
	const nested = asObject(object.error);
	for (const candidate of [nested?.message, object.error, object.message, object.error_description]) {
		const value = text(candidate);
		if (value) return value;
	}
	return '';
}

/**
 * The tokens of a token-endpoint answer: under `data` (documented) or at the top level. Throws
 * UserError with LaunchMyStore's message when there is no access token.
 */
export function tokensOfAnswer(answer: unknown): { accessToken: string; refreshToken: string } {
	const body = asObject(typeof answer === 'string' ? safeJson(answer) : answer) ?? {};
	const data = asObject(body.data) ?? {};
	const accessToken = text(data.access_token) || text(body.access_token);
	const refreshToken = text(data.refresh_token) || text(body.refresh_token);
	if (!accessToken) {
		const said = messageOf(body);
		throw new UserError(
			`LaunchMyStore returned no access_token from POST /apps/oauth/token${said ? `: ${said}` : ''}`,
		);
	}
	return { accessToken, refreshToken };
}

function safeJson(value: string): unknown {
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return undefined;
	}
}

/** The fields a refresh needs; throws UserError naming the first empty one. */
function refreshInputs(credentials: ICredentialDataDecryptedObject) {
	const clientId = text(credentials.clientId);
	const refreshToken = text(credentials.refreshToken);
	const clientSecret = text(credentials.clientSecret);
	const missing = !clientId ? 'Client ID' : !refreshToken ? 'Refresh Token' : !clientSecret ? 'Client Secret' : '';
	if (missing) {
		throw new UserError(
			`${missing} is required on the LaunchMyStore credential to obtain an access token (Authentication: OAuth2 Refresh Token)`,
		);
	}
	return { clientId, refreshToken, clientSecret, baseUrl: launchMyStoreBaseUrlOf(credentials) };
}

async function exchange(
	helpers: IHttpRequestHelper['helpers'],
	inputs: ReturnType<typeof refreshInputs>,
): Promise<LaunchMyStoreRefreshResult> {
	let answer: unknown;
	let failure: unknown;
	try {
		answer = await helpers.httpRequest({
			method: 'POST',
			url: `${inputs.baseUrl}/apps/oauth/token`,
			headers: { Accept: 'application/json' },
			body: {
				grant_type: 'refresh_token',
				client_id: inputs.clientId,
				client_secret: inputs.clientSecret,
				refresh_token: inputs.refreshToken,
			},
			json: true,
		});
	} catch (error) {
		failure = error;
	}
	// A credential has no node to build a NodeApiError for: the error is a UserError, which n8n
	// wraps in a NodeApiError of the node whose request needed the token.
	if (failure !== undefined) {
		const read = readHttpFailure(failure);
		const said = messageOf(read.body) || read.message;
		if (read.status === undefined) {
			throw new UserError(
				`Could not reach LaunchMyStore to renew the access token (POST /apps/oauth/token${read.code ? `, ${read.code}` : ''}): ${said}`,
			);
		}
		const hint =
			read.status === 400 || read.status === 401
				? ' If it was already used, revoked or is older than 30 days, paste a new Refresh Token into the LaunchMyStore credential.'
				: '';
		throw new UserError(
			`LaunchMyStore refused to renew the access token (POST /apps/oauth/token, HTTP ${read.status}): ${said}.${hint}`,
		);
	}
	const tokens = tokensOfAnswer(answer);
	return { oauthAccessToken: tokens.accessToken, refreshToken: tokens.refreshToken || inputs.refreshToken };
}

/**
 * Exchanges the credential's refresh token for a new access token (see the header). Returns the
 * fields to store: `oauthAccessToken` and the rotated `refreshToken`. Throws UserError naming the
 * field when Client ID, Refresh Token or Client Secret is empty, and with LaunchMyStore's message
 * when the exchange fails.
 */
export async function refreshLaunchMyStoreToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<LaunchMyStoreRefreshResult> {
	const inputs = refreshInputs(credentials);
	const key = createHash('sha256')
		.update([inputs.baseUrl, inputs.clientId, inputs.refreshToken].join('\n'))
		.digest('hex');
	for (const [other, entry] of exchanges) {
		if (entry.doneAt !== undefined && now() - entry.doneAt > REFRESH_RESULT_REUSE_MS) exchanges.delete(other);
	}
	const shared = exchanges.get(key);
	if (shared) return await shared.result;
	const entry: Exchange = { result: exchange(helpers, inputs) };
	exchanges.set(key, entry);
	entry.result.then(
		() => {
			entry.doneAt = now();
		},
		() => {
			if (exchanges.get(key) === entry) exchanges.delete(key);
		},
	);
	return await entry.result;
}
