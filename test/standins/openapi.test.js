'use strict';
/** The OpenAPI validator (openapi.js) and the spec overlays (overlays.js), without HTTP. */
const fs = require('node:fs');
const path = require('node:path');
const { OpenApiValidator, specsDir } = require('./openapi');
const { highlevelOverlay, shippoOverlay } = require('./overlays');
const { highlevelValidator } = require('./highlevel');
const { shippoValidator } = require('./shippo');

const HL_SPEC = path.join(specsDir(), 'highlevel/apps/store.json');
const SH_SPEC = path.join(specsDir(), 'shippo/public-api.yaml');

/** Route + validate a request; returns the error strings. */
function check(v, method, p, { query = {}, headers = {}, body } = {}) {
	const m = v.match(method, p);
	if (!m.route) return [`no route (pathKnown=${m.pathKnown})`];
	const raw = body === undefined ? '' : JSON.stringify(body);
	return v
		.validate(m.route, {
			pathParams: m.params,
			query,
			headers,
			body,
			rawBody: raw,
			contentType: 'application/json',
		})
		.errors.map((e) => `${e.in}${e.field ? `.${e.field}` : ''} ${e.message}`);
}

const zone = { altId: 'loc', altType: 'location', name: 'Z', countries: [{ code: 'US' }] };
const BEARER = { authorization: 'Bearer x' };
const customTemplate = { name: 'Box', length: '10', width: '8', height: '4', distance_unit: 'in' };

test('specs are the copies in the repository (test/standins/specs, with their SOURCE.md), or SPECS_DIR', () => {
	const saved = process.env.SPECS_DIR;
	delete process.env.SPECS_DIR;
	try {
		expect(specsDir()).toBe(path.join(__dirname, 'specs'));
		for (const folder of ['highlevel', 'shippo']) {
			expect(fs.existsSync(path.join(specsDir(), folder, 'SOURCE.md'))).toBe(true);
		}
		process.env.SPECS_DIR = '/elsewhere/specs';
		expect(specsDir()).toBe('/elsewhere/specs');
	} finally {
		if (saved === undefined) delete process.env.SPECS_DIR;
		else process.env.SPECS_DIR = saved;
	}
});

test('store.json: the external $ref to ../common/common-schemas.json is loaded and resolves', () => {
	const v = new OpenApiValidator({ file: HL_SPEC, overlay: highlevelOverlay, responses: true });
	expect([...v.docs.keys()].map((u) => path.basename(u)).sort()).toEqual([
		'common-schemas.json',
		'store.json',
	]);
	const { route } = v.match('GET', '/store/shipping-zone');
	// 401 is declared as $ref: ../common/common-schemas.json#/components/schemas/UnauthorizedDTO
	expect(
		v.validateResponse(route, 401, { statusCode: 401, message: 'x', error: 'Unauthorized' }),
	).toEqual([]);
	expect(v.validateResponse(route, 401, { statusCode: '401' })).toEqual([
		'statusCode must be number',
	]);
	expect(v.validateResponse(route, 200, { data: [] })).toEqual(['total is required']);
});

test('HighLevel overlay: without it no country code can pass; with it ISO-2 strings do', () => {
	const raw = new OpenApiValidator({ file: HL_SPEC });
	expect(check(raw, 'POST', '/store/shipping-zone', { headers: BEARER, body: zone })).toEqual(
		expect.arrayContaining(['body.countries.0.code must be number']),
	);
	const v = highlevelValidator();
	expect(check(v, 'POST', '/store/shipping-zone', { headers: BEARER, body: zone })).toEqual([]);
	expect(
		check(v, 'POST', '/store/store-setting', {
			headers: BEARER,
			body: {
				altId: 'l',
				altType: 'location',
				shippingOrigin: { name: 'S', country: 'US', city: 'A', street1: '1', zip: '1' },
			},
		}),
	).toEqual([]);
	expect(
		check(v, 'POST', '/store/shipping-zone/shipping-rates', {
			headers: BEARER,
			body: {
				altId: 'l',
				altType: 'location',
				country: 'US',
				totalOrderAmount: 1,
				totalOrderWeight: 1,
				source: { type: 'website' },
				products: [],
				amountAvailable: true,
			},
		}),
	).toEqual([]);
});

test('Shippo overlay: a custom user parcel template matches exactly one oneOf branch', () => {
	const raw = new OpenApiValidator({ file: SH_SPEC, trailingSlash: true });
	expect(
		check(raw, 'POST', '/user-parcel-templates', {
			headers: { authorization: 'x' },
			body: customTemplate,
		}),
	).toEqual(['body must match exactly one schema in oneOf']);
	const v = shippoValidator();
	expect(
		check(v, 'POST', '/user-parcel-templates', {
			headers: { authorization: 'x' },
			body: customTemplate,
		}),
	).toEqual([]);
	expect(
		check(v, 'POST', '/user-parcel-templates', {
			headers: { authorization: 'x' },
			body: { template: 'USPS_SmallFlatRateBox' },
		}),
	).toEqual([]);
});

test('routing: literal segments win over templates; path params decoded; unknown paths', () => {
	const v = highlevelValidator();
	expect(v.match('POST', '/store/shipping-zone/shipping-rates').route.template).toBe(
		'/store/shipping-zone/shipping-rates',
	);
	const m = v.match('PUT', '/store/shipping-zone/a%20b');
	expect(m.route.template).toBe('/store/shipping-zone/{shippingZoneId}');
	expect(m.params).toEqual({ shippingZoneId: 'a b' });
	expect(v.match('PATCH', '/store/shipping-zone')).toEqual({ route: null, pathKnown: true });
	expect(v.match('GET', '/store/nothing')).toEqual({ route: null, pathKnown: false });
	expect(v.match('GET', '/store/shipping-zone/').route).toBeNull(); // no trailing-slash leniency for HighLevel
	expect(shippoValidator().match('GET', '/shipments/').route.template).toBe('/shipments');
});

test('query parameters are coerced from strings and checked (types, enums, maximum)', () => {
	const v = shippoValidator();
	const auth = { authorization: 'ShippoToken x' };
	expect(
		check(v, 'GET', '/carrier_accounts', {
			headers: auth,
			query: { results: '10', page: '2', service_levels: 'true', carrier: 'usps' },
		}),
	).toEqual([]);
	expect(
		check(v, 'GET', '/carrier_accounts', {
			headers: auth,
			query: { results: 'ten', service_levels: 'maybe', carrier: 'pigeon' },
		}),
	).toEqual([
		'query.service_levels must be boolean',
		'query.carrier must be one of: airterra, apc_postal, apg, aramex, asendia_us, australia_post, axlehire, better_trucks, borderguru, boxberry, bring, canada_post, ... (59 values)',
		'query.results must be integer',
	]);
});

test('per-request validation is cheap (specs compiled once)', () => {
	const v = shippoValidator();
	const { route, params } = v.match('POST', '/shipments');
	const body = {
		address_from: { name: 'A', street1: '1', city: 'SF', state: 'CA', zip: '94105', country: 'US' },
		address_to: { name: 'B', street1: '2', city: 'NY', state: 'NY', zip: '10001', country: 'US' },
		parcels: [
			{ length: '10', width: '8', height: '4', distance_unit: 'in', weight: '2', mass_unit: 'lb' },
		],
	};
	const req = {
		pathParams: params,
		query: {},
		headers: { authorization: 'ShippoToken x' },
		body,
		rawBody: '{}',
	};
	expect(v.validate(route, req).errors).toEqual([]);
	const n = 2000;
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < n; i++) v.validate(route, req);
	const usPerRequest = Number(process.hrtime.bigint() - t0) / n / 1000;
	expect(usPerRequest).toBeLessThan(1000); // measured ~10-30 µs on the 2-core dev machine
});
