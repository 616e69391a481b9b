'use strict';
/**
 * BigCommerce store stand-in: the v2 routes the pack's BigCommerce node uses, validated against
 * the project's own schema test/standins/specs/bigcommerce/openapi.yaml (doc URL per operation;
 * SOURCE.md there), stateful and in memory, one store.
 *
 *   GET  /stores/{store_hash}/v2/store                         store information
 *   GET  /stores/{store_hash}/v2/shipping/zones                every zone (a plain array)
 *   GET|POST /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods          (create answers 200)
 *   GET|PUT|DELETE /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods/{method_id}  (delete 204)
 *   POST|PUT|DELETE /stores/{store_hash}/v2/shipping/carrier/connection        (204)
 *
 * Auth: `X-Auth-Token` must equal the store's token (missing or wrong: 401); an unknown store hash
 * is 404. Errors are v2 error lists `[{status, message}]`. Rules the docs leave open, chosen here:
 * - A carrier is connectable when it is a built-in real-time carrier or a key of `carriers`
 *   (default `{carrier_33: {}}`); any other `carrier_id` is 400.
 * - Connecting a connected carrier is 409 ("already connected"; PUT updates); PUT or DELETE of a
 *   carrier that is not connected is 404.
 * - When the carrier has a `checkConnectionUrl`, POST and PUT first send `{connection_options}` to
 *   it (as BigCommerce does); `valid: false` refuses the connection (400 naming the carrier's
 *   messages), and so does an answer that is not `{valid, messages}` (or not 200 JSON, or none
 *   within 10 s). Violations of the carrier's answer are recorded in `providerViolations`.
 * - A method of a carrier type (`carrier_<id>` or a built-in carrier) needs the carrier connected
 *   (else 400). DELETE of a connection also removes that carrier's methods from every zone.
 *
 * Dispatcher controls (not validated, no auth), besides server.js's own:
 *   POST /__standin/quote {url? | carrierId?, body?, headers?, timeoutMs?}: sends a quote request
 *     like BigCommerce (default body: the documented example, `store_id` = this store, the
 *     carrier's stored connection as `connection_options`) and answers `{status, body, durationMs,
 *     violations, requestViolations}` (violations: the carrier's answer against `RateResponse`).
 *   POST /__standin/check-connection {url? | carrierId?, connection_options, headers?, timeoutMs?}:
 *     the same for the check (`CheckConnectionResponse`), plus `valid`.
 *   GET /__standin/provider-violations: every violation recorded of carriers' answers.
 *   GET /__standin/state: `{zones, methods: {<zone id>: [method]}, connections: {<carrier id>:
 *     {carrier_id, connection}}}`.
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { OpenApiValidator, specsDir } = require('./openapi');
const { StandinServer } = require('./server');
const { call } = require('./http-client');

const SPEC = 'bigcommerce/openapi.yaml';
const RATE_REQUEST_FIXTURE = path.resolve(__dirname, '../fixtures/bigcommerce-rate-request.json');
const PROVIDER_TIMEOUT_MS = 10000;
const BUILT_IN_CARRIERS = [
	'auspost',
	'canadapost',
	'endicia',
	'usps',
	'fedex',
	'royalmail',
	'upsready',
	'zoom2u',
];

/** The quote request of BigCommerce's Shipping Provider guide, used when the fixture file is absent. */
// prettier-ignore
const DOCUMENTED_RATE_REQUEST = {
	base_options: {
		origin: { street_1: '685 MARKET ST', street_2: '', zip: '94105', city: 'SAN FRANCISCO', state_iso2: 'CA', country_iso2: 'US', address_type: 'commercial' },
		destination: { street_1: '', street_2: '', zip: '94103', city: '', state_iso2: 'CA', country_iso2: 'US', address_type: 'residential' },
		items: [{
			sku: 'SKU-100', variant_id: '1', product_id: '1', name: 'Shirt',
			length: { units: 'in', value: 1 }, width: { units: 'in', value: 1 }, height: { units: 'in', value: 1 },
			weight: { units: 'oz', value: 1 },
			discounted_price: { currency: 'USD', amount: '10' }, declared_value: { currency: 'USD', amount: '10' },
			quantity: 1, attributes: [],
		}],
		customer: { customer_groups: [{ customer_group_id: 5, customer_group_name: 'Retail' }], customer_id: 6 },
		store_id: 'ru7t7fv9',
		request_context: { reference_values: [{ name: 'cart_id', value: '8' }] },
	},
	connection_options: { key: 'userKey', account_number: 'userAccountNumber' },
	zone_options: { show_transit_time: true },
	rate_options: [],
};

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const v2Error = (status, message) => ({ status, body: [{ status, message }] });
const NOT_FOUND = 'The requested resource was not found.';

/** The documented quote request (the fixture file when present), a fresh copy. */
function documentedRateRequest() {
	try {
		return JSON.parse(fs.readFileSync(RATE_REQUEST_FIXTURE, 'utf8'));
	} catch {
		return clone(DOCUMENTED_RATE_REQUEST);
	}
}

// ---- validator (compiled once per process) ---------------------------------------------------
let validatorCache = null;
function bigCommerceValidator(opts = {}) {
	if (!validatorCache || opts.responses) {
		const v = new OpenApiValidator({
			file: path.join(specsDir(), SPEC),
			responses: !!opts.responses,
		});
		if (opts.responses) return v;
		validatorCache = v;
	}
	return validatorCache;
}

/** Ajv validators of the Shipping Provider schemas (components.schemas of the same file). */
function providerValidators(validator) {
	if (!validator.bigCommerceProvider) {
		const compile = (name) =>
			validator.bodyAjv.compile({ $ref: `${validator.baseUrl}#/components/schemas/${name}` });
		validator.bigCommerceProvider = {
			rateRequest: compile('RateRequest'),
			rateResponse: compile('RateResponse'),
			checkRequest: compile('CheckConnectionRequest'),
			checkResponse: compile('CheckConnectionResponse'),
		};
	}
	return validator.bigCommerceProvider;
}

/** Ajv errors as readable strings ("carrier_quotes.0.quotes.0.cost.amount must be number"). */
function describeErrors(errors) {
	const out = (errors || []).map((e) => {
		const at = e.instancePath.split('/').slice(1).join('.');
		if (e.keyword === 'required')
			return `${at ? `${at}.` : ''}${e.params.missingProperty} is required`;
		if (e.keyword === 'additionalProperties') {
			return `${at ? `${at}.` : ''}${e.params.additionalProperty} is not allowed`;
		}
		return `${at || '(root)'} ${e.message}`;
	});
	return [...new Set(out)];
}

/** Validates `value` with an Ajv function; returns the error strings. */
const check = (validate, value) => (validate(value) ? [] : describeErrors(validate.errors));

/**
 * POSTs JSON to a carrier's URL like BigCommerce; never throws.
 * @returns {Promise<{status: number, body: unknown, json: boolean, durationMs: number, error?: string}>}
 */
async function postJson(url, body, { headers = {}, timeoutMs = PROVIDER_TIMEOUT_MS } = {}) {
	const started = Date.now();
	try {
		const answer = await call(url, 'POST', '', {
			raw: JSON.stringify(body),
			headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
			timeoutMs,
		});
		const json = answer.json !== undefined;
		return {
			status: answer.status,
			body: json ? answer.json : answer.text,
			json,
			durationMs: Date.now() - started,
		};
	} catch (error) {
		return {
			status: 0,
			body: null,
			json: false,
			durationMs: Date.now() - started,
			error: error.message,
		};
	}
}

/** Violations of a carrier's answer: not 200, not JSON, or not matching `validate`. */
function answerViolations(answer, validate, timeoutMs) {
	if (answer.status === 0) {
		return [
			`no answer: ${answer.error === 'client timeout' ? `none within ${timeoutMs} ms` : answer.error}`,
		];
	}
	if (answer.status !== 200)
		return [`answered HTTP ${answer.status}; BigCommerce expects 200 with a JSON body`];
	if (!answer.json) return ['the body is not JSON'];
	return check(validate, answer.body);
}

/** Texts of a carrier's `messages` (`[{text, type}]`), for error messages. */
const messageTexts = (body) =>
	isObject(body) && Array.isArray(body.messages)
		? body.messages.map((m) => (isObject(m) ? String(m.text ?? '') : String(m))).filter(Boolean)
		: [];

// ---- the service ----------------------------------------------------------------------------
/**
 * @param {{ storeHash?: string, accessToken?: string, zones?: object[], store?: object,
 *   carriers?: Record<string, {checkConnectionUrl?: string, quoteUrl?: string, headers?: object}>,
 *   checkResponses?: boolean }} [opts]
 *   zones: `[{id?, name, type, locations?, enabled?, methods?: [{name, type, settings?, enabled?}]}]`
 */
function createBigCommerceService(opts = {}) {
	const storeHash = opts.storeHash || 'demo-store';
	const accessToken = opts.accessToken || 'bc-demo-token';
	const carriers = opts.carriers || { carrier_33: {} };
	const validator = bigCommerceValidator({ responses: opts.checkResponses });
	const provider = providerValidators(validator);
	/** Check Connection results of requests in flight, by the request's headers object. */
	const providerViolations = [];
	let nextMethodId = 1;

	const storeInformation = {
		id: storeHash,
		domain: `${storeHash}.example.com`,
		secure_url: `https://${storeHash}.example.com`,
		control_panel_base_url: `https://store-${storeHash}.example.com`,
		status: 'live',
		name: 'Stand-in Store',
		country: 'United States',
		country_code: 'US',
		language: 'en',
		currency: 'USD',
		currency_symbol: '$',
		decimal_places: 2,
		weight_units: 'Ounces',
		dimension_units: 'Inches',
		plan_name: 'Standard',
		...opts.store,
	};

	const isCarrierType = (type) =>
		BUILT_IN_CARRIERS.includes(type) || /^carrier_\d+$/.test(String(type));
	const isRegistered = (carrierId) =>
		BUILT_IN_CARRIERS.includes(carrierId) || Object.hasOwn(carriers, carrierId);

	function newMethod(body) {
		return {
			id: nextMethodId++,
			name: body.name,
			type: body.type,
			settings: clone(body.settings) || {},
			enabled: body.enabled !== undefined ? body.enabled : true,
			handling_fees: clone(body.handling_fees) || { fixed_surcharge: '0' },
			is_fallback: body.is_fallback === true,
			channel_ids: clone(body.channel_ids) || [1],
		};
	}

	function seedZones() {
		const zones = opts.zones || [
			{ name: 'United States', type: 'country', locations: [{ country_iso2: 'US' }] },
			{ name: 'Rest of World', type: 'global', locations: [] },
		];
		let locationId = 1;
		const out = { zones: [], methods: {} };
		zones.forEach((zone, index) => {
			const id = zone.id || index + 1;
			out.zones.push({
				id,
				name: zone.name,
				type: zone.type || 'country',
				locations: (zone.locations || []).map((l) => ({ id: locationId++, ...l })),
				free_shipping: {
					enabled: false,
					minimum_sub_total: '0.0000',
					exclude_fixed_shipping_products: false,
				},
				handling_fees: { fixed_surcharge: '0', display_separately: true },
				enabled: zone.enabled !== false,
			});
			out.methods[String(id)] = (zone.methods || []).map(newMethod);
		});
		return out;
	}

	const zoneOf = (ctx) => service.state.zones.find((z) => z.id === Number(ctx.pathParams.zone_id));
	const methodsOf = (zone) => service.state.methods[String(zone.id)];

	/** Sends the Check Connection request and judges the answer (violations recorded). */
	async function runCheck({
		url,
		connectionOptions,
		headers,
		timeoutMs = PROVIDER_TIMEOUT_MS,
		carrierId,
	}) {
		const body = { connection_options: connectionOptions };
		const answer = await postJson(url, body, { headers, timeoutMs });
		const violations = answerViolations(answer, provider.checkResponse, timeoutMs);
		if (violations.length) {
			providerViolations.push({
				kind: 'check-connection',
				carrierId,
				url,
				status: answer.status,
				errors: violations,
			});
		}
		const valid = violations.length === 0 && answer.body.valid === true;
		return { ...answer, violations, valid };
	}

	/**
	 * BigCommerce asks a carrier with a Check Connection Options URL before it connects it or updates
	 * its connection; undefined when the carrier has none (then the options are taken as valid).
	 */
	async function checkBeforeConnecting(carrierId, connection) {
		const carrier = carriers[carrierId];
		if (!carrier || !carrier.checkConnectionUrl) return undefined;
		return await runCheck({ url: carrier.checkConnectionUrl, connectionOptions: connection, headers: carrier.headers, carrierId });
	}

	function connectionRefusal(carrierId, result) {
		if (result.violations.length) {
			return v2Error(
				400,
				`The carrier ${carrierId} did not answer the connection check as documented ({valid, messages}): ${result.violations.join('; ')}`,
			);
		}
		const texts = messageTexts(result.body);
		return v2Error(
			400,
			`The carrier ${carrierId} rejected the connection options${texts.length ? `: ${texts.join('; ')}` : ''}`,
		);
	}

	const handlers = {
		'GET /stores/{store_hash}/v2/store': () => ({ status: 200, body: clone(storeInformation) }),
		'GET /stores/{store_hash}/v2/shipping/zones': () => ({
			status: 200,
			body: clone(service.state.zones),
		}),
		'GET /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods': (ctx) => {
			const zone = zoneOf(ctx);
			if (!zone) return v2Error(404, NOT_FOUND);
			return { status: 200, body: clone(methodsOf(zone)).sort((a, b) => a.id - b.id) };
		},
		'POST /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods': (ctx) => {
			const zone = zoneOf(ctx);
			if (!zone) return v2Error(404, NOT_FOUND);
			const type = ctx.body.type;
			if (isCarrierType(type) && !service.state.connections[type]) {
				return v2Error(
					400,
					`The carrier ${type} is not connected to this store: connect it first (POST /shipping/carrier/connection)`,
				);
			}
			const method = newMethod(ctx.body);
			methodsOf(zone).push(method);
			return { status: 200, body: clone(method) };
		},
		'GET /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods/{method_id}': (ctx) => {
			const zone = zoneOf(ctx);
			const method = zone && methodsOf(zone).find((m) => m.id === Number(ctx.pathParams.method_id));
			return method ? { status: 200, body: clone(method) } : v2Error(404, NOT_FOUND);
		},
		'PUT /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods/{method_id}': (ctx) => {
			const zone = zoneOf(ctx);
			const method = zone && methodsOf(zone).find((m) => m.id === Number(ctx.pathParams.method_id));
			if (!method) return v2Error(404, NOT_FOUND);
			const type = ctx.body.type;
			if (
				type !== undefined &&
				type !== method.type &&
				isCarrierType(type) &&
				!service.state.connections[type]
			) {
				return v2Error(400, `The carrier ${type} is not connected to this store`);
			}
			Object.assign(method, clone(ctx.body));
			return { status: 200, body: clone(method) };
		},
		'DELETE /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods/{method_id}': (ctx) => {
			const zone = zoneOf(ctx);
			const list = zone && methodsOf(zone);
			const index = list ? list.findIndex((m) => m.id === Number(ctx.pathParams.method_id)) : -1;
			if (index < 0) return v2Error(404, NOT_FOUND);
			list.splice(index, 1);
			return { status: 204, body: undefined };
		},
		'POST /stores/{store_hash}/v2/shipping/carrier/connection': async (ctx) => {
			const carrierId = ctx.body.carrier_id;
			if (!isRegistered(carrierId))
				return v2Error(400, `The carrier ${carrierId} is not a registered carrier`);
			if (service.state.connections[carrierId]) {
				return v2Error(
					409,
					`The carrier ${carrierId} is already connected to this store; use PUT to update its connection`,
				);
			}
			const result = await checkBeforeConnecting(carrierId, ctx.body.connection);
			if (result && !result.valid) return connectionRefusal(carrierId, result);
			service.state.connections[carrierId] = {
				carrier_id: carrierId,
				connection: clone(ctx.body.connection),
			};
			return { status: 204, body: undefined };
		},
		'PUT /stores/{store_hash}/v2/shipping/carrier/connection': async (ctx) => {
			const carrierId = ctx.body.carrier_id;
			if (!service.state.connections[carrierId]) {
				return v2Error(404, `The carrier ${carrierId} is not connected to this store`);
			}
			const result = await checkBeforeConnecting(carrierId, ctx.body.connection);
			if (result && !result.valid) return connectionRefusal(carrierId, result);
			service.state.connections[carrierId] = {
				carrier_id: carrierId,
				connection: clone(ctx.body.connection),
			};
			return { status: 204, body: undefined };
		},
		'DELETE /stores/{store_hash}/v2/shipping/carrier/connection': (ctx) => {
			const carrierId = ctx.body.carrier_id;
			if (!service.state.connections[carrierId]) {
				return v2Error(404, `The carrier ${carrierId} is not connected to this store`);
			}
			delete service.state.connections[carrierId];
			// As when the app is uninstalled, the carrier's methods go with its connection.
			for (const zoneId of Object.keys(service.state.methods)) {
				service.state.methods[zoneId] = service.state.methods[zoneId].filter(
					(m) => m.type !== carrierId,
				);
			}
			return { status: 204, body: undefined };
		},
	};

	/** Resolves the URL and headers of a dispatch for a carrier id or an explicit URL. */
	function target(opts, urlKey) {
		const carrier = (opts.carrierId && carriers[opts.carrierId]) || {};
		const url = opts.url || carrier[urlKey];
		if (!url) throw new Error(`url is required (or a carrierId whose ${urlKey} is configured)`);
		return { url, headers: { ...carrier.headers, ...opts.headers } };
	}

	const service = {
		name: 'bigcommerce',
		validator,
		state: null,
		storeHash,
		accessToken,
		carriers,
		providerViolations,

		resetState() {
			nextMethodId = 1;
			service.state = { ...seedZones(), connections: {} };
			providerViolations.length = 0;
		},

		authenticate(ctx) {
			const token = ctx.headers['x-auth-token'];
			if (typeof token !== 'string' || token.trim() === '') {
				return v2Error(
					401,
					'No credentials were supplied in the request: send the X-Auth-Token header',
				);
			}
			if (ctx.pathParams.store_hash !== storeHash)
				return v2Error(404, `Store ${ctx.pathParams.store_hash} not found`);
			if (token !== accessToken)
				return v2Error(401, 'The X-Auth-Token is not valid for this store');
			return null;
		},

		invalid(ctx, errors) {
			if (errors.some((e) => e.in === 'path')) return v2Error(404, NOT_FOUND);
			if (errors.some((e) => e.keyword === 'json'))
				return v2Error(400, 'The request body is not valid JSON');
			if (errors.some((e) => e.keyword === 'contentType')) {
				return v2Error(
					415,
					`The content type ${ctx.headers['content-type']} is not supported: send application/json`,
				);
			}
			const body = errors
				.filter((e) => e.in === 'body')
				.map((e) => {
					const name = e.field.split('.').pop();
					let message;
					if (e.keyword === 'additionalProperties') {
						message = `The field '${name}' cannot be written to. Please remove it from your request before trying again.`;
					} else if (e.keyword === 'required') message = `Required fields missing [${name}]`;
					else message = `The field '${e.field || '(body)'}' is invalid: ${e.message}`;
					return { status: 400, message };
				});
			return {
				status: 400,
				body: body.length ? body : [{ status: 400, message: 'The request is invalid' }],
			};
		},

		notFound(ctx, pathKnown) {
			return pathKnown
				? v2Error(405, `The method ${ctx.method} is not allowed here`)
				: v2Error(404, NOT_FOUND);
		},

		faultBody(status) {
			if (status === 429)
				return [{ status, message: 'Too many requests: the store rate limit was reached' }];
			return [{ status, message: status >= 500 ? 'Internal Server Error' : 'Error' }];
		},

		faultHeaders(status) {
			return status === 429 ? { 'x-rate-limit-time-reset-ms': '15000' } : {};
		},

		/**
		 * Sends a quote request to a carrier like BigCommerce's checkout.
		 * @returns {Promise<{status, body, durationMs, violations: string[], requestViolations: string[]}>}
		 */
		async quote(opts = {}) {
			const { url, headers } = target(opts, 'quoteUrl');
			const timeoutMs = Number(opts.timeoutMs) || PROVIDER_TIMEOUT_MS;
			let body = clone(opts.body);
			if (body === undefined) {
				body = documentedRateRequest();
				body.base_options.store_id = storeHash;
				const connection = opts.carrierId && service.state.connections[opts.carrierId];
				if (connection) body.connection_options = clone(connection.connection);
			}
			const requestViolations = check(provider.rateRequest, body);
			const answer = await postJson(url, body, { headers, timeoutMs });
			const violations = answerViolations(answer, provider.rateResponse, timeoutMs);
			if (violations.length) {
				providerViolations.push({
					kind: 'quote',
					carrierId: opts.carrierId,
					url,
					status: answer.status,
					errors: violations,
				});
			}
			return {
				status: answer.status,
				body: answer.body,
				durationMs: answer.durationMs,
				violations,
				requestViolations,
			};
		},

		/**
		 * Sends a Check Connection Options request to a carrier.
		 * @returns {Promise<{status, body, durationMs, violations: string[], valid: boolean}>}
		 */
		async checkConnection(opts = {}) {
			const { url, headers } = target(opts, 'checkConnectionUrl');
			const result = await runCheck({
				url,
				connectionOptions: isObject(opts.connection_options) ? opts.connection_options : {},
				headers,
				timeoutMs: Number(opts.timeoutMs) || PROVIDER_TIMEOUT_MS,
				carrierId: opts.carrierId,
			});
			const { status, body, durationMs, violations, valid } = result;
			return { status, body, durationMs, violations, valid };
		},

		control(method, what, body) {
			const run = (promise) =>
				promise.then(
					(result) => ({ status: 200, body: result }),
					(error) => ({ status: 400, body: { error: error.message } }),
				);
			if (method === 'POST' && what === 'quote')
				return run(Promise.resolve().then(() => service.quote(body || {})));
			if (method === 'POST' && what === 'check-connection') {
				return run(Promise.resolve().then(() => service.checkConnection(body || {})));
			}
			if (method === 'GET' && what === 'provider-violations')
				return { status: 200, body: providerViolations };
			return undefined;
		},

		handle(ctx) {
			const handler = handlers[`${ctx.method} ${ctx.route.template}`];
			return handler
				? handler(ctx)
				: v2Error(501, `Not implemented by the stand-in: ${ctx.method} ${ctx.route.template}`);
		},
	};
	service.resetState();
	return service;
}

/** The generic server, plus the dispatcher methods. */
class BigCommerceStandinServer extends StandinServer {
	/** Violations recorded of carriers' answers (quotes and connection checks). */
	get providerViolations() {
		return this.service.providerViolations;
	}

	/** See the service's `quote`. */
	quote(opts) {
		return this.service.quote(opts);
	}

	/** See the service's `checkConnection`. */
	checkConnection(opts) {
		return this.service.checkConnection(opts);
	}
}

/**
 * A minimal carrier app for tests: answers every POST with `answer(body, path)` (`{status?,
 * body}`; a string body is sent as is) and records `{path, headers, body}` of each request.
 * @returns {Promise<{ url: string, requests: object[], close(): Promise<void> }>}
 */
async function startCarrierApp(answer) {
	const requests = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			let body;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = raw;
			}
			requests.push({ path: req.url, headers: req.headers, body });
			const out = answer(body, req.url);
			const text = typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
			res.writeHead(out.status || 200, { 'content-type': 'application/json' });
			res.end(text);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/**
 * @param {{ host?: string, port?: number, storeHash?: string, accessToken?: string, zones?: object[],
 *   carriers?: object, store?: object, checkResponses?: boolean, latencyMs?: number,
 *   maxRecords?: number, onViolation?: (v: object) => void }} [opts]
 * @returns {Promise<BigCommerceStandinServer>}
 */
async function startBigCommerceStandin(opts = {}) {
	const server = new BigCommerceStandinServer(createBigCommerceService(opts), opts);
	return server.listen(opts.port || 0, opts.host || '127.0.0.1');
}

module.exports = {
	startBigCommerceStandin,
	startCarrierApp,
	createBigCommerceService,
	bigCommerceValidator,
	BigCommerceStandinServer,
	DOCUMENTED_RATE_REQUEST,
};
