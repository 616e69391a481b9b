/**
 * Agency mode: an agency (Company) OAuth2 token is exchanged for a location token per location
 * (POST /oauth/locationToken), kept until shortly before it expires, exchanged again once on a
 * 401; Location → Get Many lists the installed locations with the agency token.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { clearLocationTokens, LOCATION_TOKEN_EARLY_RENEWAL_MS } from '../../../nodes/shared/highlevel/transport';
import { BASE_URL, FakeHighLevel, createExecuteContext, createNode, httpError } from './fakeHighLevel';

const AGENCY = {
	clientId: '6578278e879ad2646715ba9d-lx2k8j1v',
	oauthTokenData: { access_token: 'agency-access', userType: 'Company', companyId: 'company-1' },
};

interface Harness {
	fake: FakeHighLevel;
	exchanges: string[];
	/** `[token, method, url]` of every request sent as a location. */
	asLocation: Array<[string, string, string]>;
	agencyCalls: IHttpRequestOptions[];
	/** Reject the next location request sent with this token with a 401. */
	revoke: Set<string>;
}

function harness(): Harness {
	return { fake: new FakeHighLevel(), exchanges: [], asLocation: [], agencyCalls: [], revoke: new Set() };
}

async function runAgency(h: Harness, params: IDataObject, locations: IDataObject[] = []) {
	const { context } = createExecuteContext(h.fake, { params, credentials: AGENCY });
	const helpers = (context as unknown as { helpers: Record<string, unknown> }).helpers;
	helpers.httpRequestWithAuthentication = async (_type: string, request: IHttpRequestOptions) => {
		h.agencyCalls.push(request);
		const url = new URL(String(request.url));
		if (url.pathname === '/oauth/locationToken') {
			const form = new URLSearchParams(String(request.body));
			const locationId = String(form.get('locationId'));
			h.exchanges.push(locationId);
			return { access_token: `token-${locationId}-${h.exchanges.length}`, expires_in: 86399, locationId };
		}
		if (url.pathname === '/oauth/installedLocations') {
			const skip = Number(request.qs?.skip ?? 0);
			const limit = Number(request.qs?.limit ?? 100);
			return { locations: locations.slice(skip, skip + limit), count: locations.length };
		}
		throw httpError(401, { statusCode: 401, message: 'This authClass type is not allowed to access this scope' });
	};
	helpers.httpRequest = async (request: IHttpRequestOptions) => {
		const token = String((request.headers as IDataObject).Authorization).replace('Bearer ', '');
		h.asLocation.push([token, String(request.method), String(request.url)]);
		if (h.revoke.delete(token)) throw httpError(401, { statusCode: 401, message: 'Invalid JWT' });
		return await h.fake.handle('location-token', request);
	};
	return await createNode().execute.call(context as IExecuteFunctions);
}

const listCarriers = (locationId: string) => ({
	resource: 'shippingCarrier',
	operation: 'getAll',
	authentication: 'oAuth2',
	locationId,
	returnAll: true,
});

describe('HighLevel node with an agency token', () => {
	beforeEach(() => clearLocationTokens());
	afterEach(() => jest.restoreAllMocks());

	test("acts on each location with that location's token, exchanged once and reused", async () => {
		const h = harness();
		await runAgency(h, listCarriers('loc-A'));
		await runAgency(h, listCarriers('loc-A'));
		await runAgency(h, listCarriers('loc-B'));
		expect(h.exchanges).toEqual(['loc-A', 'loc-B']);
		expect(h.asLocation.map(([token]) => token)).toEqual(['token-loc-A-1', 'token-loc-A-1', 'token-loc-B-2']);
		const exchange = h.agencyCalls[0];
		expect(exchange).toMatchObject({
			method: 'POST',
			url: `${BASE_URL}/oauth/locationToken`,
			headers: expect.objectContaining({
				Version: '2021-07-28',
				'Content-Type': 'application/x-www-form-urlencoded',
			}),
		});
		expect(String(exchange.body)).toBe('companyId=company-1&locationId=loc-A');
	});

	test('exchanges again when the token is about to expire', async () => {
		const h = harness();
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		await runAgency(h, listCarriers('loc-A'));
		clock.mockReturnValue(now + 86399 * 1000 - LOCATION_TOKEN_EARLY_RENEWAL_MS + 1000);
		await runAgency(h, listCarriers('loc-A'));
		expect(h.exchanges).toEqual(['loc-A', 'loc-A']);
	});

	test('a 401 with a location token exchanges it again and retries once', async () => {
		const h = harness();
		await runAgency(h, listCarriers('loc-A'));
		h.revoke.add('token-loc-A-1');
		const [output] = await runAgency(h, listCarriers('loc-A'));
		expect(output).toEqual([]);
		expect(h.exchanges).toEqual(['loc-A', 'loc-A']);
		expect(h.asLocation.map(([token]) => token)).toEqual(['token-loc-A-1', 'token-loc-A-1', 'token-loc-A-2']);
	});

	test('a second 401 is an error, not a loop', async () => {
		const h = harness();
		h.revoke.add('token-loc-A-1');
		h.revoke.add('token-loc-A-2');
		await expect(runAgency(h, listCarriers('loc-A'))).rejects.toThrow(NodeApiError);
		expect(h.exchanges).toHaveLength(2);
	});

	test('Location → Get Many lists the installed locations with the agency token, for the app of the client id', async () => {
		const h = harness();
		const locations = Array.from({ length: 3 }, (_, i) => ({ _id: `loc-${i}`, name: `Store ${i}`, address: '' }));
		const [output] = await runAgency(
			h,
			{ resource: 'location', operation: 'getAll', authentication: 'oAuth2', returnAll: true, options: {} },
			locations,
		);
		expect(output.map((item) => item.json.locationId)).toEqual(['loc-0', 'loc-1', 'loc-2']);
		expect(h.agencyCalls[0].qs).toMatchObject({
			companyId: 'company-1',
			appId: '6578278e879ad2646715ba9d',
			isInstalled: true,
		});
		expect(h.exchanges).toEqual([]);
	});

	test('Location → Get Many with a location credential says it needs an agency credential', async () => {
		const fake = new FakeHighLevel();
		const { context } = createExecuteContext(fake, {
			params: { resource: 'location', operation: 'getAll', authentication: 'oAuth2', returnAll: true, options: {} },
		});
		await expect(createNode().execute.call(context)).rejects.toThrow(NodeOperationError);
		await expect(createNode().execute.call(context)).rejects.toThrow(/agency credential/);
	});
});
