'use strict';
/**
 * Step 5 of a stack: the credentials imported into n8n (`n8n import:credentials`).
 */

const HIGHLEVEL_SCOPES =
	'store/shipping.readonly store/shipping.write store/setting.readonly store/setting.write payments/orders.readonly payments/orders.write products.readonly products.write products/prices.readonly products/prices.write';
const CREDENTIAL_IDS = { highlevel: 'highlevelStandin', shippo: 'shippoStandin', shippoHeader: 'shippoHeaderStandin', redis: 'redisQueue', launchMyStore: 'launchMyStoreStandin', bigCommerce: 'bigCommerceStandin' };
const STANDIN_TOKEN = 'hl-demo-location-token';
const AGENCY_TOKEN = 'hl-demo-agency-token';
const SHIPPO_TOKEN = 'shippo_test_demo';
// The LaunchMyStore stand-in's defaults (test/standins/launchmystore.js).
// The credential renews its access token with the refresh token (OAuth2 mode), as an app install
// lasting longer than a day must; the stand-in issues and rotates them.
const LAUNCHMYSTORE = {
	authentication: 'oAuth2RefreshToken',
	clientId: 'lms_app_demo',
	refreshToken: 'lms-demo-refresh-token',
	accessToken: '',
	clientSecret: 'lms-demo-client-secret',
	appHandle: 'acme-shipping',
};
const BIGCOMMERCE_STORE_HASH = 'demo-store';
const BIGCOMMERCE_TOKEN = 'bc-demo-token';
// The HighLevel stand-in's marketplace app; HighLevel client ids are <appId>-<suffix>.
const STANDIN_APP_ID = '6578278e879ad2646715ba9d';

/**
 * The credentials imported into n8n. With `agency`, the HighLevel credential holds an agency
 * (Company) token of `agency.companyId` instead of a location token; with `redisPort`, a Redis
 * credential for the claim workflow is added.
 */
function credentialRecords({ highlevelUrl, shippoUrl, launchMyStoreUrl, bigCommerceUrl, callbackSecret, sharedSecret, locationId, agency, redisPort }) {
	const tokenData = agency
		? { access_token: AGENCY_TOKEN, userType: 'Company', companyId: agency.companyId }
		: { access_token: STANDIN_TOKEN, userType: 'Location', locationId, companyId: 'demo-company' };
	return [
		{
			id: CREDENTIAL_IDS.highlevel,
			name: 'HighLevel (stand-in)',
			type: 'highLevelShippingOAuth2Api',
			data: {
				clientId: `${STANDIN_APP_ID}-demo`,
				clientSecret: 'demo-secret',
				authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
				baseUrl: highlevelUrl,
				accessTokenUrl: `${highlevelUrl}/oauth/token`,
				scope: HIGHLEVEL_SCOPES,
				callbackSecret,
				sharedSecret: sharedSecret || '',
				oauthTokenData: {
					token_type: 'Bearer',
					expires_in: 86399,
					refresh_token: 'hl-demo-refresh',
					scope: HIGHLEVEL_SCOPES,
					userId: 'demo-user',
					...tokenData,
				},
			},
		},
		{
			id: CREDENTIAL_IDS.shippo,
			name: 'Shippo (stand-in)',
			type: 'highLevelShippingShippoApi',
			data: { token: SHIPPO_TOKEN, baseUrl: shippoUrl, webhookSecret: '' },
		},
		{
			// The same Shippo token as n8n's generic Header Auth, for core-node workflows (bench/core-peer.json).
			id: CREDENTIAL_IDS.shippoHeader,
			name: 'Shippo header auth (stand-in)',
			type: 'httpHeaderAuth',
			data: { name: 'Authorization', value: `ShippoToken ${SHIPPO_TOKEN}` },
		},
		...(launchMyStoreUrl
			? [{
				id: CREDENTIAL_IDS.launchMyStore,
				name: 'LaunchMyStore (stand-in)',
				type: 'highLevelShippingLaunchMyStoreApi',
				data: { ...LAUNCHMYSTORE, serviceCodePrefix: '', baseUrl: launchMyStoreUrl },
			}]
			: []),
		...(bigCommerceUrl
			? [{
				id: CREDENTIAL_IDS.bigCommerce,
				name: 'BigCommerce (stand-in)',
				type: 'highLevelShippingBigCommerceApi',
				data: { storeHash: BIGCOMMERCE_STORE_HASH, accessToken: BIGCOMMERCE_TOKEN, baseUrl: bigCommerceUrl, callbackSecret, headerSecret: '' },
			}]
			: []),
		// Queue mode: n8n's Redis credential for the claim workflow (claim.json), on the queue's Redis.
		...(redisPort
			? [{ id: CREDENTIAL_IDS.redis, name: 'Redis (queue mode)', type: 'redis', data: { host: '127.0.0.1', port: redisPort, database: 0, password: '', user: '', ssl: false } }]
			: []),
	];
}

module.exports = { credentialRecords, CREDENTIAL_IDS, STANDIN_TOKEN, AGENCY_TOKEN, STANDIN_APP_ID, HIGHLEVEL_SCOPES, SHIPPO_TOKEN, LAUNCHMYSTORE, BIGCOMMERCE_STORE_HASH, BIGCOMMERCE_TOKEN };
