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
 * Environment: DEMO_PORT (5678), DEMO_HIGHLEVEL_PORT (4010), DEMO_SHIPPO_PORT (4020).
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { startStack, pointInstallAtLiveRates, ROOT } = require('./lib/stack');

const PORT = Number(process.env.DEMO_PORT || 5678);
const HIGHLEVEL_PORT = Number(process.env.DEMO_HIGHLEVEL_PORT || 4010);
const SHIPPO_PORT = Number(process.env.DEMO_SHIPPO_PORT || 4020);
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

async function main() {
	const ports = {
		n8n: PORT,
		'task runner broker': PORT + 1,
		'HighLevel stand-in': HIGHLEVEL_PORT,
		'Shippo stand-in': SHIPPO_PORT,
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
		standinPorts: { highlevel: HIGHLEVEL_PORT, shippo: SHIPPO_PORT },
		callbackSecret: CALLBACK_SECRET,
		locationId: LOCATION_ID,
		owner: OWNER,
		transformWorkflow: pointInstallAtLiveRates,
		log: (message) => console.log(`[demo] ${message}`),
	});
	if (stopping) return;

	// The install workflow (Manual Trigger) once: the live rate goes into every shipping zone.
	console.log('[demo] running install-carrier.json once (carrier + a carrier rate in every zone)');
	const installRun = await stack.executeWorkflow('install-carrier.json');
	const zoneRuns = (((installRun.data || {}).resultData || {}).runData || {})['Add Carrier Rate to All Zones'] || [];
	const zones = ((((zoneRuns[0] || {}).data || {}).main || [])[0] || []).map((item) => `${item.json.shippingZoneName || item.json.shippingZoneId}: ${item.json.outcome}`);
	console.log(`[demo] shipping zones: ${zones.join(', ') || '(none reported)'}`);

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
	lines.push('Ctrl-C stops everything.');
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(error && error.message ? error.message : error);
	process.exit(1);
});
