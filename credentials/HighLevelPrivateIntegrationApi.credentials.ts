import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * HighLevel Private Integration Token (PIT) of a sub-account, sent as a Bearer token.
 * A PIT carries no token data, so the location (sub-account) id is a field here.
 *
 * Source: test/standins/specs/highlevel/apps/store.json (`Location-Access`: "Access Token generated
 * with user type as Sub-Account (OR) Private Integration Token of Sub-Account").
 */
export class HighLevelPrivateIntegrationApi implements ICredentialType {
	name = 'highLevelShippingPrivateIntegrationApi';

	displayName = 'HighLevel Store Shipping Private Integration Token API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl = 'https://help.gohighlevel.com/support/solutions/articles/155000003054-private-integrations';

	properties: INodeProperties[] = [
		{
			displayName: 'Private Integration Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			required: true,
			default: '',
			description: 'ID of the sub-account (location) the token belongs to',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description:
				'Base URL of the HighLevel API. Change it only to point at a local stand-in for tests or demos.',
		},
		{
			displayName: 'Callback Signing Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Secret used to sign the live-rate callback URL registered with HighLevel (HMAC-SHA256). Any long random string; changing it invalidates registered callback URLs.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.token}}',
				Version: '2021-07-28',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl }}',
			url: '/store/shipping-carrier',
			qs: { altId: '={{ $credentials.locationId }}', altType: 'location' },
		},
	};
}
