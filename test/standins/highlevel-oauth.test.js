'use strict';
/** HighLevel stand-in: agency token → location tokens, installed locations, token kinds. */
const { startHighLevelStandin } = require('./index');
const { call } = require('./http-client');

const APP = '6578278e879ad2646715ba9d';
const AGENCY_TOKEN = 'agency-token-1';
const form = (fields) => new URLSearchParams(fields).toString();

describe('HighLevel stand-in OAuth', () => {
	let hl;
	const tokens = { [AGENCY_TOKEN]: { companyId: 'co-1', userType: 'Company' } };
	beforeAll(async () => {
		hl = await startHighLevelStandin({
			tokens,
			marketplaceAppId: APP,
			agencies: {
				'co-1': {
					locations: [
						{ _id: 'loc-A', name: 'Store A', address: '1 A St' },
						{ _id: 'loc-B', name: 'Store B', address: '2 B St' },
						{ _id: 'loc-C', name: 'Store C', address: '3 C St', isInstalled: false },
					],
				},
			},
			seed: { locations: { 'loc-A': { zones: [{ name: 'Domestic', countries: [{ code: 'US' }] }] } } },
		});
	});
	afterAll(() => hl.close());

	const exchange = (locationId, token = AGENCY_TOKEN) =>
		call(hl.url, 'POST', '/oauth/locationToken', {
			raw: form({ companyId: 'co-1', locationId }),
			headers: {
				authorization: `Bearer ${token}`,
				'content-type': 'application/x-www-form-urlencoded',
				version: '2021-07-28',
			},
		});

	test('an agency token gets a location token that works for that location only', async () => {
		const answer = await exchange('loc-A');
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ access_token: expect.any(String), expires_in: 86399, locationId: 'loc-A' });
		const auth = { authorization: `Bearer ${answer.json.access_token}`, version: '2021-07-28' };
		const own = await call(hl.url, 'GET', '/store/shipping-zone?altId=loc-A&altType=location', { headers: auth });
		expect(own.status).toBe(200);
		const other = await call(hl.url, 'GET', '/store/shipping-zone?altId=loc-B&altType=location', { headers: auth });
		expect(other.status).toBe(403);
		const minted = await call(hl.url, 'GET', '/__standin/oauth/location-tokens');
		expect(minted.json).toEqual([expect.objectContaining({ locationId: 'loc-A', token: answer.json.access_token })]);
		expect(hl.violations).toEqual([]);
	});

	test('the agency token itself is refused on location endpoints, and location tokens on /oauth', async () => {
		const agencyOnStore = await call(hl.url, 'GET', '/store/shipping-zone?altId=loc-A&altType=location', {
			headers: { authorization: `Bearer ${AGENCY_TOKEN}`, version: '2021-07-28' },
		});
		expect(agencyOnStore.status).toBe(401);
		expect(agencyOnStore.json.message).toMatch(/authClass/);
		const locationToken = (await exchange('loc-B')).json.access_token;
		expect((await exchange('loc-A', locationToken)).status).toBe(401);
	});

	test('no token for a location the app is not installed on; a JSON body is a spec violation', async () => {
		expect((await exchange('loc-C')).status).toBe(400);
		const before = hl.violations.length;
		const json = await call(hl.url, 'POST', '/oauth/locationToken', {
			body: { companyId: 'co-1', locationId: 'loc-A' },
			headers: { authorization: `Bearer ${AGENCY_TOKEN}`, version: '2021-07-28' },
		});
		expect(json.status).toBe(400);
		expect(hl.violations.length).toBe(before + 1);
	});

	test('installed locations: company and app checked, isInstalled filter, paging', async () => {
		const list = (qs) =>
			call(hl.url, 'GET', `/oauth/installedLocations?${new URLSearchParams(qs)}`, {
				headers: { authorization: `Bearer ${AGENCY_TOKEN}`, version: '2021-07-28' },
			});
		const installed = await list({ companyId: 'co-1', appId: APP, isInstalled: 'true' });
		expect(installed.json.locations.map((l) => l._id)).toEqual(['loc-A', 'loc-B']);
		const page = await list({ companyId: 'co-1', appId: APP, skip: '1', limit: '1' });
		expect(page.json).toMatchObject({ count: 3, locations: [{ _id: 'loc-B' }] });
		expect((await list({ companyId: 'co-1', appId: 'other' })).status).toBe(400);
		expect((await list({ appId: APP })).status).toBe(422);
	});
});
