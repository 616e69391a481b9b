import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import {
	LAUNCHMYSTORE_DEFAULT_BASE_URL,
	launchMyStoreBearerToken,
	LMS_MODE_ACCESS,
	LMS_MODE_REFRESH,
	LMS_OAUTH_ACCESS_TOKEN_FIELD,
	refreshLaunchMyStoreToken,
} from '../nodes/shared/launchMyStore/oauth';

const showForRefresh = { show: { authentication: [LMS_MODE_REFRESH] } };

/**
 * A LaunchMyStore app installed on one shop: how its REST API calls authenticate
 * (`Authorization: Bearer <token>`), the app's client secret (LaunchMyStore signs quote requests
 * and webhooks with it: `X-LMS-Signature` / `X-LMS-Hmac-SHA256`; it is also the OAuth client
 * secret), and the app handle that LaunchMyStore tags the app's rates and orders with
 * (`shipping_lines[].source`).
 *
 * Authentication:
 * - "Access Token": a token pasted as is (it expires after 24 hours; then requests fail with 401
 *   until a new one is pasted).
 * - "OAuth2 Refresh Token": the credential obtains and renews the access token itself. n8n calls
 *   `preAuthentication` when the hidden, expirable `oauthAccessToken` is empty, when a request
 *   answered 401 (then the request is sent once more with the new token), and when the credential
 *   is tested; it saves what `preAuthentication` returns into the stored credential: the new access
 *   token and the rotated refresh token (LaunchMyStore refresh tokens last 30 days and change on
 *   every use). See nodes/shared/launchMyStore/oauth.ts for the exchange and how concurrent
 *   refreshes in one process share one rotation.
 *
 * Sources: https://docs.launchmystore.io/api-reference/overview (base URL, Bearer tokens),
 * https://docs.launchmystore.io/api-reference/authentication,
 * https://docs.launchmystore.io/api-reference/oauth/token (refresh_token grant, token lifetimes),
 * https://docs.launchmystore.io/api-reference/webhooks/verification (webhook signature),
 * https://docs.launchmystore.io/extensions/live-rate-providers (app handle, `<app handle>-<service>`
 * service codes).
 */
export class LaunchMyStoreApi implements ICredentialType {
	name = 'highLevelShippingLaunchMyStoreApi';

	displayName = 'LaunchMyStore API';

	icon: Icon = { light: 'file:../icons/launchmystore.svg', dark: 'file:../icons/launchmystore.dark.svg' };

	documentationUrl = 'https://docs.launchmystore.io/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Access Token',
					value: LMS_MODE_ACCESS,
					description: 'Paste an access token; it expires after 24 hours',
				},
				{
					name: 'OAuth2 Refresh Token',
					value: LMS_MODE_REFRESH,
					description: 'The credential renews the access token with a refresh token and stores the rotated one',
				},
			],
			default: LMS_MODE_ACCESS,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "OAuth 2.0 access token of the app's install on the shop (expires after 24 hours)",
			displayOptions: { show: { authentication: [LMS_MODE_ACCESS] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'lms_app_xxx',
			description: "The app's public client identifier (client_id of POST /apps/oauth/token)",
			displayOptions: showForRefresh,
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The install's refresh token (valid 30 days). LaunchMyStore replaces it on every use; n8n stores the new one here automatically, so paste a fresh one only after it was revoked or unused for 30 days.",
			displayOptions: showForRefresh,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The app's client secret: LaunchMyStore signs quote requests and webhooks with it (X-LMS-Signature, X-LMS-Hmac-SHA256), and it is the OAuth client secret",
		},
		{
			displayName: 'App Handle',
			name: 'appHandle',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'acme-shipping',
			description:
				"The app's handle (app.json `handle`): LaunchMyStore tags the app's rates and orders with it (shipping_lines[].source)",
		},
		{
			displayName: 'Service Code Prefix',
			name: 'serviceCodePrefix',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description:
				'Prefix of the service codes in rate answers (<prefix>-<service>), echoed back on orders. Empty: the app handle.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: LAUNCHMYSTORE_DEFAULT_BASE_URL,
			description: 'Base URL of the LaunchMyStore API. Change it only to point at a local stand-in for tests or demos.',
		},
		{
			displayName: 'OAuth Access Token',
			name: LMS_OAUTH_ACCESS_TOKEN_FIELD,
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Called by n8n when `oauthAccessToken` is empty, after a 401, and on a credential test (see the
	 * class comment). "OAuth2 Refresh Token": exchanges the refresh token and returns
	 * `{oauthAccessToken, refreshToken}` for n8n to store. "Access Token": returns `{}` (nothing to
	 * renew; n8n stores nothing). Throws an error naming the field when Client ID, Refresh Token or
	 * Client Secret is empty, and with LaunchMyStore's message when the exchange fails.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (credentials.authentication !== LMS_MODE_REFRESH) return {};
		return await refreshLaunchMyStoreToken(this.helpers, credentials);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${launchMyStoreBearerToken(credentials)}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl }}',
			url: '/api/v1/shop.json',
		},
	};
}
