'use strict';
/**
 * HighLevel (LeadConnector) store stand-in: every operation of
 * ../shared/specs/highlevel/apps/store.json (OpenAPI 3.0; overlay in overlays.js), stateful and in
 * memory, data partitioned by `altId` (location id). Response shapes follow the spec and the
 * reference highlevel.md §2-§4: carriers `{status,message,data}`, zone/rate lists `{total,data}`,
 * deletes `{status,message}`, errors `{statusCode,message,error?,traceId}` (422 `message` is an array).
 *
 * Auth like the service: `Authorization: Bearer <non-empty>` else 401. With `tokens: { "<token>":
 * { locationId } }` unknown tokens get 401 and a token used for another `altId` gets 403.
 */
const http = require('node:http');
const path = require('node:path');
const { OpenApiValidator, specsDir } = require('./openapi');
const { highlevelOverlay } = require('./overlays');
const { objectId, traceId } = require('./ids');

const SPEC = 'highlevel/apps/store.json';
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

let validatorCache = null;
/** The compiled store.json validator (compiled once per process; reused by every server). */
function highlevelValidator(opts = {}) {
	if (!validatorCache || opts.responses) {
		const v = new OpenApiValidator({
			file: path.join(specsDir(), SPEC),
			overlay: highlevelOverlay,
			responses: !!opts.responses,
		});
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

const emptyLocation = () => ({ carriers: {}, zones: {}, rates: {}, storeSetting: null });

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

// ---- the service ----------------------------------------------------------------------------
/**
 * @param {{ tokens?: Record<string, {locationId: string}>, seed?: object, marketplaceAppId?: string,
 *   checkResponses?: boolean }} [opts]
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
			const m = /^Bearer\s+(\S+)\s*$/i.exec(ctx.headers.authorization || '');
			const unauthorized = err(401, 'Invalid token: access token is invalid', {
				error: 'Unauthorized',
			});
			if (!m) return unauthorized;
			if (!opts.tokens) return null;
			const tok = opts.tokens[m[1]];
			if (!tok) return unauthorized;
			const altId = ctx.query.altId !== undefined ? ctx.query.altId : ctx.body && ctx.body.altId;
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

		handle(ctx) {
			const h = handlers[`${ctx.method} ${ctx.route.template}`];
			return h
				? h(ctx)
				: err(501, `Not implemented by the stand-in: ${ctx.method} ${ctx.route.template}`);
		},
	};

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
	};

	service.resetState();
	return service;
}

module.exports = { createHighLevelService, highlevelValidator, message422 };
