#!/usr/bin/env node
'use strict';
/**
 * Starts both stand-ins (HighLevel store per test/standins/specs/highlevel/apps/store.json, Shippo per
 * test/standins/specs/shippo/public-api.yaml) and prints one JSON line with their URLs once listening:
 *   {"highlevel":"http://127.0.0.1:N","shippo":"http://127.0.0.1:M"}
 * Violations are logged to stderr. Stops on SIGINT/SIGTERM.
 *
 *   node test/standins/cli.js [--host 127.0.0.1] [--highlevel-port N] [--shippo-port N]
 *                             [--latency-ms N] [--seed-file f.json]
 * Default seed: location "LOCATION_ID_HERE" (the altId of HighLevel's documented callback example) with zones "Domestic" (US) and "International" (CA, GB).
 */
const fs = require('node:fs');
const { startStandins } = require('./index');

const DEFAULT_SEED = {
	locations: {
		LOCATION_ID_HERE: {
			zones: [
				{ name: 'Domestic', countries: [{ code: 'US' }] },
				{ name: 'International', countries: [{ code: 'CA' }, { code: 'GB' }] },
			],
		},
	},
};

function parseArgs(argv) {
	const o = { host: '127.0.0.1', highlevelPort: 0, shippoPort: 0, latencyMs: 0, seedFile: null };
	const names = {
		'--host': 'host',
		'--highlevel-port': 'highlevelPort',
		'--shippo-port': 'shippoPort',
		'--latency-ms': 'latencyMs',
		'--seed-file': 'seedFile',
	};
	for (let i = 0; i < argv.length; i++) {
		let [flag, value] = argv[i].split('=', 2);
		const key = names[flag];
		if (!key) throw new Error(`unknown option ${flag}`);
		if (value === undefined) value = argv[++i];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		o[key] = ['host', 'seedFile'].includes(key) ? value : Number(value);
		if (typeof o[key] === 'number' && !Number.isInteger(o[key]))
			throw new Error(`${flag} must be an integer`);
	}
	return o;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`standins: ${e.message}\n`);
		process.exit(2);
	}
	const seed = args.seedFile ? JSON.parse(fs.readFileSync(args.seedFile, 'utf8')) : DEFAULT_SEED;
	const standins = await startStandins({
		host: args.host,
		highlevelPort: args.highlevelPort,
		shippoPort: args.shippoPort,
		latencyMs: args.latencyMs,
		seed,
	});
	for (const name of ['highlevel', 'shippo']) {
		standins[name].onViolation = (v) =>
			process.stderr.write(`[${name}] violation ${v.method} ${v.path}: ${v.errors.join('; ')}\n`);
	}
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		standins.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	process.stdout.write(
		`${JSON.stringify({ highlevel: standins.highlevel.url, shippo: standins.shippo.url })}\n`,
	);
}

main().catch((e) => {
	process.stderr.write(`standins: ${e.stack || e.message}\n`);
	process.exit(1);
});
