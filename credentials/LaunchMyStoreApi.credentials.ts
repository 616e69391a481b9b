import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * A LaunchMyStore app installed on one shop: the OAuth 2.0 access token for its REST API
 * (`Authorization: Bearer <token>`, 24 h), the app's client secret (LaunchMyStore signs quote
 * requests and webhooks with it: `X-LMS-Signature`), and the app handle that LaunchMyStore tags
 * the app's rates and orders with (`shipping_lines[].source`).
 *
 * Sources: https://docs.launchmystore.io/api-reference/overview (base URL, Bearer tokens),
 * https://docs.launchmystore.io/api-reference/authentication, "Live Rate Providers" §1–§5
 * (signatures, app handle, `<app handle>-<service>` service codes).
 */
export class LaunchMyStoreApi implements ICredentialType {
	name = 'highLevelShippingLaunchMyStoreApi';

	displayName = 'LaunchMyStore API';

	icon: Icon = { light: 'file:../icons/launchmystore.svg', dark: 'file:../icons/launchmystore.dark.svg' };

	documentationUrl = 'https://docs.launchmystore.io/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "OAuth 2.0 access token of the app's install on the shop (expires after 24 hours)",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The app's client secret: LaunchMyStore signs quote requests and webhooks with it (X-LMS-Signature)",
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
			default: 'https://api.launchmystore.io',
			description: 'Base URL of the LaunchMyStore API. Change it only to point at a local stand-in for tests or demos.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${String(credentials.accessToken ?? '')}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl }}',
			url: '/api/v1/shop.json',
		},
	};
}
