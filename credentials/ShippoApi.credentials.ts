import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Shippo API token (`shippo_test_…` or `shippo_live_…`), sent as `Authorization: ShippoToken <token>`.
 *
 * Source: test/standins/specs/shippo/public-api.yaml (`components.securitySchemes.APIKeyHeader`),
 * https://docs.goshippo.com/docs/guides_general/authentication/
 */
export class ShippoApi implements ICredentialType {
	name = 'highLevelShippingShippoApi';

	displayName = 'HighLevel Store Shipping Shippo API';

	icon: Icon = { light: 'file:../icons/shippo.svg', dark: 'file:../icons/shippo.dark.svg' };

	documentationUrl = 'https://docs.goshippo.com/docs/guides_general/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Shippo API token, e.g. shippo_test_… for test mode',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.goshippo.com',
			description:
				'Base URL of the Shippo API. Change it only to point at a local stand-in for tests or demos.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. HMAC secret Shippo signs webhooks with (enabled by Shippo support), also used to sign webhook URL tokens.',
		},
	];

	/**
	 * `Authorization: ShippoToken <token>`. Written as a function rather than a generic
	 * `'=ShippoToken {{$credentials.token}}'` template: n8n 2.x evaluates such a template in its
	 * expression isolate on every request, which was the largest remaining cost of a live-rate
	 * callback; a function is called directly.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `ShippoToken ${String(credentials.token ?? '')}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl }}',
			url: '/carrier_accounts',
			qs: { results: 1 },
		},
	};
}
