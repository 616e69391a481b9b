/**
 * The HighLevel credential choice shared by every node that calls HighLevel: an `authentication`
 * parameter (Marketplace app OAuth2 by default, or a Private Integration Token) and the matching
 * credential, shown by that parameter. transport.ts reads the same parameter to pick the credential.
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const highLevelCredentials: INodeCredentialDescription[] = [
	{
		name: 'highLevelShippingOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: 'highLevelShippingPrivateIntegrationApi',
		required: true,
		displayOptions: { show: { authentication: ['privateIntegrationToken'] } },
	},
];

export const highLevelAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
		{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
	],
	default: 'oAuth2',
};
