import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * A BigCommerce store as a shipping provider app sees it: the store hash and an API account's
 * access token (`X-Auth-Token`; requests go to `{baseUrl}/stores/{storeHash}/v2/...`), and the
 * secrets that authenticate BigCommerce's calls to the Shipping Rates Trigger: the Callback
 * Signing Secret signs the Quote URL and the Check Connection Options URL (`?loc=<store hash>&t=
 * <HMAC-SHA256>`, nodes/shared/signatures/callbackToken.ts), and an optional Header Secret that
 * every such call must also carry in the `X-Shipping-Secret` header.
 *
 * Sources: https://developer.bigcommerce.com/docs/start/authentication (`X-Auth-Token`, store
 * hash, `https://api.bigcommerce.com/stores/{store_hash}/...`);
 * https://developer.bigcommerce.com/docs/rest-management/store-information (`GET /v2/store`, the
 * credential test); https://developer.bigcommerce.com/docs/integrations/shipping (Quote URL and
 * Check Connection Options URL, whose authentication BigCommerce leaves to the provider).
 */
export class BigCommerceApi implements ICredentialType {
	name = 'highLevelShippingBigCommerceApi';

	displayName = 'BigCommerce API';

	icon: Icon = { light: 'file:../icons/bigcommerce.svg', dark: 'file:../icons/bigcommerce.dark.svg' };

	documentationUrl = 'https://developer.bigcommerce.com/docs/start/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Store Hash',
			name: 'storeHash',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'abc123xyz',
			description:
				'The store\'s hash: the part after /stores/ in the API path of an API account (also in the control panel URL, store-<hash>)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Access token of a store or app API account, sent as X-Auth-Token',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.bigcommerce.com',
			description:
				'Base URL of the BigCommerce API; requests go to {base URL}/stores/{store hash}/v2/…. Change it only to point at a local stand-in for tests or demos.',
		},
		{
			displayName: 'Callback Signing Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Secret that signs the Quote URL and Check Connection Options URL given to BigCommerce (HMAC-SHA256, ?loc=<store hash>&t=<token>). Any long random string; changing it invalidates the URLs given out.',
		},
		{
			displayName: 'Header Secret',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. When set, every call to the Shipping Rates Trigger must also carry this value in the X-Shipping-Secret header (e.g. added by a gateway in front of n8n). Empty: the signed URL alone.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...(requestOptions.headers ?? {}),
				'X-Auth-Token': String(credentials.accessToken ?? ''),
				Accept: 'application/json',
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl }}/stores/{{ $credentials.storeHash }}',
			url: '/v2/store',
		},
	};
}
