'use strict';
/**
 * LaunchMyStore stand-in: the REST API the pack's nodes call and the dispatcher that calls the
 * pack (quotes and webhooks, launchmystore-dispatch.js), validated against the project's own
 * schema of LaunchMyStore's documented contract, test/standins/specs/launchmystore/openapi.yaml
 * (every operation names its documentation page; see SOURCE.md there). In memory, one shop.
 *
 * REST (`Authorization: Bearer <access token>`; unknown or expired token → 401
 * `{success: false, error}`):
 * - `GET /api/v1/shop.json` → `{success, data: shop}` (the credential's Test).
 * - `GET /api/v1/orders` (filters `status`, `financial_status`, `fulfillment_status`,
 *   `created_at_min|max`, `updated_at_min`, `customer_id`; newest first; `page`, `limit` ≤ 250)
 *   → `{success, data: {items, pagination: {page, limit, total, hasMore}}}`.
 * - `GET /api/v1/orders/{id}.json` and `/api/v1/orders/{id}` → `{success, data: order}`; unknown
 *   → 404 "Order not found". Money is integer cents (API overview).
 * - `GET /api/v1/orders/{id}/fulfillments.json` → `{success, data: {fulfillments}}`.
 * - `POST /api/v1/orders/{id}/fulfillments.json` (and `…/fulfillments`, the Orders section's
 *   form) → 201 `{success, data: fulfillment}`. An unknown line item id, or a quantity above what
 *   is left unfulfilled, → 422 naming the line item. Every fulfillment except `failed` and
 *   `cancelled` ones counts towards the order's coverage (the stand-in's reading of "success-state"
 *   rows; a fulfillment's status defaults to `success`): some quantity covered → order `status`
 *   and `fulfillment_status` `partial`; all of it → `shipped` (`delivered` when every counted
 *   fulfillment is delivered) and `fulfilled`.
 * - `POST /apps/oauth/token` (JSON; no bearer): grant `refresh_token` with the client's id and
 *   secret → `{status: 200, state: "success", data: {access_token, refresh_token, token_type,
 *   expires_in: 86400, scope}}`; the used refresh token is then refused (401 "Token has been
 *   revoked"); the earlier access token keeps working until marked expired. Grant
 *   `authorization_code` is validated, then refused (400): the stand-in issues no codes.
 * Requests the schema rejects are recorded as violations and answered 422 `{success: false,
 * error}` naming the fields (400 for a body that is not JSON; the token endpoint answers
 * `{status: 400, state: "error", message}`).
 *
 * Control endpoints (besides server.js's): `POST /__standin/quote`, `POST /__standin/webhook`
 * (see launchmystore-dispatch.js), `POST /__standin/orders` (create an order from a partial body,
 * 201), `POST /__standin/expire-token {accessToken}`, `GET /__standin/deliveries` (quotes and
 * webhooks sent), `GET /__standin/tokens`. State: `{shops, orders: {id: order}, fulfillments:
 * {orderId: [...]}}`.
 */
const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
const { OpenApiValidator, specsDir } = require('./openapi');
const { StandinServer } = require('./server');
const { createLaunchMyStoreDispatcher, DispatchError } = require('./launchmystore-dispatch');

const SPEC = 'launchmystore/openapi.yaml';
const TOKEN_ROUTE = '/apps/oauth/token';
const ACCESS_TOKEN_TTL_S = 86400;
const DEFAULT_SCOPE = 'read_shop,read_orders,write_orders,read_fulfillments,write_fulfillments';
const DEFAULTS = {
	clientSecret: 'lms-demo-client-secret',
	appHandle: 'acme-shipping',
	shop: { domainSlug: 'demo-shop', domain: 'demo-shop.launchmystore.io', name: 'Demo Shop', currency: 'USD' },
	accessToken: 'lms-demo-access-token',
	refreshToken: 'lms-demo-refresh-token',
	clientId: 'lms_app_demo',
};
// Fulfillments in these states do not count towards an order's coverage.
const NOT_COUNTED = new Set(['failed', 'cancelled']);

// ---- validator (compiled once per process) ---------------------------------------------------
let validatorCache = null;
function launchMyStoreValidator(opts = {}) {
	if (!validatorCache || opts.responses) {
		const v = new OpenApiValidator({ file: path.join(specsDir(), SPEC), responses: !!opts.responses });
		if (opts.responses) return v;
		validatorCache = v;
	}
	return validatorCache;
}

const answerCheckers = new WeakMap();
/** Errors of a provider's quote answer against `QuoteResponse` (strings naming the field). */
function checkQuoteAnswer(validator, data) {
	let check = answerCheckers.get(validator);
	if (!check) {
		check = validator.bodyAjv.compile({ $ref: `${validator.baseUrl}#/components/schemas/QuoteResponse` });
		answerCheckers.set(validator, check);
	}
	if (check(data)) return [];
	return check.errors.map((e) => {
		const at = e.instancePath.split('/').slice(1).join('.');
		if (e.keyword === 'required') return `${at ? `${at}.` : ''}${e.params.missingProperty} is required`;
		return `${at || '(root)'} ${e.message}`;
	});
}

// ---- helpers ----------------------------------------------------------------------------------
const now = () => new Date().toISOString();
const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const newId = (prefix) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
const ok = (data, status = 200) => ({ status, body: { success: true, data } });
const fail = (status, error) => ({ status, body: { success: false, error } });
const oauthFail = (status, message) => ({ status, body: { status, state: 'error', message } });
const summarise = (errors) => errors.map((e) => `${e.field || e.in} ${e.message}`).join('; ');

const ADDRESS_KEYS = ['first_name', 'last_name', 'address1', 'address2', 'city', 'province', 'province_code', 'zip', 'country', 'country_code', 'phone'];
const DEFAULT_ADDRESS = {
	first_name: 'Jane',
	last_name: 'Doe',
	address1: '1 Main St',
	address2: null,
	city: 'New York',
	province: 'New York',
	province_code: 'NY',
	zip: '10001',
	country: 'United States',
	country_code: 'US',
	phone: '+1 555 0100',
};
const address = (given) => {
	if (given === null) return null;
	if (!given) return { ...DEFAULT_ADDRESS };
	const out = {};
	for (const k of ADDRESS_KEYS) out[k] = null;
	return { ...out, ...given };
};

/** The shop as `GET /api/v1/shop.json` answers it. */
function fillShop(given) {
	const s = { ...DEFAULTS.shop, ...given };
	return {
		id: `shop_${s.domainSlug}`,
		email: `hello@${s.domain}`,
		mylaunchmystore_domain: `${s.domainSlug}.launchmystore.io`,
		phone: null,
		address: { ...DEFAULT_ADDRESS, first_name: null, last_name: null },
		money_format: '{{amount}}',
		money_with_currency_format: `{{amount}} ${s.currency}`,
		timezone: 'UTC',
		iana_timezone: 'UTC',
		weight_unit: 'g',
		plan_name: 'standin',
		taxes_included: false,
		tax_shipping: false,
		created_at: '2024-01-01T00:00:00.000Z',
		updated_at: '2024-01-01T00:00:00.000Z',
		...s,
	};
}

/**
 * A complete order from a partial one (ids `ord_…`, `li_…`; money in cents; totals computed when
 * absent). Fulfillments given in `partial.fulfillments` are returned separately.
 */
function fillOrder(partial, { currency, appHandle, orderNumber }) {
	const t = now();
	const { fulfillments = [], ...p } = partial || {};
	const lineItems = (p.line_items || [{ title: 'T-Shirt - Red / Medium', sku: 'TSHIRT-RED-M', quantity: 2, grams: 200, price: 2500 }]).map(
		(li) => ({
			title: 'Item',
			variant_title: null,
			sku: null,
			variant_id: null,
			product_id: null,
			quantity: 1,
			grams: 0,
			price: 0,
			requires_shipping: true,
			...li,
			id: li.id || newId('li'),
		}),
	);
	const shippingLines = p.shipping_lines || [
		{ title: 'Standard', code: `${appHandle}-standard`, price: 800, source: appHandle },
	];
	const subtotal = lineItems.reduce((sum, li) => sum + li.price * li.quantity, 0);
	const shipping = shippingLines.reduce((sum, l) => sum + (Number(l.price) || 0), 0);
	const shippingAddress = address(p.shipping_address);
	const order = {
		email: 'customer@example.com',
		phone: null,
		status: 'confirmed',
		financial_status: 'paid',
		fulfillment_status: 'unfulfilled',
		currency,
		subtotal_price: subtotal,
		total_tax: 0,
		total_shipping: shipping,
		total_discounts: 0,
		customer: null,
		billing_address: shippingAddress,
		refunds: [],
		discount_codes: [],
		note: null,
		note_attributes: [],
		tags: [],
		created_at: t,
		updated_at: t,
		closed_at: null,
		cancelled_at: null,
		...p,
		id: p.id || newId('ord'),
		order_number: p.order_number !== undefined ? p.order_number : orderNumber,
		line_items: lineItems,
		shipping_lines: shippingLines,
		shipping_address: shippingAddress,
	};
	if (p.total_price === undefined) {
		order.total_price = order.subtotal_price + order.total_shipping + order.total_tax - order.total_discounts;
	}
	return { order, fulfillments };
}

/** Quantity per line item id covered by the counted fulfillments. */
function coveredQuantities(fulfillments) {
	const covered = new Map();
	for (const f of fulfillments) {
		if (NOT_COUNTED.has(f.status)) continue;
		for (const li of f.line_items) covered.set(li.id, (covered.get(li.id) || 0) + li.quantity);
	}
	return covered;
}

/** Recomputes the order's status from its fulfillments' coverage (Create Fulfillment page). */
function applyCoverage(order, fulfillments) {
	const covered = coveredQuantities(fulfillments);
	const ordered = order.line_items.reduce((sum, li) => sum + li.quantity, 0);
	const done = order.line_items.reduce((sum, li) => sum + Math.min(li.quantity, covered.get(li.id) || 0), 0);
	if (done === 0) return;
	if (done < ordered) {
		order.status = 'partial';
		order.fulfillment_status = 'partial';
		return;
	}
	const counted = fulfillments.filter((f) => !NOT_COUNTED.has(f.status));
	order.status = counted.every((f) => f.status === 'delivered') ? 'delivered' : 'shipped';
	order.fulfillment_status = 'fulfilled';
}

// ---- the service --------------------------------------------------------------------------------
/**
 * @param {{ clientSecret?: string, appHandle?: string, shop?: object, tokens?: object,
 *   refreshTokens?: object, clients?: Array<{clientId: string, clientSecret: string}>,
 *   orders?: object[], checkResponses?: boolean, maxRecords?: number }} [opts]
 */
function createLaunchMyStoreService(opts = {}) {
	const clientSecret = opts.clientSecret || DEFAULTS.clientSecret;
	const appHandle = opts.appHandle || DEFAULTS.appHandle;
	const shopSeed = fillShop(opts.shop);
	const seed = {
		tokens: opts.tokens || { [DEFAULTS.accessToken]: { shop: shopSeed.domainSlug } },
		refreshTokens: opts.refreshTokens || {
			[DEFAULTS.refreshToken]: { shop: shopSeed.domainSlug, clientId: DEFAULTS.clientId },
		},
		clients: opts.clients || [{ clientId: DEFAULTS.clientId, clientSecret }],
	};
	const maxDeliveries = opts.maxRecords || 5000;
	// Seeded orders get their ids once, so a reset restores the same ids.
	let number = 1000;
	const seededOrders = (opts.orders || []).map((o) =>
		fillOrder(o, { currency: shopSeed.currency, appHandle, orderNumber: (number += 1) }),
	);
	const firstFreeNumber = Math.max(1000, ...seededOrders.map((s) => Number(s.order.order_number) || 0));
	let server = null;

	const service = {
		name: 'launchmystore',
		clientSecret,
		appHandle,
		validator: launchMyStoreValidator({ responses: opts.checkResponses }),
		state: null,
		deliveries: [],

		resetState() {
			service.tokens = clone(seed.tokens);
			service.refreshTokens = clone(seed.refreshTokens);
			service.clients = clone(seed.clients);
			service.expired = new Set();
			service.nextNumber = firstFreeNumber + 1;
			service.deliveries.length = 0;
			service.state = { shops: { [shopSeed.domainSlug]: clone(shopSeed) }, orders: {}, fulfillments: {} };
			for (const s of seededOrders) store(clone(s.order), clone(s.fulfillments));
		},

		authenticate(ctx, result) {
			if (ctx.route.template === TOKEN_ROUTE) return null;
			if (result.authMissing) return fail(401, 'Missing or malformed access token (Authorization: Bearer <token>)');
			const token = String(ctx.headers.authorization).trim().split(/\s+/).slice(1).join('');
			const record = service.tokens[token];
			if (!record) return fail(401, 'Invalid access token');
			if (service.expired.has(token)) return fail(401, 'Access token has expired');
			const shop = service.state.shops[record.shop];
			if (!shop) return fail(401, `No shop ${record.shop} for this access token`);
			ctx.shop = shop;
			return null;
		},

		invalid(ctx, errors) {
			const bad = errors.some((e) => e.keyword === 'json' || e.keyword === 'contentType');
			if (ctx.route.template === TOKEN_ROUTE) return oauthFail(400, `Invalid request: ${summarise(errors)}`);
			if (bad) return fail(400, `Invalid request body: ${summarise(errors)}`);
			return fail(422, `Validation failed: ${summarise(errors)}`);
		},

		notFound(ctx, pathKnown) {
			return pathKnown ? fail(405, `Method ${ctx.method} not allowed`) : fail(404, 'Not found');
		},

		faultBody(status) {
			return { success: false, error: http.STATUS_CODES[status] || 'Error' };
		},

		faultHeaders(status) {
			return status === 429 ? { 'retry-after': '60' } : {};
		},

		handle(ctx) {
			const h = handlers[`${ctx.method} ${ctx.route.template}`];
			return h ? h(ctx) : fail(501, `Not implemented by the stand-in: ${ctx.method} ${ctx.route.template}`);
		},

		control(method, what, body) {
			const run = (fn) => {
				try {
					const out = fn();
					return out && typeof out.then === 'function' ? out.then(done, failed) : done(out);
				} catch (e) {
					return failed(e);
				}
			};
			const done = (out) => ({ status: 200, body: out });
			const failed = (e) => ({ status: e instanceof DispatchError ? e.status : 500, body: { error: e.message } });
			if (method === 'POST' && what === 'quote') return run(() => dispatcher.quote(body || {}));
			if (method === 'POST' && what === 'webhook') return run(() => dispatcher.webhook(body || {}));
			if (method === 'POST' && what === 'orders') return { status: 201, body: service.createOrder(body || {}) };
			if (method === 'POST' && what === 'expire-token') {
				const token = body && body.accessToken;
				if (!service.expireToken(token)) return { status: 404, body: { error: `unknown access token ${token}` } };
				return { status: 200, body: { expired: token } };
			}
			if (method === 'GET' && what === 'deliveries') return { status: 200, body: service.deliveries };
			if (method === 'GET' && what === 'tokens') {
				return {
					status: 200,
					body: { tokens: service.tokens, refreshTokens: service.refreshTokens, expired: [...service.expired] },
				};
			}
			return undefined;
		},

		/** Adds an order made from a partial one (see fillOrder); returns it as the API shows it. */
		createOrder(partial) {
			const { order, fulfillments } = fillOrder(partial, {
				currency: service.state.shops[shopSeed.domainSlug].currency,
				appHandle,
				orderNumber: service.nextNumber,
			});
			service.nextNumber = Math.max(service.nextNumber, Number(order.order_number) || 0) + 1;
			store(order, fulfillments);
			return clone(order);
		},

		/** Marks an access token expired (later API calls with it get 401). False if unknown. */
		expireToken(token) {
			if (typeof token !== 'string' || !service.tokens[token]) return false;
			service.expired.add(token);
			return true;
		},

		/** Called once by startLaunchMyStoreStandin with the server that runs the service. */
		attach(s) {
			server = s;
		},
	};

	const st = () => service.state;
	function store(order, fulfillments) {
		const list = fulfillments.map((f) => ({
			id: newId('ful'),
			order_id: order.id,
			status: 'success',
			tracking_number: null,
			tracking_url: null,
			tracking_company: null,
			notify_customer: true,
			shipped_at: order.created_at,
			delivered_at: null,
			created_at: order.created_at,
			updated_at: order.created_at,
			...f,
		}));
		order.fulfillments = list;
		st().orders[order.id] = order;
		st().fulfillments[order.id] = list;
		applyCoverage(order, list);
	}

	const orderView = (id) => {
		const order = st().orders[id];
		return order ? clone(order) : undefined;
	};

	function createFulfillment(ctx) {
		const id = ctx.pathParams.order_id;
		const order = st().orders[id];
		if (!order) return fail(404, 'Order not found');
		if (order.status === 'cancelled') return fail(422, `Order ${id} is cancelled and cannot be fulfilled`);
		const body = ctx.body;
		const wanted = new Map();
		for (const li of body.line_items) wanted.set(li.id, (wanted.get(li.id) || 0) + li.quantity);
		const covered = coveredQuantities(st().fulfillments[id]);
		const lines = [];
		for (const [liId, quantity] of wanted) {
			const item = order.line_items.find((li) => li.id === liId);
			if (!item) return fail(422, `Line item ${liId} is not a line item of order ${id}`);
			const left = item.quantity - (covered.get(liId) || 0);
			if (quantity > left) {
				return fail(
					422,
					`Line item ${liId} ("${item.title}"): quantity ${quantity} is more than the ${left} left to fulfil (ordered ${item.quantity})`,
				);
			}
			lines.push({ id: liId, quantity, title: item.title });
		}
		const t = now();
		const status = body.status || 'success';
		const fulfillment = {
			id: newId('ful'),
			order_id: id,
			status,
			tracking_number: body.tracking_number !== undefined ? body.tracking_number : null,
			tracking_url: body.tracking_url !== undefined ? body.tracking_url : null,
			tracking_company: body.tracking_company !== undefined ? body.tracking_company : null,
			...(body.tracking_numbers !== undefined ? { tracking_numbers: body.tracking_numbers } : {}),
			service_id: body.service_id !== undefined ? body.service_id : null,
			...(body.location_id !== undefined ? { location_id: body.location_id } : {}),
			notify_customer: body.notify_customer !== undefined ? body.notify_customer : true,
			line_items: lines,
			shipped_at: NOT_COUNTED.has(status) || status === 'pending' ? null : t,
			delivered_at: status === 'delivered' ? t : null,
			created_at: t,
			updated_at: t,
		};
		st().fulfillments[id].push(fulfillment);
		applyCoverage(order, st().fulfillments[id]);
		order.updated_at = t;
		return ok(clone(fulfillment), 201);
	}

	function getOrder(ctx) {
		const id = String(ctx.pathParams.order_id).replace(/\.json$/, '');
		const order = orderView(id);
		if (!order) return fail(404, 'Order not found');
		const fields = ctx.params.query.fields;
		if (typeof fields !== 'string' || fields.trim() === '') return ok(order);
		const picked = {};
		for (const f of fields.split(',').map((s) => s.trim())) if (f in order) picked[f] = order[f];
		return ok(picked);
	}

	function listOrders(ctx) {
		const q = ctx.params.query;
		const page = Number(q.page) || 1;
		const limit = Number(q.limit) || 50;
		const items = Object.values(st().orders)
			.filter(
				(o) =>
					(!q.status || o.status === q.status) &&
					(!q.financial_status || o.financial_status === q.financial_status) &&
					(!q.fulfillment_status || o.fulfillment_status === q.fulfillment_status) &&
					(!q.created_at_min || o.created_at >= q.created_at_min) &&
					(!q.created_at_max || o.created_at <= q.created_at_max) &&
					(!q.updated_at_min || o.updated_at >= q.updated_at_min) &&
					(!q.customer_id || (o.customer && o.customer.id === q.customer_id)),
			)
			.sort((a, b) => (b.created_at > a.created_at ? 1 : b.created_at < a.created_at ? -1 : b.order_number - a.order_number));
		const start = (page - 1) * limit;
		return ok({
			items: clone(items.slice(start, start + limit)),
			pagination: { page, limit, total: items.length, hasMore: start + limit < items.length },
		});
	}

	function token(ctx) {
		const b = ctx.body;
		const client = service.clients.find((c) => c.clientId === b.client_id);
		if (!client || client.clientSecret !== b.client_secret) return oauthFail(401, 'Invalid client credentials');
		if (b.grant_type === 'authorization_code') {
			return oauthFail(400, 'Invalid or expired authorization code (the stand-in issues no codes)');
		}
		const record = service.refreshTokens[b.refresh_token];
		if (!record) return oauthFail(401, 'Token has been revoked');
		if (record.clientId && record.clientId !== b.client_id) {
			return oauthFail(401, 'The refresh token was not issued to this client');
		}
		delete service.refreshTokens[b.refresh_token];
		const accessToken = `lms_token_${crypto.randomBytes(16).toString('hex')}`;
		const refreshToken = `lms_refresh_${crypto.randomBytes(16).toString('hex')}`;
		const scope = record.scope || DEFAULT_SCOPE;
		service.tokens[accessToken] = { shop: record.shop, scope };
		service.refreshTokens[refreshToken] = { shop: record.shop, clientId: b.client_id, scope };
		return {
			status: 200,
			body: {
				status: 200,
				state: 'success',
				data: {
					access_token: accessToken,
					refresh_token: refreshToken,
					token_type: 'Bearer',
					expires_in: ACCESS_TOKEN_TTL_S,
					scope,
				},
			},
		};
	}

	const handlers = {
		'GET /api/v1/shop.json': (ctx) => ok(clone(ctx.shop)),
		'GET /api/v1/orders': listOrders,
		'GET /api/v1/orders/{order_id}.json': getOrder,
		'GET /api/v1/orders/{order_id}': getOrder,
		'GET /api/v1/orders/{order_id}/fulfillments.json': (ctx) => {
			const list = st().fulfillments[ctx.pathParams.order_id];
			return list ? ok({ fulfillments: clone(list) }) : fail(404, 'Order not found');
		},
		'POST /api/v1/orders/{order_id}/fulfillments.json': createFulfillment,
		'POST /api/v1/orders/{order_id}/fulfillments': createFulfillment,
		'POST /apps/oauth/token': token,
	};

	const dispatcher = createLaunchMyStoreDispatcher({
		shop: () => st().shops[shopSeed.domainSlug],
		clientSecret: () => clientSecret,
		orderView,
		checkAnswer: (data) => checkQuoteAnswer(service.validator, data),
		recordViolation: (v) => {
			if (!server) return;
			server._push(server.violations, v);
			if (server.onViolation) server.onViolation(v);
		},
		delay: (ms) => (server ? server._delay(ms) : new Promise((resolve) => setTimeout(resolve, ms))),
		recordDelivery: (record) => {
			service.deliveries.push(record);
			if (service.deliveries.length > maxDeliveries) service.deliveries.splice(0, service.deliveries.length - maxDeliveries);
		},
	});
	service.dispatcher = dispatcher;
	service.resetState();
	return service;
}

/**
 * Starts the LaunchMyStore stand-in.
 * @param {{ host?: string, port?: number, clientSecret?: string, appHandle?: string,
 *   shop?: {domainSlug?: string, domain?: string, name?: string, currency?: string},
 *   tokens?: Record<string, {shop: string, scope?: string}>,
 *   refreshTokens?: Record<string, {shop: string, clientId?: string, scope?: string}>,
 *   clients?: Array<{clientId: string, clientSecret: string}>, orders?: object[],
 *   checkResponses?: boolean, latencyMs?: number, maxRecords?: number,
 *   onViolation?: (v: object) => void }} [opts]
 * @returns {Promise<StandinServer & { quote(o: object): Promise<object>, webhook(o: object):
 *   Promise<object>, createOrder(partial: object): object, expireToken(token: string): boolean,
 *   deliveries: object[], clientSecret: string, appHandle: string }>}
 */
async function startLaunchMyStoreStandin(opts = {}) {
	const service = createLaunchMyStoreService(opts);
	const server = new StandinServer(service, opts);
	service.attach(server);
	Object.assign(server, {
		quote: (o) => service.dispatcher.quote(o),
		webhook: (o) => service.dispatcher.webhook(o),
		createOrder: (partial) => service.createOrder(partial),
		expireToken: (t) => service.expireToken(t),
		deliveries: service.deliveries,
		clientSecret: service.clientSecret,
		appHandle: service.appHandle,
	});
	return server.listen(opts.port || 0, opts.host || '127.0.0.1');
}

module.exports = {
	startLaunchMyStoreStandin,
	createLaunchMyStoreService,
	launchMyStoreValidator,
	LAUNCHMYSTORE_DEFAULTS: DEFAULTS,
};
