'use strict';
/** Shippo stand-in: validation against public-api.yaml, auth, shipments and deterministic rates. */
const { startShippoStandin, shippoRatesFor } = require('./index');
const { CARRIER_ACCOUNTS } = require('./shippo');
const { call } = require('./http-client');

const AUTH = { authorization: 'ShippoToken shippo_test_standin' };
const hex32 = /^[0-9a-f]{32}$/;

let sh;
const get = (p, o = {}) => call(sh.url, 'GET', p, { headers: AUTH, ...o });
const post = (p, body, o = {}) => call(sh.url, 'POST', p, { headers: AUTH, body, ...o });

const from = {
	name: 'Store',
	street1: '215 Clayton St.',
	city: 'San Francisco',
	state: 'CA',
	zip: '94117',
	country: 'US',
};
const to = {
	name: 'Customer',
	street1: '1 Main St',
	city: 'New York',
	state: 'NY',
	zip: '10001',
	country: 'US',
};
const parcel = (weight = '2', mass_unit = 'lb') => ({
	length: '10',
	width: '8',
	height: '4',
	distance_unit: 'in',
	weight,
	mass_unit,
});
const shipment = (over = {}) => ({
	address_from: from,
	address_to: to,
	parcels: [parcel()],
	async: false,
	metadata: 'hl:loc-a:order-1',
	...over,
});
/** Rate fields the formula determines (drops per-object ids and timestamps). */
const formulaFields = (r) => {
	const { object_id, object_created, object_owner, shipment: s, messages, test, ...rest } = r;
	return rest;
};

beforeAll(async () => {
	sh = await startShippoStandin({ checkResponses: true });
});
afterAll(() => sh.close());
beforeEach(() => sh.reset());
afterEach(() => {
	// Every answer matched the response schema declared in public-api.yaml (with the overlay).
	expect(sh.responseViolations).toEqual([]);
});

describe('rate formula (shippoRatesFor)', () => {
	test('domestic: USPS and UPS service levels, 2-decimal string amounts, one of each attribute', () => {
		const rates = shippoRatesFor(shipment());
		expect(rates.map((r) => `${r.provider} ${r.servicelevel.name}`).sort()).toEqual(
			[
				'UPS 2nd Day Air',
				'UPS Ground',
				'USPS Ground Advantage',
				'USPS Priority Mail',
				'USPS Priority Mail Express',
			].sort(),
		);
		for (const r of rates) {
			expect(r.amount).toMatch(/^\d+\.\d{2}$/);
			expect(r).toMatchObject({ currency: 'USD', currency_local: 'USD', amount_local: r.amount });
			expect(r.carrier_account).toMatch(hex32);
			expect(Number.isInteger(r.estimated_days)).toBe(true);
		}
		const amounts = rates.map((r) => Number(r.amount));
		expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
		for (const a of ['CHEAPEST', 'FASTEST', 'BESTVALUE']) {
			expect(rates.filter((r) => r.attributes.includes(a))).toHaveLength(1);
		}
		expect(rates[0].attributes).toContain('CHEAPEST');
		const fastest = rates.find((r) => r.attributes.includes('FASTEST'));
		expect(fastest.estimated_days).toBe(Math.min(...rates.map((r) => r.estimated_days)));
	});

	test('deterministic; units are converted (32 oz = 2 lb = 907.18 g); heavier and farther cost more', () => {
		expect(shippoRatesFor(shipment())).toEqual(shippoRatesFor(shipment()));
		expect(shippoRatesFor(shipment({ parcels: [parcel('32', 'oz')] }))).toEqual(
			shippoRatesFor(shipment()),
		);
		expect(shippoRatesFor(shipment({ parcels: [parcel('907.18', 'g')] }))).toEqual(
			shippoRatesFor(shipment()),
		);
		expect(shippoRatesFor(shipment({ parcels: [parcel('1'), parcel('1')] }))).toEqual(
			shippoRatesFor(shipment()),
		);
		const price = (body, token) =>
			Number(shippoRatesFor(body).find((r) => r.servicelevel.token === token).amount);
		expect(price(shipment({ parcels: [parcel('5')] }), 'usps_priority')).toBeGreaterThan(
			price(shipment(), 'usps_priority'),
		);
		const near = shipment({ address_to: { ...to, zip: '94105' } });
		expect(price(near, 'ups_ground')).toBeLessThan(price(shipment(), 'ups_ground'));
		// 2 lb, zone 1 + |9 - 1| capped at 8: USPS Priority = 8.70 + 1.35 * 1 + 0.55 * 7
		expect(price(shipment(), 'usps_priority')).toBe(13.9);
		expect(shippoRatesFor(shipment())[0].zone).toBe('8');
	});

	test('international destinations get international services; carrier_accounts filters', () => {
		const ca = shippoRatesFor(
			shipment({ address_to: { ...to, country: 'CA', state: 'ON', zip: 'M5V 2T6' } }),
		);
		expect(ca.map((r) => r.servicelevel.token).sort()).toEqual(
			[
				'ups_saver',
				'ups_standard',
				'usps_priority_mail_express_international',
				'usps_priority_mail_international',
			].sort(),
		);
		const gb = shippoRatesFor(shipment({ address_to: { ...to, country: 'GB', zip: 'SW1A 1AA' } }));
		expect(gb.map((r) => r.servicelevel.token)).not.toContain('ups_standard');
		const uspsOnly = shippoRatesFor(
			shipment({ carrier_accounts: [CARRIER_ACCOUNTS[0].object_id] }),
		);
		expect(new Set(uspsOnly.map((r) => r.provider))).toEqual(new Set(['USPS']));
	});
});

describe('POST /shipments and reads', () => {
	test('201 Shipment with rates equal to the formula; metadata and fields echoed; stateful reads', async () => {
		const body = shipment({ extra: { reference_1: 'order-1' } });
		const r = await post('/shipments', body);
		expect(r.status).toBe(201);
		const s = r.json;
		expect(s.object_id).toMatch(hex32);
		expect(s).toMatchObject({
			status: 'SUCCESS',
			metadata: 'hl:loc-a:order-1',
			extra: { reference_1: 'order-1' },
			test: true,
			messages: [],
		});
		expect(s.address_to).toMatchObject(to);
		expect(s.parcels[0]).toMatchObject(parcel());
		expect(s.rates.map(formulaFields)).toEqual(shippoRatesFor(body));
		for (const rate of s.rates) {
			expect(rate.object_id).toMatch(hex32);
			expect(rate).toMatchObject({ shipment: s.object_id, messages: [], test: true });
		}
		expect(sh.violations).toEqual([]);

		expect((await get(`/shipments/${s.object_id}`)).json).toEqual(s);
		const rate = s.rates[2];
		expect((await get(`/rates/${rate.object_id}`)).json).toEqual(rate);
		const page = await get(`/shipments/${s.object_id}/rates?results=2&page=2`);
		expect(page.json.results).toEqual(s.rates.slice(2, 4));
		expect(page.json.previous).toBe(`${sh.url}/shipments/${s.object_id}/rates?page=1&results=2`);
		expect(page.json.next).toBe(`${sh.url}/shipments/${s.object_id}/rates?page=3&results=2`);
		const cad = await get(`/shipments/${s.object_id}/rates/CAD`);
		expect(cad.json.results[0]).toMatchObject({
			amount: s.rates[0].amount,
			currency: 'USD',
			currency_local: 'CAD',
		});
		expect(cad.json.results[0].amount_local).toBe(
			(Math.round(Number(s.rates[0].amount) * 137) / 100).toFixed(2),
		);
		expect((await get('/shipments/0123456789abcdef0123456789abcdef')).status).toBe(404);
		expect((await get('/rates/0123456789abcdef0123456789abcdef')).json).toEqual({
			detail: 'Not found.',
		});
	});

	test('GET /shipments pages newest first; trailing slash accepted', async () => {
		const ids = [];
		for (const m of ['a', 'b', 'c'])
			ids.push((await post('/shipments/', shipment({ metadata: m }))).json.object_id);
		const p1 = await get('/shipments?results=2');
		expect(p1.json.results.map((s) => s.object_id)).toEqual([ids[2], ids[1]]);
		expect(p1.json.previous).toBeNull();
		const p2 = await get('/shipments/?results=2&page=2');
		expect(p2.json.results.map((s) => s.metadata)).toEqual(['a']);
		expect(p2.json.next).toBeNull();
		expect(sh.violations).toEqual([]);
	});

	test('template parcels take the carrier template dimensions', async () => {
		const r = await post(
			'/shipments',
			shipment({ parcels: [{ template: 'USPS_SmallFlatRateBox', weight: '1', mass_unit: 'lb' }] }),
		);
		expect(r.status).toBe(201);
		expect(r.json.parcels[0]).toMatchObject({
			template: 'USPS_SmallFlatRateBox',
			length: '8.69',
			width: '5.44',
			height: '1.75',
			distance_unit: 'in',
		});
	});
});

describe('validation against public-api.yaml', () => {
	test('missing required field -> 400 {field: [msg]} and a violation', async () => {
		const { address_to, ...body } = shipment();
		const r = await post('/shipments', body);
		expect(r.status).toBe(400);
		expect(r.json).toEqual({ address_to: ['This field is required.'] });
		expect(sh.violations).toEqual([
			{ method: 'POST', path: '/shipments', errors: ['body.address_to is required'] },
		]);
		expect(Object.keys(sh.state.shipments)).toEqual([]);
	});

	test('wrong type (numeric weight) -> 400 naming the nested field', async () => {
		const r = await post('/shipments', shipment({ parcels: [{ ...parcel(), weight: 2 }] }));
		expect(r.status).toBe(400);
		expect(r.json.parcels).toContain('parcels.0.weight: Not a valid string.');
		expect(sh.violations[0].errors).toContain('body.parcels.0.weight must be string');
	});

	test('wrong enum (mass_unit) and query maximum (results > 100) -> 400', async () => {
		const r = await post('/shipments', shipment({ parcels: [parcel('2', 'pounds')] }));
		expect(r.status).toBe(400);
		expect(r.json.parcels[0]).toMatch(
			/^parcels\.0\.mass_unit: Not a valid choice \(must be one of: g, kg, lb, oz\)\.$/,
		);
		const q = await get('/carrier_accounts?results=500');
		expect(q.status).toBe(400);
		expect(q.json).toEqual({ results: ['Ensure this value is less than or equal to 100.'] });
		expect(sh.violations).toHaveLength(2);
	});

	test('missing auth -> 401 and a violation; other schemes -> 401 without violation', async () => {
		const r = await call(sh.url, 'GET', '/carrier_accounts', {});
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ detail: 'Authentication credentials were not provided.' });
		expect(sh.violations).toHaveLength(1);
		const bearer = await call(sh.url, 'GET', '/carrier_accounts', {
			headers: { authorization: 'Bearer abc' },
		});
		expect(bearer.status).toBe(401);
		expect(sh.violations).toHaveLength(1);
	});

	test('unknown route 404, wrong method 405, unimplemented spec operation 501', async () => {
		expect((await get('/shipmentz')).status).toBe(404);
		expect((await call(sh.url, 'DELETE', '/shipments', { headers: AUTH })).json).toEqual({
			detail: 'Method "DELETE" not allowed.',
		});
		expect(sh.violations).toHaveLength(2);
		const manifests = await get('/manifests');
		expect(manifests.status).toBe(501); // ListManifests: not implemented
		expect(sh.violations).toHaveLength(2);
	});
});

describe('carrier accounts and parcel templates', () => {
	test('GET /carrier_accounts honours results/page and carrier', async () => {
		const all = await get('/carrier_accounts');
		expect(all.json.results.map((a) => a.object_id)).toEqual(
			CARRIER_ACCOUNTS.map((a) => a.object_id),
		);
		expect(all.json.next).toBeNull();
		const p2 = await get('/carrier_accounts?results=1&page=2');
		expect(p2.json.results.map((a) => a.carrier)).toEqual(['ups']);
		expect(p2.json.next).toBe(`${sh.url}/carrier_accounts?page=3&results=1`);
		const ups = await get('/carrier_accounts?carrier=ups&service_levels=true');
		expect(ups.json.results).toHaveLength(2);
		expect(ups.json.results[0].service_levels.map((s) => s.token)).toContain('ups_ground');
		// every rate's carrier_account is one of the listed, active accounts
		const active = all.json.results.filter((a) => a.active).map((a) => a.object_id);
		for (const r of shippoRatesFor(shipment())) expect(active).toContain(r.carrier_account);
	});

	test('user parcel templates: list, create (custom and from carrier template), get, update, delete', async () => {
		const list = await get('/user-parcel-templates');
		expect(list.json.results).toHaveLength(2);
		const custom = await post('/user-parcel-templates', {
			name: 'Mailer',
			length: '12',
			width: '9',
			height: '1',
			distance_unit: 'in',
			weight: '0.3',
			weight_unit: 'lb',
		});
		expect(custom.status).toBe(200);
		expect(custom.json).toMatchObject({ name: 'Mailer', length: '12' });
		expect(custom.json.object_id).toMatch(hex32);
		const fromCarrier = await post('/user-parcel-templates', {
			template: 'USPS_MediumFlatRateBox1',
		});
		expect(fromCarrier.json).toMatchObject({
			name: 'Medium Flat Rate Box 1',
			template: { token: 'USPS_MediumFlatRateBox1' },
		});
		const id = custom.json.object_id;
		expect((await get(`/user-parcel-templates/${id}`)).json).toEqual(custom.json);
		const upd = await call(sh.url, 'PUT', `/user-parcel-templates/${id}`, {
			headers: AUTH,
			body: { name: 'Mailer L', length: '14', width: '9', height: '1', distance_unit: 'in' },
		});
		expect(upd.json).toMatchObject({ name: 'Mailer L', length: '14' });
		const del = await call(sh.url, 'DELETE', `/user-parcel-templates/${id}`, { headers: AUTH });
		expect(del.status).toBe(204);
		expect((await get(`/user-parcel-templates/${id}`)).status).toBe(404);
		expect((await get('/user-parcel-templates')).json.results).toHaveLength(3);
		const bad = await post('/user-parcel-templates', { name: 'No dims' });
		expect(bad.status).toBe(400);
		expect(sh.violations).toHaveLength(1);
	});

	test('GET /parcel-templates lists carrier templates, filterable by carrier', async () => {
		const all = await get('/parcel-templates');
		expect(all.json.results.length).toBeGreaterThanOrEqual(3);
		const usps = await get('/parcel-templates?carrier=usps');
		expect(usps.json.results.every((t) => t.carrier === 'USPS')).toBe(true);
		expect((await get('/parcel-templates/USPS_SmallFlatRateBox')).json.name).toBe(
			'Small Flat Rate Box',
		);
		// each token the stand-in knows is accepted by the spec's parcel template enum
		for (const t of all.json.results) {
			expect(
				(
					await post(
						'/shipments',
						shipment({ parcels: [{ template: t.token, weight: '1', mass_unit: 'lb' }] }),
					)
				).status,
			).toBe(201);
		}
		expect(sh.violations).toEqual([]);
	});
});

describe('Shippo stand-in: known API tokens', () => {
	it('refuses a token the account does not know when shippoTokens is set', async () => {
		const { startShippoStandin } = require('./index');
		const server = await startShippoStandin({ shippoTokens: ['shippo_test_known'] });
		try {
			const get = (token) =>
				fetch(`${server.url}/carrier_accounts`, { headers: { authorization: `ShippoToken ${token}` } });
			expect((await get('shippo_test_known')).status).toBe(200);
			const refused = await get('shippo_test_other');
			expect(refused.status).toBe(401);
			expect(await refused.json()).toEqual({ detail: 'Invalid token.' });
		} finally {
			await server.close();
		}
	});
});
