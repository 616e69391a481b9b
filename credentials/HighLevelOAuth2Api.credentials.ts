import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * HighLevel (LeadConnector) OAuth2 for a Marketplace app, installed on a sub-account (location)
 * or on an agency. A location token carries `locationId`, which the nodes read from
 * `oauthTokenData`; an agency token (`userType: "Company"`, `companyId`) is exchanged by the nodes
 * for a location token per location they act on (agency mode).
 *
 * Sources: GoHighLevel/highlevel-api-docs docs/oauth/Authorization.md (authorization URLs, token URL,
 * token lifetimes), test/standins/specs/highlevel/apps/oauth.json (`POST /oauth/token`, form body).
 */
export class HighLevelOAuth2Api implements ICredentialType {
	name = 'highLevelShippingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel Store Shipping OAuth2 API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl =
		'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'options',
			options: [
				{
					name: 'Standard (marketplace.gohighlevel.com, v2)',
					value: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com, v2)',
					value: 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation',
				},
				{
					name: 'Standard (Legacy, Without v2)',
					value: 'https://marketplace.gohighlevel.com/oauth/chooselocation',
				},
				{
					name: 'White-Label (Legacy, Without v2)',
					value: 'https://marketplace.leadconnectorhq.com/oauth/chooselocation',
				},
			],
			default: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			required: true,
			description: 'Where users choose the sub-account to install your Marketplace app on',
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
			// A plain value, not an expression: n8n resolves credential expressions on every use.
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com/oauth/token',
			description: 'HighLevel token endpoint (POST /oauth/token). Change it only together with the API Base URL.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default:
				'store/shipping.readonly store/shipping.write store/setting.readonly store/setting.write payments/orders.readonly payments/orders.write products.readonly products.write products/prices.readonly products/prices.write',
			required: true,
			description:
				'Space-separated HighLevel scopes. They must match the scopes selected in your Marketplace app.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
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
		{
			displayName: 'Shared Secret',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The Marketplace app's Shared Secret (Advanced Settings → Auth), used to decrypt the user context HighLevel gives custom pages. Optional.",
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl }}',
			url: '/store/shipping-carrier',
			qs: {
				altId: '={{ $credentials.oauthTokenData.locationId }}',
				altType: 'location',
			},
			headers: { Version: '2021-07-28' },
		},
	};
}
