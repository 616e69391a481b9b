'use strict';
/**
 * Programmatic API of the local stand-ins for HighLevel's store endpoints
 * (test/standins/specs/highlevel/apps/store.json) and Shippo (test/standins/specs/shippo/public-api.yaml).
 *
 *   const { startStandins } = require('./test/standins');
 *   const s = await startStandins({ seed, tokens, latencyMs });
 *   s.highlevel.url, s.shippo.url, s.highlevel.violations, s.shippo.setFault({...}), await s.close();
 *
 * Each server: { url, port, requests, violations, responseViolations, state, setFault(f),
 * clearFaults(), setLatency(ms), reset(), close() } - see server.js; the same controls over HTTP
 * under /__standin/. Specs are read from env SPECS_DIR or test/standins/specs (see SOURCE.md there).
 */
const { StandinServer } = require('./server');
const { createHighLevelService } = require('./highlevel');
const { createShippoService, shippoRatesFor } = require('./shippo');
const { startProviderStandin } = require('./provider');

/**
 * @param {{ host?: string, port?: number, latencyMs?: number, tokens?: object, seed?: object,
 *   marketplaceAppId?: string, checkResponses?: boolean, maxRecords?: number,
 *   onViolation?: (v: object) => void }} [opts]
 */
async function startHighLevelStandin(opts = {}) {
	const server = new StandinServer(createHighLevelService(opts), opts);
	return server.listen(opts.port || 0, opts.host || '127.0.0.1');
}

/** @param {{ host?: string, port?: number, latencyMs?: number, checkResponses?: boolean,
 *   maxRecords?: number, onViolation?: (v: object) => void }} [opts] */
async function startShippoStandin(opts = {}) {
	const server = new StandinServer(createShippoService(opts), opts);
	return server.listen(opts.port || 0, opts.host || '127.0.0.1');
}

/**
 * Both stand-ins. `tokens` and `seed` concern HighLevel only.
 * @returns {Promise<{ highlevel: StandinServer, shippo: StandinServer, close(): Promise<void> }>}
 */
async function startStandins(opts = {}) {
	const { host = '127.0.0.1', highlevelPort = 0, shippoPort = 0, ...rest } = opts;
	const highlevel = await startHighLevelStandin({ ...rest, host, port: highlevelPort });
	let shippo;
	try {
		shippo = await startShippoStandin({ ...rest, host, port: shippoPort });
	} catch (e) {
		await highlevel.close();
		throw e;
	}
	return {
		highlevel,
		shippo,
		close: () => Promise.all([highlevel.close(), shippo.close()]).then(() => undefined),
	};
}

module.exports = {
	startHighLevelStandin,
	startShippoStandin,
	startStandins,
	shippoRatesFor,
	// A dropshipping provider serving samples/dropship-catalog.json (provider.js).
	startProviderStandin,
};

// A BigCommerce store (v2 shipping zones, methods, carrier connection) and its quote dispatcher
// (bigcommerce.js): startBigCommerceStandin({host, port, storeHash, accessToken, zones, carriers}).
module.exports.startBigCommerceStandin = require('./bigcommerce').startBigCommerceStandin;

// LaunchMyStore: REST API (shop, orders, fulfillments, token rotation) and its dispatcher (signed
// quotes and webhooks), launchmystore.js: startLaunchMyStoreStandin({host, port, clientSecret,
// appHandle, shop, tokens, refreshTokens, clients, orders, checkResponses, latencyMs}).
module.exports.startLaunchMyStoreStandin = require('./launchmystore').startLaunchMyStoreStandin;
