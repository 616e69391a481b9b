'use strict';
/**
 * Local demo: a real n8n with this pack, the bundled workflows and the HighLevel and Shippo
 * stand-ins, all on 127.0.0.1. Started by scripts/demo.sh (which installs and builds first).
 *
 *   n8n editor          http://127.0.0.1:5678/
 *   HighLevel stand-in  http://127.0.0.1:4010      Shippo stand-in  http://127.0.0.1:4020
 *
 * The n8n user folder is .n8n-local/ in the repository (kept between runs; workflows and
 * credentials are imported again on every start). Ctrl-C stops n8n and the stand-ins.
 * Environment: DEMO_PORT (5678), DEMO_HIGHLEVEL_PORT (4010), DEMO_SHIPPO_PORT (4020),
 * DEMO_PROVIDER_PORT (4030: the sample dropshipping catalog), DEMO_LAUNCHMYSTORE_PORT (4040),
 * DEMO_BIGCOMMERCE_PORT (4050).
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { startStack, adaptToStack, request, ROOT } = require('./lib/stack');

const PORT = Number(process.env.DEMO_PORT || 5678);
const HIGHLEVEL_PORT = Number(process.env.DEMO_HIGHLEVEL_PORT || 4010);
const SHIPPO_PORT = Number(process.env.DEMO_SHIPPO_PORT || 4020);
// product-sync.json's default catalog URL is http://localhost:4030/products: the provider stand-in.
const PROVIDER_PORT = Number(process.env.DEMO_PROVIDER_PORT || 4030);
const LAUNCHMYSTORE_PORT = Number(process.env.DEMO_LAUNCHMYSTORE_PORT || 4040);
const BIGCOMMERCE_PORT = Number(process.env.DEMO_BIGCOMMERCE_PORT || 4050);
// The location of HighLevel's documented callback example (its altId), so the example works as is.
const LOCATION_ID = 'LOCATION_ID_HERE';
const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-Owner-1',
};
// Fixed so the callback URL stays the same from one run to the next.
const CALLBACK_SECRET = 'local-demo-callback-signing-secret';
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'highlevel-rate-request.json');
// A paid order for the post-purchase run: HighLevel's documented OrderCreate example.
const DEMO_ORDER_ID = '66a0000000000000000000d1';
const SHIPPO_AUTH = { authorization: 'ShippoToken shippo_test_demo' };
const webhookIdOf = (file, type) => {
	const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8'));
	return workflow.nodes.find((n) => n.type === `n8n-nodes-highlevel-shipping.${type}`).webhookId;
};

function demoSeed() {
	const { type: _event, ...order } = JSON.parse(
		fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'webhooks', 'OrderCreate.json'), 'utf8'),
	);
	return {
		locations: {
			[LOCATION_ID]: {
				zones: [
					{ name: 'Domestic', countries: [{ code: 'US' }] },
					{ name: 'International', countries: [{ code: 'CA' }, { code: 'GB' }] },
				],
				orders: [
					{
						...order,
						_id: DEMO_ORDER_ID,
						altId: LOCATION_ID,
						locationId: LOCATION_ID,
						status: 'completed',
						paymentStatus: 'paid',
						createdAt: new Date().toISOString(),
					},
				],
			},
		},
	};
}

async function waitFor(probe, tries = 60) {
	for (let i = 0; i < tries; i++) {
		const value = await probe();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return null;
}

/**
 * The post-purchase half, once, through the running workflows: the HighLevel stand-in sends a
 * signed OrderCreate to order-sync.json, a label is bought in the Shippo stand-in for the Shippo
 * order it made, the Shippo stand-in tells fulfillment.json, and HighLevel gets the fulfillment.
 */
async function runPostPurchase(stack, eventsUrl) {
	const hl = stack.standins.highlevel.url;
	const shippo = stack.standins.shippo.url;
	const sent = await request('POST', `${hl}/__standin/webhooks`, {
		body: { url: eventsUrl, type: 'OrderCreate', orderId: DEMO_ORDER_ID },
	});
	console.log(`[demo] OrderCreate ${DEMO_ORDER_ID} sent, signed, by the HighLevel stand-in: n8n answered ${sent.json && sent.json.status}`);
	const reference = `hl:${LOCATION_ID}:${DEMO_ORDER_ID}`;
	const shippoOrder = await waitFor(async () => {
		const list = await request('GET', `${shippo}/orders?results=100`, { headers: SHIPPO_AUTH });
		return ((list.json && list.json.results) || []).find((o) => o.order_number === reference);
	});
	if (!shippoOrder) return console.log('[demo] no Shippo order appeared; see the n8n log');
	console.log(`[demo] order-sync.json created Shippo order ${shippoOrder.object_id} (order_number ${reference})`);
	const to = shippoOrder.to_address;
	const shipment = await request('POST', `${shippo}/shipments`, {
		headers: SHIPPO_AUTH,
		body: {
			address_from: { name: 'Store', street1: '215 Clayton St.', city: 'San Francisco', state: 'CA', zip: '94117', country: 'US' },
			address_to: { name: to.name, street1: to.street1, city: to.city, state: to.state, zip: to.zip, country: to.country },
			parcels: [{ length: '10', width: '8', height: '4', distance_unit: 'in', weight: '2', mass_unit: 'lb' }],
			async: false,
		},
	});
	const label = await request('POST', `${shippo}/transactions`, {
		headers: SHIPPO_AUTH,
		body: { rate: shipment.json.rates[0].object_id, order: shippoOrder.object_id, async: false },
	});
	console.log(`[demo] label bought in the Shippo stand-in: tracking number ${label.json.tracking_number}`);
	const fulfillment = await waitFor(async () => {
		const state = await request('GET', `${hl}/__standin/state`);
		const list = (state.json.locations[LOCATION_ID].fulfillments || {})[DEMO_ORDER_ID] || [];
		return list[0];
	});
	if (!fulfillment) return console.log('[demo] no HighLevel fulfillment appeared; see the n8n log');
	const items = fulfillment.items.map((item) => `${item._id} × ${item.qty}`).join(', ');
	console.log(`[demo] fulfillment.json wrote HighLevel fulfillment ${fulfillment._id}: ${items}`);
	console.log('[demo] running reconcile-orders.json once (finds the order already synced: nothing new)');
	await stack.executeWorkflow('reconcile-orders.json');
}

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

const shellQuote = (text) => `'${String(text).replace(/'/g, `'\\''`)}'`;

/** A curl that posts the documented HighLevel rate request, with the demo location as altId. */
function curlFor(callbackUrl) {
	const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
	const placeholder = fixture.rate && fixture.rate.altId;
	const post = `curl -sS -X POST -H 'content-type: application/json' --data-binary @- ${shellQuote(callbackUrl)}`;
	if (placeholder && placeholder !== LOCATION_ID) {
		// The callback URL is signed for one location; HighLevel sends that location as altId.
		return `sed 's/"altId": "${placeholder}"/"altId": "${LOCATION_ID}"/' ${shellQuote(FIXTURE)} | ${post}`;
	}
	return `${post} < ${shellQuote(FIXTURE)}`;
}

/** How to drive the LaunchMyStore and BigCommerce workflows through their stand-ins' dispatchers. */
function otherPlatformLines(stack) {
	const post = (url, body) => `curl -sS -X POST -H 'content-type: application/json' ${url} -d '${JSON.stringify(body)}'`;
	const lms = stack.standins.launchmystore;
	const bc = stack.standins.bigcommerce;
	const lines = [];
	if (lms) {
		const quoteUrl = `${stack.webhookUrl}/webhook/${webhookIdOf('launchmystore-live-rates.json', 'shippingRatesTrigger')}/rates`;
		const ordersUrl = `${stack.webhookUrl}/webhook/${webhookIdOf('launchmystore-order-sync.json', 'launchMyStoreTrigger')}/events`;
		lines.push(
			`  LaunchMyStore stand-in: ${lms.url} (shop demo-shop, app handle acme-shipping)`,
			'  Have it send a signed quote request to launchmystore-live-rates.json:',
			`    ${post(`${lms.url}/__standin/quote`, { url: quoteUrl })}`,
			'  Have it create an order shipped with the app\'s rates, then deliver orders/create (one Shippo order):',
			`    ${post(`${lms.url}/__standin/orders`, {})}`,
			`    ${post(`${lms.url}/__standin/webhook`, { url: ordersUrl, topic: 'orders/create', orderId: '<id from the answer above>' })}`,
			'',
		);
	}
	if (bc && stack.bigCommerceUrls) {
		lines.push(
			`  BigCommerce stand-in: ${bc.url} (store demo-store, carrier carrier_33)`,
			'  Have it send its documented quote request, and a connection check, to bigcommerce-live-rates.json:',
			`    ${post(`${bc.url}/__standin/quote`, { url: stack.bigCommerceUrls.quoteUrl })}`,
			`    ${post(`${bc.url}/__standin/check-connection`, { url: stack.bigCommerceUrls.checkConnectionUrl, connection_options: { key: 'shippo_test_demo' } })}`,
			'  Run bigcommerce-install.json from the editor to connect the carrier and add its method to every zone.',
			'',
		);
	}
	return lines;
}

async function main() {
	const ports = {
		n8n: PORT,
		'task runner broker': PORT + 1,
		'HighLevel stand-in': HIGHLEVEL_PORT,
		'Shippo stand-in': SHIPPO_PORT,
		'provider stand-in': PROVIDER_PORT,
	};
	for (const [what, port] of Object.entries(ports)) {
		if (!(await portFree(port))) {
			console.error(
				`Port ${port} (${what}) on 127.0.0.1 is in use. Stop what holds it, or set DEMO_PORT / DEMO_HIGHLEVEL_PORT / DEMO_SHIPPO_PORT.`,
			);
			process.exit(1);
		}
	}

	let stack = null;
	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the stand-ins…`);
		// During start-up the stack is not returned yet: exiting ends n8n (exit handler) and the stand-ins.
		if (stack) await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	const began = Date.now();
	stack = await startStack({
		userFolder: path.join(ROOT, '.n8n-local'),
		port: PORT,
		brokerPort: PORT + 1,
		standinPorts: {
			highlevel: HIGHLEVEL_PORT,
			shippo: SHIPPO_PORT,
			provider: PROVIDER_PORT,
			launchmystore: LAUNCHMYSTORE_PORT,
			bigcommerce: BIGCOMMERCE_PORT,
		},
		callbackSecret: CALLBACK_SECRET,
		locationId: LOCATION_ID,
		owner: OWNER,
		seed: demoSeed(),
		transformWorkflow: adaptToStack,
		log: (message) => console.log(`[demo] ${message}`),
	});
	if (stopping) return;

	// The install workflow (Manual Trigger) once: the live rate goes into every shipping zone.
	console.log('[demo] running install-carrier.json once (carrier + a carrier rate in every zone)');
	const installRun = await stack.executeWorkflow('install-carrier.json');
	const zoneRuns = (((installRun.data || {}).resultData || {}).runData || {})['Add Carrier Rate to All Zones'] || [];
	const zones = ((((zoneRuns[0] || {}).data || {}).main || [])[0] || []).map((item) => `${item.json.shippingZoneName || item.json.shippingZoneId}: ${item.json.outcome}`);
	console.log(`[demo] shipping zones: ${zones.join(', ') || '(none reported)'}`);

	const eventsUrl = `${stack.n8nUrl}/webhook/${webhookIdOf('order-sync.json', 'highLevelShippingTrigger')}/events`;
	const shippoTriggerUrl = `${stack.n8nUrl}/webhook/${webhookIdOf('fulfillment.json', 'shippoTrigger')}/shippo`;
	await runPostPurchase(stack, eventsUrl);

	console.log('[demo] running product-sync.json once (the sample dropshipping catalog → HighLevel products)');
	await stack.executeWorkflow('product-sync.json');
	const catalogState = await request('GET', `${stack.standins.highlevel.url}/__standin/state`);
	const synced = catalogState.json.locations[LOCATION_ID] || {};
	console.log(
		`[demo] HighLevel stand-in now holds ${Object.keys(synced.products || {}).length} products with ${Object.keys(synced.prices || {}).length} prices (one per SKU)`,
	);

	const seconds = ((Date.now() - began) / 1000).toFixed(1);
	const lines = [
		'',
		`n8n is running (started in ${seconds} s).`,
		'',
		`  Editor:           ${stack.editorUrl}`,
		`                    log in as ${stack.owner.email} / ${stack.owner.password}`,
		`  Workflows:        ${stack.workflows.map((w) => `${w.name}${w.active ? '' : ' (inactive)'}`).join(', ') || '(none)'}`,
		`  HighLevel stand-in: ${stack.standins.highlevel.url}   Shippo stand-in: ${stack.standins.shippo.url}`,
		`  n8n log:          ${stack.logFile}`,
		'',
	];
	if (stack.callbackUrl) {
		lines.push(
			`  Callback URL (registered as the shipping carrier of location ${LOCATION_ID}; HighLevel calls it at checkout):`,
			`    ${stack.callbackUrl}`,
			'',
			'  Ask for live rates the way HighLevel does:',
			`    ${curlFor(stack.callbackUrl)}`,
			'',
		);
	} else {
		lines.push('  No active Shipping Rates Trigger: no callback URL registered.', '');
	}
	lines.push(
		`  HighLevel app webhook URL (order-sync.json; orders, and UNINSTALL → uninstall.json):`,
		`    ${eventsUrl}`,
		`  Shippo Trigger (fulfillment.json; registered with Shippo on activation): ${shippoTriggerUrl}?t=…`,
		'',
		'  Have the HighLevel stand-in send a signed webhook (here: the order again; nothing is created twice):',
		`    curl -sS -X POST -H 'content-type: application/json' ${stack.standins.highlevel.url}/__standin/webhooks -d '{"url": "${eventsUrl}", "type": "OrderCreate", "orderId": "${DEMO_ORDER_ID}"}'`,
		`  Provider catalog (product-sync.json): ${stack.standins.provider.url}/products`,
		'  Uninstall (removes the carrier, its rates and the Shippo webhooks):',
		`    curl -sS -X POST -H 'content-type: application/json' ${stack.standins.highlevel.url}/__standin/webhooks -d '{"url": "${eventsUrl}", "type": "UNINSTALL", "payload": {"locationId": "${LOCATION_ID}"}}'`,
		'',
	);
	lines.push(...otherPlatformLines(stack));
	lines.push('Ctrl-C stops everything.');
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(error && error.message ? error.message : error);
	process.exit(1);
});
