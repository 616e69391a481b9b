'use strict';
/**
 * HighLevel (LeadConnector) store stand-in: every operation of
 * test/standins/specs/highlevel/apps/store.json, plus the orders and fulfillments of
 * test/standins/specs/highlevel/apps/payments.json (both OpenAPI 3.0; overlays in overlays.js; other
 * payments operations are validated, then answered 501), and products, prices, inventory and store
 * inclusion of test/standins/specs/highlevel/apps/products.json (highlevel-products.js), stateful and in
 * memory, data partitioned by `altId` (`locationId` for products and prices). Response shapes
 * follow the specs and the reference highlevel.md §2-§4:
 * carriers `{status,message,data}`, zone/rate lists `{total,data}`, deletes `{status,message}`,
 * orders `{data,totalCount}`, fulfillments `{status,data}` (create answers 200), errors
 * `{statusCode,message,error?,traceId}` (422 `message` is an array; unknown order 400 "Order not found").
 *
 * Auth like the service: `Authorization: Bearer <non-empty>` else 401. With `tokens: { "<token>":
 * { locationId } }` unknown tokens get 401 and a token used for another `altId` gets 403.
 */
const http = require('node:http');
const path = require('node:path');
const { OpenApiValidator, specsDir } = require('./openapi');
const {
	highlevelOverlay,
	highlevelPaymentsOverlay,
	highlevelProductsOverlay,
} = require('./overlays');
const { objectId, traceId } = require('./ids');
const { createHighLevelWebhookSender } = require('./webhooks');
const { createOAuth } = require('./highlevel-oauth');
const { emptyProductState, productHandlers, seedProducts } = require('./highlevel-products');

const SPECS = [
	{ file: 'highlevel/apps/store.json', overlay: highlevelOverlay },
	{ file: 'highlevel/apps/payments.json', overlay: highlevelPaymentsOverlay },
	{ file: 'highlevel/apps/products.json', overlay: highlevelProductsOverlay },
	{ file: 'highlevel/apps/oauth.json' },
];
const DEFAULT_APP_ID = '6578278e879ad2646715ba9d';

// Fields each DTO declares (a NestJS whitelist keeps only these).
const CARRIER_FIELDS = ['name', 'callbackUrl', 'services', 'allowsMultipleServiceSelection'];
const ZONE_FIELDS = ['name', 'countries'];
const RATE_FIELDS = [
	'name',
	'description',
	'currency',
	'amount',
	'conditionType',
	'minCondition',
	'maxCondition',
	'isCarrierRate',
	'shippingCarrierId',
	'percentageOfRateFee',
	'shippingCarrierServices',
];
// AvailableShippingRate = the rate without its conditions.
const QUOTE_FIELDS = RATE_FIELDS.filter((f) => !/Condition$|^conditionType$/.test(f));
const SETTING_FIELDS = [
	'shippingOrigin',
	'storeOrderNotification',
	'storeOrderFulfillmentNotification',
];

const pick = (src, keys) => {
	const out = {};
	for (const k of keys) if (src && src[k] !== undefined) out[k] = src[k];
	return out;
};
const now = () => new Date().toISOString();

/**
 * Several specs behind one validator interface (match / validate / validateResponse): a request
 * is routed by the first spec that declares its path; each route is validated by its own spec.
 */
class CompositeValidator {
	constructor(validators) {
		this.validators = validators;
		this.owner = new Map();
		for (const v of validators) for (const r of v.routes) this.owner.set(r, v);
		this.routes = validators.flatMap((v) => v.routes);
		this.loadMs = validators.reduce((sum, v) => sum + v.loadMs, 0);
		this.compileMs = validators.reduce((sum, v) => sum + v.compileMs, 0);
	}

	match(method, pathname) {
		let pathKnown = false;
		for (const v of this.validators) {
			const m = v.match(method, pathname);
			if (m.route) return m;
			pathKnown = pathKnown || m.pathKnown;
		}
		return { route: null, pathKnown };
	}

	validate(route, req) {
		return this.owner.get(route).validate(route, req);
	}

	validateResponse(route, status, body) {
		return this.owner.get(route).validateResponse(route, status, body);
	}
}

let validatorCache = null;
/** The compiled store.json + payments.json + products.json validator (compiled once per process; reused by every server). */
function highlevelValidator(opts = {}) {
	if (!validatorCache || opts.responses) {
		const v = new CompositeValidator(
			SPECS.map(
				({ file, overlay }) =>
					new OpenApiValidator({
						file: path.join(specsDir(), file),
						overlay,
						responses: !!opts.responses,
					}),
			),
		);
		if (opts.responses) return v;
		validatorCache = v;
	}
	return validatorCache;
}

// ---- error bodies ---------------------------------------------------------------------------
const err = (status, message, extra = {}) => ({
	status,
	body: { statusCode: status, message, ...extra, traceId: traceId() },
});
const notFound = (what) => err(404, `${what} not found`, { error: 'Not Found' });
// payments.json: get-order-by-id answers 400 "Order not found" (BadRequestDTO) for unknown ids.
const orderNotFound = () => err(400, 'Order not found', { error: 'Bad Request' });

const TYPE_MSG = {
	string: 'must be a string',
	number: 'must be a number conforming to the specified constraints',
	integer: 'must be an integer number',
	boolean: 'must be a boolean value',
	array: 'must be an array',
	object: 'must be an object',
};
/** class-validator style message for one normalised validation error. */
function message422(e) {
	const f = e.field || e.in;
	if (e.keyword === 'required') return `${f} should not be empty`;
	if (e.keyword === 'enum')
		return `${f} must be one of the following values: ${e.params.allowedValues.join(', ')}`;
	if (e.keyword === 'type') return `${f} ${TYPE_MSG[e.params.type] || `must be ${e.params.type}`}`;
	if (e.keyword === 'additionalProperties') return `property ${f} should not exist`;
	return `${f} ${e.message}`;
}

// ---- state ----------------------------------------------------------------------------------
function createState() {
	return { locations: {} };
}

const emptyLocation = () => ({
	carriers: {},
	zones: {},
	rates: {},
	storeSetting: null,
	orders: {},
	// orderId -> FulfillmentSchema[] (oldest first)
	fulfillments: {},
	// products, prices, storeProducts (highlevel-products.js)
	...emptyProductState(),
});

/** A location's data; created on first write (reads of unknown locations don't add one). */
function location(state, altId, forWrite = true) {
	if (state.locations[altId]) return state.locations[altId];
	if (!forWrite) return emptyLocation();
	return (state.locations[altId] = emptyLocation());
}

function applySeed(state, seed, appId) {
	for (const [altId, s] of Object.entries((seed && seed.locations) || {})) {
		const loc = location(state, altId);
		for (const c of s.carriers || []) {
			const rec = newCarrier(altId, c, appId);
			loc.carriers[rec._id] = rec;
		}
		for (const z of s.zones || []) {
			const zone = newZone(altId, z);
			loc.zones[zone._id] = zone;
			for (const r of z.rates || []) {
				const rate = newRate(altId, zone._id, r);
				loc.rates[rate._id] = rate;
			}
		}
		if (s.storeSetting) loc.storeSetting = newSetting(altId, s.storeSetting);
		seedProducts(loc, altId, s.products);
		for (const o of s.orders || []) {
			const order = newOrder(altId, o);
			loc.orders[order._id] = order;
			loc.fulfillments[order._id] = [];
			for (const f of o.fulfillments || []) {
				const result = fulfil(loc, order, f);
				if (result.error) throw new Error(`seed: order ${order._id}: ${result.error}`);
			}
		}
	}
}

function stamp(altId, fields) {
	const t = now();
	const { _id, ...rest } = fields;
	return {
		_id: _id || objectId(),
		altId,
		altType: 'location',
		...rest,
		createdAt: t,
		updatedAt: t,
	};
}
function newCarrier(altId, body, appId) {
	const c = pick(body, CARRIER_FIELDS);
	return stamp(altId, {
		services: [],
		allowsMultipleServiceSelection: false,
		...c,
		_id: body._id,
		marketplaceAppId: appId,
	});
}
const newZone = (altId, body) => stamp(altId, { ...pick(body, ZONE_FIELDS), _id: body._id });
const newRate = (altId, zoneId, body) =>
	stamp(altId, { ...pick(body, RATE_FIELDS), _id: body._id, shippingZoneId: zoneId });
const newSetting = (altId, body) => stamp(altId, pick(body, SETTING_FIELDS));

function update(rec, body, fields) {
	Object.assign(rec, pick(body, fields), { updatedAt: now() });
	return rec;
}

/** Zone rates offered for a storefront quote (country/state match + price/weight conditions). */
function availableRates(loc, body) {
	const state = body.address && body.address.state;
	const zones = Object.values(loc.zones).filter((z) =>
		(z.countries || []).some(
			(c) =>
				c.code === body.country &&
				(!c.states || !c.states.length || !state || c.states.some((s) => s.code === state)),
		),
	);
	const inRange = (v, min, max) => (!min || v >= min) && (!max || v <= max);
	const measure = { price: body.totalOrderAmount, weight: body.totalOrderWeight };
	const out = [];
	for (const z of zones) {
		for (const r of Object.values(loc.rates)) {
			if (r.shippingZoneId !== z._id) continue;
			const v = measure[r.conditionType];
			if (v !== undefined && !inRange(v, r.minCondition, r.maxCondition)) continue;
			out.push({ _id: r._id, shippingZoneId: z._id, ...pick(r, QUOTE_FIELDS) });
		}
	}
	return out;
}

// ---- orders and fulfillments (payments.json) -----------------------------------------------
/**
 * A seeded order, shaped like the OrderCreate webhook example (highlevel.md §5.2): `_id`, `altId`,
 * `status`, `paymentStatus`, `items[{_id, name, qty, price{_id,...}, product{_id,...}}]`,
 * `createdAt`, ... `fulfillments` (seed only) is applied separately. Products get the fields
 * DefaultProductResponseDto requires and the webhook example leaves out (locationId, productType,
 * createdAt, updatedAt), so fulfilled items match the declared response schema.
 */
function newOrder(altId, o) {
	const { fulfillments, ...fields } = o;
	const createdAt = o.createdAt || now();
	const items = (o.items || []).map((item) => ({
		...item,
		_id: item._id || objectId(),
		qty: item.qty === undefined ? 1 : item.qty,
		product: {
			locationId: altId,
			productType: 'PHYSICAL',
			createdAt,
			updatedAt: createdAt,
			...(item.product || {}),
		},
	}));
	return {
		status: 'pending',
		paymentStatus: 'unpaid',
		fulfillmentStatus: 'unfulfilled',
		currency: 'USD',
		amount: 0,
		liveMode: false,
		contactId: o.contactId || (o.contactSnapshot && o.contactSnapshot.id),
		...fields,
		_id: o._id || objectId(),
		altId,
		altType: 'location',
		locationId: altId,
		items,
		createdAt,
		updatedAt: o.updatedAt || createdAt,
	};
}

/** Per price id: ordered quantity minus the quantity of the order's fulfillments. */
function remainingByPrice(loc, order) {
	const left = new Map();
	for (const item of order.items) {
		const priceId = item.price && item.price._id;
		if (priceId) left.set(priceId, (left.get(priceId) || 0) + (Number(item.qty) || 0));
	}
	for (const f of loc.fulfillments[order._id] || []) {
		for (const item of f.items) left.set(item._id, (left.get(item._id) || 0) - item.qty);
	}
	return left;
}

/**
 * Records a fulfillment `{trackings, items[{priceId, qty}]}` of an order, or returns `{error}`
 * (a 400 Bad Request like HighLevel's business-rule errors): unknown price, qty not > 0,
 * no items, or more than the quantity still to fulfil.
 */
function fulfil(loc, order, body) {
	const items = body.items || [];
	if (!items.length) return { error: 'items should not be empty' };
	const left = remainingByPrice(loc, order);
	const asked = new Map();
	for (const item of items) {
		if (!left.has(item.priceId)) {
			return { error: `Item with priceId ${item.priceId} is not part of order ${order._id}` };
		}
		if (!(Number(item.qty) > 0)) return { error: `qty of ${item.priceId} must be greater than 0` };
		asked.set(item.priceId, (asked.get(item.priceId) || 0) + Number(item.qty));
	}
	for (const [priceId, qty] of asked) {
		if (qty > left.get(priceId)) {
			return {
				error: `Cannot fulfil ${qty} of ${priceId}: only ${Math.max(0, left.get(priceId))} left to fulfil in order ${order._id}`,
			};
		}
	}
	const t = now();
	const line = (priceId) => order.items.find((i) => i.price && i.price._id === priceId);
	const record = {
		_id: objectId(),
		altId: order.altId,
		altType: 'location',
		trackings: (body.trackings || []).map((tr) =>
			pick(tr, ['trackingNumber', 'shippingCarrier', 'trackingUrl']),
		),
		items: [...asked].map(([priceId, qty]) => ({
			_id: priceId,
			name: line(priceId).name,
			product: line(priceId).product,
			price: line(priceId).price,
			qty,
		})),
		createdAt: t,
		updatedAt: t,
	};
	(loc.fulfillments[order._id] = loc.fulfillments[order._id] || []).push(record);
	const stillOpen = [...remainingByPrice(loc, order).values()].some((qty) => qty > 0);
	order.fulfillmentStatus = stillOpen ? 'partially_fulfilled' : 'fulfilled';
	order.updatedAt = t;
	return { record };
}

/** OrderResponseSchema: the summary list-orders returns (no items). */
function orderSummary(o) {
	const snap = o.contactSnapshot || {};
	const name = snap.name || [snap.firstName, snap.lastName].filter(Boolean).join(' ') || undefined;
	const source = o.source || {};
	const qty = o.items.reduce((sum, item) => sum + (Number(item.qty) || 0), 0);
	const summary = {
		_id: o._id,
		altId: o.altId,
		altType: o.altType,
		contactId: o.contactId,
		contactName: name,
		contactEmail: snap.email,
		currency: o.currency,
		amount: o.amount,
		subtotal: o.amountSummary && o.amountSummary.subtotal,
		discount: o.amountSummary && o.amountSummary.discount,
		status: o.status,
		paymentStatus: o.paymentStatus,
		liveMode: o.liveMode,
		totalProducts: qty,
		// required by the schema; seeded orders without a source count as store orders
		sourceType: source.type || 'website',
		sourceSubType: source.subType,
		sourceName: source.name,
		sourceId: source.id,
		sourceMeta: source.meta,
		fulfillmentStatus: o.fulfillmentStatus,
		onetimeProducts: o.items.filter((i) => !i.price || i.price.type !== 'recurring').length,
		recurringProducts: o.items.filter((i) => i.price && i.price.type === 'recurring').length,
		createdAt: o.createdAt,
		updatedAt: o.updatedAt,
	};
	for (const k of Object.keys(summary)) if (summary[k] === undefined) delete summary[k];
	return summary;
}

/** Whether an order matches the list-orders filters (dates compare on createdAt, whole days). */
function orderMatches(o, query) {
	for (const k of ['status', 'paymentStatus', 'contactId', 'sourceId']) {
		const want = query[k];
		const have = k === 'sourceId' ? o.source && o.source.id : o[k];
		if (want !== undefined && want !== '' && have !== want) return false;
	}
	const day = (v) => String(v).slice(0, 10);
	if (query.startAt && day(o.createdAt) < day(query.startAt)) return false;
	if (query.endAt && day(o.createdAt) > day(query.endAt)) return false;
	if (query.search) {
		const needle = String(query.search).toLowerCase();
		const snap = o.contactSnapshot || {};
		const hay = [
			o._id,
			snap.name,
			snap.firstName,
			snap.lastName,
			snap.email,
			...o.items.map((i) => i.name),
		]
			.filter(Boolean)
			.join(' ')
			.toLowerCase();
		if (!hay.includes(needle)) return false;
	}
	return true;
}

// ---- the service ----------------------------------------------------------------------------
/**
 * @param {{ tokens?: Record<string, {locationId?: string, companyId?: string, userType?: string}>,
 *   seed?: object, marketplaceAppId?: string, checkResponses?: boolean,
 *   agencies?: Record<string, {locations: Array<{_id: string, name: string, address?: string}>}>,
 *   webhookKeyPair?: { privateKey: object, publicKey: object } }} [opts]
 *   tokens: bearer tokens it accepts (agency tokens: userType "Company"); agencies: for the OAuth
 *   endpoints (highlevel-oauth.js), e.g. installed locations
 *   webhookKeyPair: the Ed25519 key its webhooks are signed with (default: made at start)
 */
function createHighLevelService(opts = {}) {
	const appId = opts.marketplaceAppId || DEFAULT_APP_ID;
	const service = {
		name: 'highlevel',
		validator: highlevelValidator({ responses: opts.checkResponses }),
		state: createState(),
		resetState() {
			service.state.locations = {};
			applySeed(service.state, opts.seed, appId);
		},

		authenticate(ctx) {
			const template = ctx.route && ctx.route.template;
			if (oauth.isPublic(template)) return null;
			const m = /^Bearer\s+(\S+)\s*$/i.exec(ctx.headers.authorization || '');
			const unauthorized = err(401, 'Invalid token: access token is invalid', {
				error: 'Unauthorized',
			});
			if (!m) return unauthorized;
			if (!opts.tokens) return null;
			const tok = opts.tokens[m[1]];
			if (!tok) return unauthorized;
			// Agency tokens reach only /oauth/*; location tokens everything else (as HighLevel answers).
			if (!oauth.allowed(template, tok)) return err(401, oauth.NOT_ALLOWED, { error: 'Unauthorized' });
			ctx.token = tok;
			// Store and payments calls name the location `altId`, products and prices `locationId`.
			const body = ctx.body || {};
			const altId = [ctx.query.altId, body.altId, ctx.query.locationId, body.locationId].find(
				(v) => v !== undefined,
			);
			if (tok.locationId && altId !== undefined && altId !== tok.locationId) {
				return err(403, 'The token does not have access to this location.');
			}
			ctx.tokenLocationId = tok.locationId;
			return null;
		},

		invalid(ctx, errors) {
			if (errors.some((e) => e.keyword === 'json' || e.keyword === 'contentType')) {
				return err(400, 'Bad Request');
			}
			return err(422, errors.map(message422), { error: 'Unprocessable Entity' });
		},

		notFound(ctx) {
			return err(404, `Cannot ${ctx.method} ${ctx.path}`, { error: 'Not Found' });
		},

		faultBody(status) {
			const text = status === 500 ? 'Internal server error' : http.STATUS_CODES[status] || 'Error';
			return {
				statusCode: status,
				message: text,
				error: http.STATUS_CODES[status],
				traceId: traceId(),
			};
		},

		faultHeaders(status) {
			if (status !== 429) return {};
			return {
				'x-ratelimit-limit-daily': '200000',
				'x-ratelimit-daily-remaining': '199000',
				'x-ratelimit-interval-milliseconds': '10000',
				'x-ratelimit-max': '100',
				'x-ratelimit-remaining': '0',
			};
		},

		/**
		 * Extra `/__standin/…` endpoints for the webhooks HighLevel sends:
		 * - `GET webhook-key` → `{publicKey}`: the PEM public key of the stand-in's Ed25519 key;
		 * - `POST webhooks {url, type, orderId?, locationId?, payload?}`: signs and sends one webhook
		 *   (`x-ghl-signature`), answering `{status, body, sent}` once the receiver has answered.
		 *   With `orderId` the payload is that stored order (as OrderCreate/OrderStatusUpdate carry
		 *   it); `payload` fields are added on top, e.g. `{appId, locationId}` for UNINSTALL
		 *   (`appId` defaults to the stand-in's marketplace app). With `send: false` nothing is sent:
		 *   the answer is `{raw, signature, sent}`, the exact bytes and their signature.
		 */
		control(method, what, body) {
			if (method === 'GET' && what === 'oauth/location-tokens') {
				return { status: 200, body: oauth.minted };
			}
			if (method === 'GET' && what === 'webhook-key') {
				return { status: 200, body: { publicKey: sender.publicKeyPem } };
			}
			if (method !== 'POST' || what !== 'webhooks') return undefined;
			const input = body || {};
			if ((!input.url && input.send !== false) || !input.type) return { status: 400, body: { error: 'url and type are required' } };
			let payload = { ...(input.payload || {}) };
			if (input.orderId) {
				const locations = input.locationId
					? [read(input.locationId)]
					: Object.values(st().locations);
				const order = locations.map((l) => l.orders[input.orderId]).find(Boolean);
				if (!order) return { status: 404, body: { error: `no order ${input.orderId}` } };
				payload = { ...order, locationId: order.altId, ...payload };
			}
			if (/INSTALL$/.test(input.type) && !payload.appId) payload.appId = appId;
			if (input.send === false) return { status: 200, body: sender.prepare({ ...payload, type: input.type }) };
			return sender.send(input.url, { ...payload, type: input.type }).then((answer) => ({ status: 200, body: answer }));
		},

		handle(ctx) {
			const h = handlers[`${ctx.method} ${ctx.route.template}`];
			return h
				? h(ctx)
				: err(501, `Not implemented by the stand-in: ${ctx.method} ${ctx.route.template}`);
		},
	};
	const sender = createHighLevelWebhookSender({ keyPair: opts.webhookKeyPair });
	const oauth = createOAuth({ tokens: opts.tokens, agencies: opts.agencies, appId, err });

	const st = () => service.state;
	const read = (altId) => location(st(), altId, false);
	const q = (ctx) => ctx.params.query;
	const b = (ctx) => ctx.body || {};
	const p = (ctx) => ctx.pathParams;
	/** Location for PUT (altId optional in the body): body, then token, then whoever owns the id. */
	const locFor = (ctx, kind, id) => {
		const altId = b(ctx).altId || ctx.tokenLocationId;
		if (altId) return read(altId);
		return Object.values(st().locations).find((l) => l[kind][id]) || emptyLocation();
	};
	const ok = (status, message, data) => ({
		status,
		body: data === undefined ? { status: true, message } : { status: true, message, data },
	});
	const page = (items, query) => {
		const offset = Number(query.offset) || 0;
		const limit = Number(query.limit) || 0; // 0 = server default: everything
		return { total: items.length, data: items.slice(offset, limit ? offset + limit : undefined) };
	};
	const withRates = (loc, zone, yes) =>
		yes
			? {
					...zone,
					shippingRates: Object.values(loc.rates).filter((r) => r.shippingZoneId === zone._id),
				}
			: zone;

	const handlers = {
		// Carriers
		'POST /store/shipping-carrier': (ctx) => {
			const c = newCarrier(b(ctx).altId, b(ctx), appId);
			location(st(), c.altId).carriers[c._id] = c;
			return ok(201, 'Shipping carrier created successfully', c);
		},
		'GET /store/shipping-carrier': (ctx) =>
			ok(200, 'Shipping carriers fetched successfully', Object.values(read(q(ctx).altId).carriers)),
		'GET /store/shipping-carrier/{shippingCarrierId}': (ctx) => {
			const c = read(q(ctx).altId).carriers[p(ctx).shippingCarrierId];
			return c ? ok(200, 'Shipping carrier fetched successfully', c) : notFound('Shipping carrier');
		},
		'PUT /store/shipping-carrier/{shippingCarrierId}': (ctx) => {
			const id = p(ctx).shippingCarrierId;
			const c = locFor(ctx, 'carriers', id).carriers[id];
			return c
				? ok(200, 'Shipping carrier updated successfully', update(c, b(ctx), CARRIER_FIELDS))
				: notFound('Shipping carrier');
		},
		'DELETE /store/shipping-carrier/{shippingCarrierId}': (ctx) => {
			const loc = read(q(ctx).altId);
			const id = p(ctx).shippingCarrierId;
			if (!loc.carriers[id]) return notFound('Shipping carrier');
			delete loc.carriers[id];
			return ok(200, 'Shipping carrier deleted successfully');
		},

		// Zones
		'POST /store/shipping-zone': (ctx) => {
			const z = newZone(b(ctx).altId, b(ctx));
			location(st(), z.altId).zones[z._id] = z;
			return ok(201, 'Shipping zone created successfully', z);
		},
		'GET /store/shipping-zone': (ctx) => {
			const loc = read(q(ctx).altId);
			const zones = Object.values(loc.zones).map((z) =>
				withRates(loc, z, q(ctx).withShippingRate === true),
			);
			return { status: 200, body: page(zones, q(ctx)) };
		},
		'GET /store/shipping-zone/{shippingZoneId}': (ctx) => {
			const loc = read(q(ctx).altId);
			const z = loc.zones[p(ctx).shippingZoneId];
			return z
				? ok(
						200,
						'Shipping zone fetched successfully',
						withRates(loc, z, q(ctx).withShippingRate === true),
					)
				: notFound('Shipping zone');
		},
		'PUT /store/shipping-zone/{shippingZoneId}': (ctx) => {
			const id = p(ctx).shippingZoneId;
			const z = locFor(ctx, 'zones', id).zones[id];
			return z
				? ok(200, 'Shipping zone updated successfully', update(z, b(ctx), ZONE_FIELDS))
				: notFound('Shipping zone');
		},
		'DELETE /store/shipping-zone/{shippingZoneId}': (ctx) => {
			const loc = read(q(ctx).altId);
			const id = p(ctx).shippingZoneId;
			if (!loc.zones[id]) return notFound('Shipping zone');
			delete loc.zones[id];
			for (const r of Object.values(loc.rates))
				if (r.shippingZoneId === id) delete loc.rates[r._id];
			return ok(200, 'Shipping zone deleted successfully');
		},

		// Rates under a zone
		'POST /store/shipping-zone/{shippingZoneId}/shipping-rate': (ctx) => {
			const loc = read(b(ctx).altId);
			const zoneId = p(ctx).shippingZoneId;
			if (!loc.zones[zoneId]) return notFound('Shipping zone');
			const r = newRate(b(ctx).altId, zoneId, b(ctx));
			loc.rates[r._id] = r;
			return ok(201, 'Shipping rate created successfully', r);
		},
		'GET /store/shipping-zone/{shippingZoneId}/shipping-rate': (ctx) => {
			const loc = read(q(ctx).altId);
			const zoneId = p(ctx).shippingZoneId;
			if (!loc.zones[zoneId]) return notFound('Shipping zone');
			return {
				status: 200,
				body: page(
					Object.values(loc.rates).filter((r) => r.shippingZoneId === zoneId),
					q(ctx),
				),
			};
		},
		'GET /store/shipping-zone/{shippingZoneId}/shipping-rate/{shippingRateId}': (ctx) => {
			const r = read(q(ctx).altId).rates[p(ctx).shippingRateId];
			return r && r.shippingZoneId === p(ctx).shippingZoneId
				? ok(200, 'Shipping rate fetched successfully', r)
				: notFound('Shipping rate');
		},
		'PUT /store/shipping-zone/{shippingZoneId}/shipping-rate/{shippingRateId}': (ctx) => {
			const id = p(ctx).shippingRateId;
			const r = locFor(ctx, 'rates', id).rates[id];
			if (!r || r.shippingZoneId !== p(ctx).shippingZoneId) return notFound('Shipping rate');
			return ok(200, 'Shipping rate updated successfully', update(r, b(ctx), RATE_FIELDS));
		},
		'DELETE /store/shipping-zone/{shippingZoneId}/shipping-rate/{shippingRateId}': (ctx) => {
			const loc = read(q(ctx).altId);
			const r = loc.rates[p(ctx).shippingRateId];
			if (!r || r.shippingZoneId !== p(ctx).shippingZoneId) return notFound('Shipping rate');
			delete loc.rates[r._id];
			return ok(200, 'Shipping rate deleted successfully');
		},

		// Storefront quote: the zone rates matching the destination
		'POST /store/shipping-zone/shipping-rates': (ctx) =>
			ok(
				201,
				'Available shipping rates fetched successfully',
				availableRates(read(b(ctx).altId), b(ctx)),
			),

		// Store settings (upsert)
		'POST /store/store-setting': (ctx) => {
			const loc = location(st(), b(ctx).altId);
			if (loc.storeSetting) update(loc.storeSetting, b(ctx), SETTING_FIELDS);
			else loc.storeSetting = newSetting(b(ctx).altId, b(ctx));
			return ok(201, 'Store setting saved successfully', loc.storeSetting);
		},
		'GET /store/store-setting': (ctx) => {
			const s = read(q(ctx).altId).storeSetting;
			return s ? ok(200, 'Store setting fetched successfully', s) : notFound('Store setting');
		},

		// Orders (payments.json): newest first, default page 10
		'GET /payments/orders': (ctx) => {
			const query = q(ctx);
			const orders = Object.values(read(query.altId).orders)
				.filter((o) => orderMatches(o, query))
				.sort((a, c) => (a.createdAt < c.createdAt ? 1 : a.createdAt > c.createdAt ? -1 : 0));
			const offset = Number(query.offset) || 0;
			const limit = Number(query.limit) || 10;
			return {
				status: 200,
				body: {
					data: orders.slice(offset, offset + limit).map(orderSummary),
					totalCount: orders.length,
				},
			};
		},
		'GET /payments/orders/{orderId}': (ctx) => {
			const o = read(q(ctx).altId).orders[p(ctx).orderId];
			return o ? { status: 200, body: o } : orderNotFound();
		},
		'POST /payments/orders/{orderId}/fulfillments': (ctx) => {
			const loc = read(b(ctx).altId);
			const o = loc.orders[p(ctx).orderId];
			if (!o) return orderNotFound();
			const result = fulfil(loc, o, b(ctx));
			if (result.error) return err(400, result.error, { error: 'Bad Request' });
			return { status: 200, body: { status: true, data: result.record } };
		},
		'GET /payments/orders/{orderId}/fulfillments': (ctx) => {
			const loc = read(q(ctx).altId);
			const o = loc.orders[p(ctx).orderId];
			if (!o) return orderNotFound();
			return { status: 200, body: { status: true, data: [...(loc.fulfillments[o._id] || [])] } };
		},
	};

	Object.assign(handlers, productHandlers({ read, write: (altId) => location(st(), altId), err }));
	Object.assign(handlers, oauth.handlers);

	service.resetState();
	return service;
}

module.exports = { createHighLevelService, highlevelValidator, message422 };
