'use strict';
/**
 * Baseline for the benchmark: a plain Node.js `http` server doing the same work as the
 * live-rates workflow, with the pack's own built modules (dist/) and no n8n:
 *   verify the signed callback URL → parse HighLevel's body → rate cache → POST /shipments to the
 *   Shippo stand-in (keep-alive) → canonical quotes → rules (same settings as the workflow's
 *   Shipping Rates Response node) → HighLevel's { rates } answer; fallback rates on a carrier error.
 *
 *   node bench/raw-server.js --port N --shippo URL --secret S [--workflow workflows/live-rates.json]
 * Prints one line `{"url":"http://127.0.0.1:N"}` when listening.
 */
const http = require('node:http');
const path = require('node:path');
const fs = require('node:fs');

const ROOT = path.resolve(__dirname, '..');
const dist = (file) => require(path.join(ROOT, 'dist', file));
const { readCallbackQuery, verifyLocationToken } = dist('nodes/shared/signatures/callbackToken.js');
const { parseHighLevelRateRequest, formatHighLevelRates } = dist('nodes/shared/dialects/highlevel.js');
const { toShippoShipmentBody, toRateQuotes } = dist('nodes/shared/shippo/mapping.js');
const { RateCache, rateCacheKey } = dist('nodes/shared/cache/rateCache.js');
const { buildAnswer } = dist('nodes/ShippingRatesResponse/answer.js');
const { readFallbackRates } = dist('nodes/ShippingRatesTrigger/fallback.js');
const { toMinorUnits } = dist('nodes/shared/core/index.js');

function arg(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1];
}

const port = Number(arg('port', 0));
const shippoUrl = arg('shippo');
const secret = arg('secret');
const workflowFile = arg('workflow', path.join(ROOT, 'workflows', 'live-rates.json'));
if (!shippoUrl || !secret) throw new Error('--shippo and --secret are required');

// The same settings as the bundled workflow's nodes.
const workflow = JSON.parse(fs.readFileSync(workflowFile, 'utf8'));
const params = (type) => workflow.nodes.find((n) => n.type.endsWith(`.${type}`)).parameters;
const trigger = params('shippingRatesTrigger');
const getRates = params('shippo');
const response = params('shippingRatesResponse');
const deadlineMs = Number(trigger.deadlineMs ?? 2500);
const cacheTtlMs = Number(getRates.options?.cacheTtl ?? 300) * 1000;
const timeoutMs = Number(getRates.options?.timeout ?? 10000);
const cm = (value) => Number(value) * 10;
const shipmentOptions = {
	parcel: { kind: 'items' },
	defaultBox: { lengthMm: cm(getRates.defaultBoxLengthCm), widthMm: cm(getRates.defaultBoxWidthCm), heightMm: cm(getRates.defaultBoxHeightCm) },
	packagingGrams: Number(getRates.packagingWeightGrams ?? 0),
};
const settingsFor = (currency) => ({
	quotesField: 'quotes',
	nameFormat: response.options?.nameFormat ?? 'carrierService',
	useFallback: true,
	includeServiceCode: true,
	rules: {
		markupPercent: Number(response.markupPercent ?? 0),
		handlingFeeMinor: toMinorUnits(Number(response.handlingFee ?? 0), currency),
		freeShippingOverMinor: toMinorUnits(Number(response.freeShippingOver ?? 0), currency),
		freeShippingApplies: response.freeShippingApplies ?? 'cheapest',
		rounding: response.rounding ?? 'none',
		sort: response.sort ?? 'price',
		keepCheapest: Number(response.keepCheapest ?? 0),
	},
});

const cache = new RateCache({ maxEntries: 500 });
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const shippo = new URL(shippoUrl);

function postShipment(body, timeout) {
	return new Promise((resolve, reject) => {
		const payload = JSON.stringify(body);
		const req = http.request(
			{
				host: shippo.hostname,
				port: shippo.port,
				path: '/shipments',
				method: 'POST',
				agent,
				timeout,
				headers: {
					authorization: 'ShippoToken shippo_test_bench',
					'content-type': 'application/json',
					accept: 'application/json',
					'content-length': Buffer.byteLength(payload),
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					if (res.statusCode >= 300) return reject(new Error(`Shippo HTTP ${res.statusCode}`));
					try {
						resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
					} catch (error) {
						reject(error);
					}
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error('Shippo timeout')));
		req.on('error', reject);
		req.end(payload);
	});
}

async function quote(request, deadlineAt) {
	const key = rateCacheKey({ request, shipmentOptions });
	const hit = cache.get(key);
	if (hit) return hit;
	const budget = Math.min(timeoutMs, deadlineAt - Date.now() - 150);
	if (budget <= 0) return [];
	const shipment = await postShipment(toShippoShipmentBody(request, shipmentOptions), budget);
	const { quotes } = toRateQuotes(shipment.rates, { preferCurrency: request.currency });
	if (quotes.length) cache.set(key, quotes, cacheTtlMs);
	return quotes;
}

const server = http.createServer((req, res) => {
	const receivedAt = Date.now();
	const chunks = [];
	req.on('data', (c) => chunks.push(c));
	req.on('end', async () => {
		const send = (status, body) => {
			const text = JSON.stringify(body);
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
			res.end(text);
		};
		const query = Object.fromEntries(new URL(req.url, 'http://x').searchParams);
		const { locationId, token } = readCallbackQuery(query);
		if (!verifyLocationToken(secret, locationId, token)) return send(401, { error: 'invalid or missing callback token' });
		let request;
		try {
			request = parseHighLevelRateRequest(Buffer.concat(chunks).toString('utf8'));
		} catch (error) {
			return send(400, { error: error.message, field: error.field });
		}
		const fallbackRates = readFallbackRates(trigger.fallbackRates ?? {}, request.currency);
		let quotes = [];
		try {
			quotes = await quote(request, receivedAt + deadlineMs);
		} catch {
			quotes = [];
		}
		const answer = buildAnswer([{ request, quotes, fallbackRates }], settingsFor(request.currency));
		send(200, answer.body ?? formatHighLevelRates([]));
	});
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => {
	process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
