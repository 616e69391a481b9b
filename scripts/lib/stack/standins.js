'use strict';
/**
 * Step 4 of a stack: the HighLevel, Shippo, provider, LaunchMyStore and BigCommerce stand-ins
 * (test/standins), and the carrier a trigger registered at the HighLevel stand-in.
 */
const path = require('node:path');
const { ROOT } = require('./constants');
const { STANDIN_TOKEN, AGENCY_TOKEN, STANDIN_APP_ID, BIGCOMMERCE_STORE_HASH, BIGCOMMERCE_TOKEN, SHIPPO_TOKEN } = require('./credentials');
const { request } = require('./processes');

async function listCarriers(standins, locationId) {
	const hl = standins.highlevel;
	let state = hl.state;
	if (!state) {
		const response = await request('GET', `${hl.url}/__standin/state`);
		if (response.status !== 200)
			throw new Error(`HighLevel stand-in: GET /__standin/state → ${response.status}`);
		state = response.json;
	}
	const location = state && state.locations && state.locations[locationId];
	return location ? Object.values(location.carriers || {}) : [];
}

/**
 * The carrier registered by a trigger node of the n8n at `n8nUrl` (matched by its webhook id in
 * the callback URL and by the n8n's address, so that a carrier left behind at shared stand-ins by
 * an earlier n8n with the same workflow is not taken for this one's).
 */
function carrierOf(carriers, trigger, n8nUrl) {
	return carriers.find((carrier) => {
		const url = String(carrier.callbackUrl || '');
		return url.includes(`/webhook/${trigger.webhookId}/`) && url.startsWith(`${n8nUrl}/`);
	});
}

/** Two shipping zones for the stack's location, as a store would have. */
function defaultSeed(locationId) {
	return {
		locations: {
			[locationId]: {
				zones: [
					{ name: 'Domestic', countries: [{ code: 'US' }] },
					{ name: 'International', countries: [{ code: 'CA' }, { code: 'GB' }] },
				],
			},
		},
	};
}

async function startStandins({ standins, standinPorts, seed, locationId, agency }) {
	if (standins && standins.highlevelUrl && standins.shippoUrl) {
		return {
			owned: false,
			handle: {
				highlevel: { url: standins.highlevelUrl.replace(/\/+$/, '') },
				shippo: { url: standins.shippoUrl.replace(/\/+$/, '') },
				close: async () => {},
			},
		};
	}
	const { startStandins: start, startProviderStandin } = require(path.join(ROOT, 'test', 'standins'));
	const handle = await start({
		highlevelPort: standinPorts.highlevel,
		shippoPort: standinPorts.shippo,
		seed,
		// HighLevel answers 403 when a location token is used for another location.
		tokens: {
			[STANDIN_TOKEN]: { locationId },
			...(agency ? { [AGENCY_TOKEN]: { companyId: agency.companyId, userType: 'Company' } } : {}),
		},
		marketplaceAppId: STANDIN_APP_ID,
		// Shippo knows the stack's token only, so a wrong carrier key is refused (connection checks).
		shippoTokens: [SHIPPO_TOKEN],
		agencies: agency ? { [agency.companyId]: { locations: agency.locations } } : {},
	});
	// A dropshipping provider's product API serving the bundled sample catalog (product-sync.json).
	try {
		handle.provider = await startProviderStandin({
			port: standinPorts.provider || 0,
			catalogFile: path.join(ROOT, 'samples', 'dropship-catalog.json'),
		});
	} catch (error) {
		await handle.close();
		throw error;
	}
	// A LaunchMyStore shop (REST API and its dispatcher) and a BigCommerce store (v2 shipping API
	// and its quote dispatcher), for the LaunchMyStore and BigCommerce workflows.
	try {
		const { startLaunchMyStoreStandin, startBigCommerceStandin } = require(path.join(ROOT, 'test', 'standins'));
		handle.launchmystore = await startLaunchMyStoreStandin({ port: standinPorts.launchmystore || 0 });
		handle.bigcommerce = await startBigCommerceStandin({
			port: standinPorts.bigcommerce || 0,
			storeHash: BIGCOMMERCE_STORE_HASH,
			accessToken: BIGCOMMERCE_TOKEN,
		});
	} catch (error) {
		await Promise.all([handle.close(), handle.provider.close(), handle.launchmystore && handle.launchmystore.close()]);
		throw error;
	}
	const closeBoth = handle.close;
	handle.close = async () => {
		await Promise.all([closeBoth(), handle.provider.close(), handle.launchmystore.close(), handle.bigcommerce.close()]);
	};
	return { owned: true, handle };
}

module.exports = { listCarriers, carrierOf, defaultSeed, startStandins };
