'use strict';
/** HighLevel store stand-in: validation against store.json, auth, state, response shapes. */
const { startHighLevelStandin } = require('./index');
const { call } = require('./http-client');

const LOC = 'loc-a';
const AUTH = { authorization: 'Bearer token-a' };
const hex24 = /^[0-9a-f]{24}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let hl;
const get = (p, o = {}) => call(hl.url, 'GET', p, { headers: AUTH, ...o });
const post = (p, body, o = {}) => call(hl.url, 'POST', p, { headers: AUTH, body, ...o });
const put = (p, body, o = {}) => call(hl.url, 'PUT', p, { headers: AUTH, body, ...o });
const del = (p, o = {}) => call(hl.url, 'DELETE', p, { headers: AUTH, ...o });
const q = (altId = LOC) => `altId=${altId}&altType=location`;

const carrierBody = (over = {}) => ({
	altId: LOC,
	altType: 'location',
	name: 'n8n Shippo live rates',
	callbackUrl: 'https://n8n.example.com/webhook/rates',
	services: [{ name: 'USPS Priority Mail', value: 'usps_priority' }],
	allowsMultipleServiceSelection: true,
	...over,
});
const zoneBody = (over = {}) => ({
	altId: LOC,
	altType: 'location',
	name: 'Domestic',
	countries: [{ code: 'US' }],
	...over,
});
const rateBody = (carrierId, over = {}) => ({
	altId: LOC,
	altType: 'location',
	name: 'Live rates',
	currency: 'USD',
	amount: 0,
	conditionType: 'none',
	minCondition: 0,
	maxCondition: 0,
	isCarrierRate: true,
	shippingCarrierId: carrierId,
	shippingCarrierServices: [{ name: 'USPS Priority Mail', value: 'usps_priority' }],
	...over,
});

beforeAll(async () => {
	hl = await startHighLevelStandin({
		checkResponses: true,
		seed: {
			locations: {
				seeded: {
					zones: [
						{ name: 'Domestic', countries: [{ code: 'US' }] },
						{ name: 'Intl', countries: [{ code: 'CA' }, { code: 'GB' }] },
					],
				},
			},
		},
	});
});
afterAll(() => hl.close());
beforeEach(() => hl.reset());
afterEach(() => {
	// Every answer the stand-in gave matched the response schema declared in store.json.
	expect(hl.responseViolations).toEqual([]);
});

describe('validation against store.json', () => {
	test('a valid request passes and is recorded as valid', async () => {
		const r = await post('/store/shipping-carrier', carrierBody());
		expect(r.status).toBe(201);
		expect(hl.violations).toEqual([]);
		expect(hl.requests).toHaveLength(1);
		expect(hl.requests[0]).toMatchObject({
			method: 'POST',
			path: '/store/shipping-carrier',
			status: 201,
			valid: true,
			violations: [],
		});
		expect(hl.requests[0].body).toEqual(carrierBody());
	});

	test('missing required body field -> 422 with the field named, recorded as violation', async () => {
		const { callbackUrl, ...body } = carrierBody();
		const r = await post('/store/shipping-carrier', body);
		expect(r.status).toBe(422);
		expect(r.json).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
		expect(r.json.message).toEqual(['callbackUrl should not be empty']);
		expect(r.json.traceId).toMatch(uuid);
		expect(hl.violations).toEqual([
			{ method: 'POST', path: '/store/shipping-carrier', errors: ['body.callbackUrl is required'] },
		]);
		expect(hl.requests[0].valid).toBe(false);
		expect(hl.state.locations[LOC]).toBeUndefined(); // nothing was created
	});

	test('wrong enum (altType "company") -> 422', async () => {
		const r = await post('/store/shipping-zone', zoneBody({ altType: 'company' }));
		expect(r.status).toBe(422);
		expect(r.json.message).toEqual(['altType must be one of the following values: location']);
		expect(hl.violations[0].errors).toEqual(['body.altType must be one of: location']);
	});

	test('wrong type -> 422 (amount as string, countries[].code as number)', async () => {
		const z = await post('/store/shipping-zone', zoneBody());
		const r = await post(
			`/store/shipping-zone/${z.json.data._id}/shipping-rate`,
			rateBody('c1', { amount: '5' }),
		);
		expect(r.status).toBe(422);
		expect(r.json.message).toEqual([
			'amount must be a number conforming to the specified constraints',
		]);
		const r2 = await post('/store/shipping-zone', zoneBody({ countries: [{ code: 840 }] }));
		expect(r2.status).toBe(422);
		expect(r2.json.message).toEqual(['countries.0.code must be a string']);
		expect(hl.violations).toHaveLength(2);
	});

	test('overlay: ISO-2 country codes are accepted, unknown codes rejected by the enum', async () => {
		expect(
			(
				await post(
					'/store/shipping-zone',
					zoneBody({ countries: [{ code: 'CA', states: [{ code: 'ON' }] }] }),
				)
			).status,
		).toBe(201);
		const r = await post('/store/shipping-zone', zoneBody({ countries: [{ code: 'XX' }] }));
		expect(r.status).toBe(422);
		expect(r.json.message[0]).toMatch(
			/^countries\.0\.code must be one of the following values: US, CA, /,
		);
	});

	test('missing required query parameter -> 422', async () => {
		const r = await get('/store/shipping-zone?altType=location');
		expect(r.status).toBe(422);
		expect(r.json.message).toEqual(['altId should not be empty']);
		expect(hl.violations[0]).toEqual({
			method: 'GET',
			path: '/store/shipping-zone',
			errors: ['query.altId is required'],
		});
	});

	test('query parameter of the wrong type -> 422 (limit=abc)', async () => {
		const r = await get(`/store/shipping-zone?${q()}&limit=abc`);
		expect(r.status).toBe(422);
		expect(r.json.message).toEqual([
			'limit must be a number conforming to the specified constraints',
		]);
	});

	test('missing or non-Bearer Authorization -> 401 and a violation', async () => {
		for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer ' }]) {
			const r = await call(hl.url, 'GET', `/store/shipping-carrier?${q()}`, { headers });
			expect(r.status).toBe(401);
			expect(r.json).toMatchObject({
				statusCode: 401,
				message: 'Invalid token: access token is invalid',
				error: 'Unauthorized',
			});
			expect(r.json.traceId).toMatch(uuid);
		}
		expect(hl.violations).toHaveLength(3);
		expect(hl.violations[0].errors).toEqual([
			'header.authorization is missing or not of the declared security scheme',
		]);
	});

	test('invalid JSON body -> 400 Bad Request', async () => {
		const r = await call(hl.url, 'POST', '/store/shipping-zone', {
			headers: AUTH,
			raw: '{"altId":',
		});
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({ statusCode: 400, message: 'Bad Request' });
		expect(hl.violations[0].errors).toEqual(['body is not valid JSON']);
	});

	test('unknown route -> 404 and a violation', async () => {
		const r = await get(`/store/shipping-zones?${q()}`);
		expect(r.status).toBe(404);
		expect(r.json).toMatchObject({
			statusCode: 404,
			message: 'Cannot GET /store/shipping-zones',
			error: 'Not Found',
		});
		const r2 = await call(hl.url, 'PATCH', '/store/shipping-zone', { headers: AUTH, body: {} });
		expect(r2.status).toBe(404);
		expect(hl.violations.map((v) => v.errors[0])).toEqual([
			'no operation GET /store/shipping-zones in the spec',
			'no operation PATCH /store/shipping-zone in the spec',
		]);
	});
});

describe('tokens option', () => {
	let locked;
	beforeAll(async () => {
		locked = await startHighLevelStandin({ tokens: { 'tok-a': { locationId: 'loc-a' } } });
	});
	afterAll(() => locked.close());

	test('known token on its location passes, unknown token 401, other location 403', async () => {
		const ok = await call(
			locked.url,
			'GET',
			'/store/shipping-carrier?altId=loc-a&altType=location',
			{ headers: { authorization: 'Bearer tok-a' } },
		);
		expect(ok.status).toBe(200);
		const unknown = await call(
			locked.url,
			'GET',
			'/store/shipping-carrier?altId=loc-a&altType=location',
			{ headers: { authorization: 'Bearer nope' } },
		);
		expect(unknown.status).toBe(401);
		const other = await call(locked.url, 'POST', '/store/shipping-zone', {
			headers: { authorization: 'Bearer tok-a' },
			body: zoneBody({ altId: 'loc-b' }),
		});
		expect(other.status).toBe(403);
		expect(other.json).toMatchObject({
			statusCode: 403,
			message: 'The token does not have access to this location.',
		});
		expect(other.json.traceId).toMatch(uuid);
		expect(locked.violations).toEqual([]); // spec-valid requests, refused by the service
		expect(locked.state.locations['loc-b']).toBeUndefined();
	});
});

describe('state', () => {
	test('carrier: create -> listed -> get -> update -> delete -> gone', async () => {
		const c = await post('/store/shipping-carrier', carrierBody());
		expect(c.status).toBe(201);
		expect(c.json).toMatchObject({ status: true, message: expect.any(String) });
		const d = c.json.data;
		expect(Object.keys(d).sort()).toEqual(
			[
				'_id',
				'altId',
				'altType',
				'name',
				'callbackUrl',
				'services',
				'allowsMultipleServiceSelection',
				'marketplaceAppId',
				'createdAt',
				'updatedAt',
			].sort(),
		);
		expect(d._id).toMatch(hex24);
		expect(d.marketplaceAppId).toMatch(hex24);
		expect(d).toMatchObject({ altId: LOC, altType: 'location', services: carrierBody().services });

		let list = await get(`/store/shipping-carrier?${q()}`);
		expect(list.status).toBe(200);
		expect(list.json).toMatchObject({ status: true, data: [d] });
		expect((await get(`/store/shipping-carrier?${q('other')}`)).json.data).toEqual([]); // partitioned by altId

		const got = await get(`/store/shipping-carrier/${d._id}?${q()}`);
		expect(got.json.data).toEqual(d);
		const upd = await put(`/store/shipping-carrier/${d._id}`, {
			altId: LOC,
			altType: 'location',
			name: 'Renamed',
		});
		expect(upd.status).toBe(200);
		expect(upd.json.data).toMatchObject({
			_id: d._id,
			name: 'Renamed',
			callbackUrl: d.callbackUrl,
		});

		const gone = await del(`/store/shipping-carrier/${d._id}?${q()}`);
		expect(gone.status).toBe(200);
		expect(gone.json).toEqual({ status: true, message: expect.any(String) });
		list = await get(`/store/shipping-carrier?${q()}`);
		expect(list.json.data).toEqual([]);
		const missing = await get(`/store/shipping-carrier/${d._id}?${q()}`);
		expect(missing.status).toBe(404);
		expect(missing.json).toMatchObject({ statusCode: 404, message: 'Shipping carrier not found' });
		expect(missing.json.traceId).toMatch(uuid);
		expect(hl.violations).toEqual([]);
	});

	test('zone delete cascades its rates; list shapes {total,data}', async () => {
		const carrier = (await post('/store/shipping-carrier', carrierBody())).json.data;
		const zone = (await post('/store/shipping-zone', zoneBody())).json.data;
		const other = (
			await post('/store/shipping-zone', zoneBody({ name: 'Other', countries: [{ code: 'MX' }] }))
		).json.data;
		const rate = await post(
			`/store/shipping-zone/${zone._id}/shipping-rate`,
			rateBody(carrier._id),
		);
		expect(rate.status).toBe(201);
		expect(rate.json.data).toMatchObject({
			shippingZoneId: zone._id,
			shippingCarrierId: carrier._id,
			isCarrierRate: true,
		});
		const keep = (
			await post(`/store/shipping-zone/${other._id}/shipping-rate`, rateBody(carrier._id))
		).json.data;

		const rates = await get(`/store/shipping-zone/${zone._id}/shipping-rate?${q()}`);
		expect(rates.json).toEqual({ total: 1, data: [rate.json.data] });
		const zones = await get(`/store/shipping-zone?${q()}&withShippingRate=true`);
		expect(zones.json.total).toBe(2);
		expect(zones.json.data[0].shippingRates).toEqual([rate.json.data]);
		expect(Object.keys(zones.json)).toEqual(['total', 'data']);

		expect((await del(`/store/shipping-zone/${zone._id}?${q()}`)).status).toBe(200);
		expect(
			(await get(`/store/shipping-zone/${zone._id}/shipping-rate/${rate.json.data._id}?${q()}`))
				.status,
		).toBe(404);
		expect(Object.keys(hl.state.locations[LOC].rates)).toEqual([keep._id]);
		expect((await get(`/store/shipping-zone?${q()}`)).json).toMatchObject({
			total: 1,
			data: [{ _id: other._id }],
		});
	});

	test('rate get/update/delete and 404 for unknown zone', async () => {
		const zone = (await post('/store/shipping-zone', zoneBody())).json.data;
		const rate = (
			await post(
				`/store/shipping-zone/${zone._id}/shipping-rate`,
				rateBody('655b33a82209e60b6adb87a5'),
			)
		).json.data;
		const upd = await put(`/store/shipping-zone/${zone._id}/shipping-rate/${rate._id}`, {
			altId: LOC,
			altType: 'location',
			amount: 2.5,
		});
		expect(upd.json.data).toMatchObject({ _id: rate._id, amount: 2.5 });
		expect(
			(await get(`/store/shipping-zone/${zone._id}/shipping-rate/${rate._id}?${q()}`)).json.data
				.amount,
		).toBe(2.5);
		expect(
			(await del(`/store/shipping-zone/${zone._id}/shipping-rate/${rate._id}?${q()}`)).status,
		).toBe(200);
		const r = await post(
			'/store/shipping-zone/aaaaaaaaaaaaaaaaaaaaaaaa/shipping-rate',
			rateBody('x'),
		);
		expect(r.status).toBe(404);
		expect(r.json.message).toBe('Shipping zone not found');
	});

	test('zone pagination with limit/offset', async () => {
		for (const n of ['A', 'B', 'C']) await post('/store/shipping-zone', zoneBody({ name: n }));
		const r = await get(`/store/shipping-zone?${q()}&limit=1&offset=1`);
		expect(r.json.total).toBe(3);
		expect(r.json.data.map((z) => z.name)).toEqual(['B']);
	});

	test('seed: zones exist from the start and come back after reset()', async () => {
		const r = await get(`/store/shipping-zone?${q('seeded')}`);
		expect(r.json.data.map((z) => [z.name, z.countries])).toEqual([
			['Domestic', [{ code: 'US' }]],
			['Intl', [{ code: 'CA' }, { code: 'GB' }]],
		]);
		expect(r.json.data[0]._id).toMatch(hex24);
		await del(`/store/shipping-zone/${r.json.data[0]._id}?${q('seeded')}`);
		hl.reset();
		expect((await get(`/store/shipping-zone?${q('seeded')}`)).json.total).toBe(2);
	});

	test('POST /store/shipping-zone/shipping-rates returns the rates of zones matching the country', async () => {
		const us = (await post('/store/shipping-zone', zoneBody())).json.data;
		const ca = (
			await post('/store/shipping-zone', zoneBody({ name: 'CA', countries: [{ code: 'CA' }] }))
		).json.data;
		const flat = (
			await post(
				`/store/shipping-zone/${us._id}/shipping-rate`,
				rateBody('c', { isCarrierRate: false, name: 'Flat', amount: 5 }),
			)
		).json.data;
		await post(
			`/store/shipping-zone/${us._id}/shipping-rate`,
			rateBody('c', { name: 'Heavy', conditionType: 'weight', minCondition: 10, maxCondition: 0 }),
		);
		await post(`/store/shipping-zone/${ca._id}/shipping-rate`, rateBody('c', { name: 'Canada' }));
		const quote = {
			altId: LOC,
			altType: 'location',
			country: 'US',
			totalOrderAmount: 40,
			totalOrderWeight: 2,
			source: { type: 'website', subType: 'store' },
			products: [{ id: 'p1', qty: 1 }],
		};
		const r = await post('/store/shipping-zone/shipping-rates', quote);
		expect(r.status).toBe(201);
		expect(r.json.status).toBe(true);
		expect(r.json.data).toEqual([
			{
				_id: flat._id,
				shippingZoneId: us._id,
				name: 'Flat',
				currency: 'USD',
				amount: 5,
				isCarrierRate: false,
				shippingCarrierId: 'c',
				shippingCarrierServices: flat.shippingCarrierServices,
			},
		]);
		const heavy = await post('/store/shipping-zone/shipping-rates', {
			...quote,
			totalOrderWeight: 12,
		});
		expect(heavy.json.data.map((x) => x.name)).toEqual(['Flat', 'Heavy']);
		const none = await post('/store/shipping-zone/shipping-rates', { ...quote, country: 'FR' });
		expect(none.json.data).toEqual([]);
		const bad = await post('/store/shipping-zone/shipping-rates', { ...quote, source: undefined });
		expect(bad.status).toBe(422);
		expect(bad.json.message).toEqual(['source should not be empty']);
	});

	test('store settings: 404 before, upsert, get', async () => {
		expect((await get(`/store/store-setting?${q()}`)).status).toBe(404);
		const origin = {
			name: 'ABC Store',
			country: 'US',
			city: 'Austin',
			street1: '1 Main St',
			zip: '78701',
			state: 'TX',
		};
		const c = await post('/store/store-setting', {
			altId: LOC,
			altType: 'location',
			shippingOrigin: origin,
		});
		expect(c.status).toBe(201);
		expect(c.json.data).toMatchObject({ altId: LOC, shippingOrigin: origin });
		const again = await post('/store/store-setting', {
			altId: LOC,
			altType: 'location',
			shippingOrigin: { ...origin, city: 'Dallas' },
		});
		expect(again.json.data._id).toBe(c.json.data._id);
		expect((await get(`/store/store-setting?${q()}`)).json.data.shippingOrigin.city).toBe('Dallas');
		const bad = await post('/store/store-setting', {
			altId: LOC,
			altType: 'location',
			shippingOrigin: { ...origin, country: 1 },
		});
		expect(bad.status).toBe(422);
		expect(bad.json.message).toEqual(['shippingOrigin.country must be a string']);
	});
});
