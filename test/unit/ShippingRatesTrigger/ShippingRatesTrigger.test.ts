import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import fixture from '../../fixtures/highlevel-rate-request.json';
import { ShippingRatesTrigger } from '../../../nodes/ShippingRatesTrigger/ShippingRatesTrigger.node';
import { answerCache } from '../../../nodes/ShippingRatesTrigger/answerCache';
import { admissionGateFor, resetAdmissionGates } from '../../../nodes/ShippingRatesTrigger/admission';
import { clearCredentialCache } from '../../../nodes/shared/credentials/credentialCache';
import { CACHEABLE_HEADER, SOURCE_HEADER } from '../../../nodes/shared/liveRates/headers';
import { RateCallbackItemSchema } from '../../../nodes/shared/liveRates/platform';
import { signLocation } from '../../../nodes/shared/signatures/callbackToken';
import { FakeResponse } from '../helpers/fakeResponse';

const SECRET = 'test-callback-secret';
const LOCATION = 'LOCATION_ID_HERE';
const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/abc/rates';

function params(overrides: Record<string, unknown> = {}) {
	return {
		authentication: 'oAuth2',
		registration: 'automatic',
		carrierName: 'Live Rates (n8n)',
		carrierServices: {},
		locationId: '',
		deadlineMs: 2500,
		fallbackRates: { rate: [{ serviceName: 'Standard', amount: 9.99, estimatedDays: 5, serviceCode: 'std' }] },
		options: {},
		...overrides,
	} as Record<string, unknown>;
}

const credentials = {
	callbackSecret: SECRET,
	baseUrl: 'http://hl.test',
	oauthTokenData: { locationId: LOCATION },
};

function webhookContext(query: Record<string, unknown>, body: unknown, overrides: Record<string, unknown> = {}) {
	const res = new FakeResponse();
	const p = params(overrides);
	const ctx = {
		getRequestObject: () => ({ query, body, rawBody: Buffer.from(JSON.stringify(body)) }),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) => (name in p ? p[name] : fallback),
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'Shipping Rates Trigger', type: 'shippingRatesTrigger' }),
		getWorkflow: () => ({ id: 'wf-1' }),
	} as unknown as IWebhookFunctions;
	return { ctx, res };
}

const validQuery = () => ({ loc: LOCATION, t: signLocation(SECRET, LOCATION) });

beforeEach(() => {
	resetAdmissionGates();
	clearCredentialCache();
});

const gateOfTestTrigger = () => admissionGateFor('wf-1\nShipping Rates Trigger', { maxInFlight: 2, holdMs: 60_000 });

describe('Shipping Rates Trigger webhook', () => {
	const node = new ShippingRatesTrigger();

	it('emits one canonical rate request for the documented HighLevel body', async () => {
		const { ctx, res } = webhookContext(validQuery(), fixture);
		const before = Date.now();
		const result = await node.webhook.call(ctx);
		const item = result.workflowData?.[0]?.[0]?.json as IDataObject & { items: IDataObject[]; deadlineAt: number; receivedAt: number };
		expect(item.locationId).toBe(LOCATION);
		expect(item.platform).toBe('highLevel');
		expect(RateCallbackItemSchema.safeParse(item).success).toBe(true);
		expect(item.currency).toBe('USD');
		expect(item.destination).toMatchObject({ street1: '456 Destination Ave', postalCode: '10001', country: 'US' });
		expect(item.items).toHaveLength(2);
		expect(item.items[0]).toMatchObject({ quantity: 2, unitWeightGrams: 500, unitPriceMinor: 2500, priceId: 'HL_PRICE_ID_1' });
		expect(item.deadlineAt - item.receivedAt).toBe(2500);
		expect(item.receivedAt).toBeGreaterThanOrEqual(before);
		expect(item.fallbackRates).toEqual([
			expect.objectContaining({ serviceName: 'Standard', amountMinor: 999, currency: 'USD', maxDeliveryDays: 5, source: 'fallback' }),
		]);
		expect(res.headersSent).toBe(false);
		expect(item.rawBody).toBeUndefined();
	});

	it('accepts a token to which HighLevel appended /rates', async () => {
		const query = validQuery();
		const { ctx } = webhookContext({ loc: query.loc, t: `${query.t}/rates` }, fixture);
		const result = await node.webhook.call(ctx);
		expect(result.workflowData).toBeDefined();
	});

	it.each([
		['no token', { loc: LOCATION }],
		['a wrong token', { loc: LOCATION, t: signLocation('other-secret', LOCATION) }],
		['a token signed for another location', { loc: 'OTHER', t: signLocation(SECRET, 'OTHER-2') }],
	])('answers 401 with a reason for %s and emits nothing', async (_label, query) => {
		const { ctx, res } = webhookContext(query, fixture);
		const result = await node.webhook.call(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(401);
		expect((res.parsed() as { error: string }).error).toMatch(/token/);
	});

	it('answers 401 when the body names another location than the signed URL', async () => {
		const query = { loc: 'LOC-B', t: signLocation(SECRET, 'LOC-B') };
		const { ctx, res } = webhookContext(query, fixture);
		await node.webhook.call(ctx);
		expect(res.statusCode).toBe(401);
		expect(res.body).toMatch(/another location/);
	});

	it('answers 400 naming the field when the body cannot be parsed', async () => {
		const body = { rate: { ...fixture.rate, items: [] } };
		const { ctx, res } = webhookContext(validQuery(), body);
		const result = await node.webhook.call(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(400);
		expect(res.parsed()).toEqual({ error: expect.stringMatching(/items/), field: 'items' });
	});

	it('adds the raw body when asked to', async () => {
		const { ctx } = webhookContext(validQuery(), fixture, { options: { includeRawBody: true } });
		const result = await node.webhook.call(ctx);
		expect(JSON.parse(String(result.workflowData?.[0]?.[0]?.json.rawBody))).toEqual(fixture);
	});

	describe('fail-open guard', () => {
		it("passes the workflow's rates through", async () => {
			const { ctx, res } = webhookContext(validQuery(), fixture);
			await node.webhook.call(ctx);
			res.status(200).json({ rates: [{ serviceName: 'X', amount: 1, currency: 'USD' }] });
			expect(res.parsed()).toEqual({ rates: [{ serviceName: 'X', amount: 1, currency: 'USD' }] });
			expect(res.headers[SOURCE_HEADER]).toBe('workflow');
		});

		it("replaces n8n's 500 'Error in workflow' with the fallback rates and status 200", async () => {
			const { ctx, res } = webhookContext(validQuery(), fixture);
			await node.webhook.call(ctx);
			res.status(500);
			res.setHeader('x-other', '1');
			res.json({ message: 'Error in workflow' });
			expect(res.statusCode).toBe(200);
			expect(res.parsed()).toEqual({
				rates: [{ serviceName: 'Standard', amount: 9.99, currency: 'USD', estimatedDays: 5, serviceCode: 'std' }],
			});
			expect(res.headers[SOURCE_HEADER]).toBe('fallback-error');
		});

		it('replaces an answer without a rates array, and an empty end()', async () => {
			const first = webhookContext(validQuery(), fixture);
			await node.webhook.call(first.ctx);
			first.res.send('Workflow executed successfully');
			expect((first.res.parsed() as { rates: unknown[] }).rates).toHaveLength(1);

			const second = webhookContext(validQuery(), fixture, { fallbackRates: {} });
			await node.webhook.call(second.ctx);
			second.res.end();
			expect(second.res.parsed()).toEqual({ rates: [] });
		});

		it("drops n8n's late setHeaders after the deadline answer (no 'Cannot set headers after they are sent')", async () => {
			const { ctx, res } = webhookContext(validQuery(), fixture, { deadlineMs: 100 });
			await node.webhook.call(ctx);
			await sleep(60);
			expect(res.headers[SOURCE_HEADER]).toBe('fallback-deadline');
			// What n8n's response-node relay does when the Shipping Rates Response node answers late.
			expect(() => {
				res.status(200);
				(res as unknown as { setHeaders(h: Map<string, string>): void }).setHeaders(
					new Map([['content-type', 'application/json'], [CACHEABLE_HEADER, 'true']]),
				);
				res.json({ rates: [] });
			}).not.toThrow();
			expect(res.writes).toBe(1);
		});

		it('passes headers n8n sets with setHeaders before the answer', async () => {
			const { ctx, res } = webhookContext(validQuery(), fixture);
			await node.webhook.call(ctx);
			(res as unknown as { setHeaders(h: Map<string, string>): void }).setHeaders(new Map([['x-extra', 'yes']]));
			res.status(200).json({ rates: [{ serviceName: 'X', amount: 1, currency: 'USD' }] });
			expect(res.headers['x-extra']).toBe('yes');
			expect(res.headers[SOURCE_HEADER]).toBe('workflow');
		});

		it('answers the fallback at the deadline and ignores the late answer', async () => {
			const { ctx, res } = webhookContext(validQuery(), fixture, { deadlineMs: 100 });
			const started = Date.now();
			await node.webhook.call(ctx);
			expect(res.headersSent).toBe(false);
			await sleep(160);
			expect(res.headersSent).toBe(true);
			expect(res.headers[SOURCE_HEADER]).toBe('fallback-deadline');
			expect(Date.now() - started).toBeLessThan(400);
			expect(() => {
				res.status(200);
				res.setHeader('content-type', 'application/json');
				res.json({ rates: [] });
				res.end();
			}).not.toThrow();
			expect(res.writes).toBe(1);
			expect((res.parsed() as { rates: unknown[] }).rates).toHaveLength(1);
		});
	});
});

describe('Shipping Rates Trigger admission control', () => {
	const node = new ShippingRatesTrigger();
	const bounded = (extra: Record<string, unknown> = {}) => ({ options: { maxInFlight: 2, ...extra } });
	const carrierAnswer = { rates: [{ serviceName: 'USPS Ground', amount: 7.99, currency: 'USD' }] };

	async function admit(overrides = bounded()) {
		const call = webhookContext(validQuery(), fixture, overrides);
		const result = await node.webhook.call(call.ctx);
		return { ...call, result };
	}

	it('starts at most Max Executions in Flight executions; beyond it answers the fallback at once, with no execution', async () => {
		const first = await admit();
		const second = await admit();
		expect(first.result.workflowData).toBeDefined();
		expect(second.result.workflowData).toBeDefined();
		expect(gateOfTestTrigger().inFlight).toBe(2);

		const third = await admit();
		expect(third.result).toEqual({ noWebhookResponse: true });
		expect(third.res.statusCode).toBe(200);
		expect(third.res.headers[SOURCE_HEADER]).toBe('fallback-overload');
		expect(third.res.parsed()).toEqual({
			rates: [{ serviceName: 'Standard', amount: 9.99, currency: 'USD', estimatedDays: 5, serviceCode: 'std' }],
		});
		first.res.status(200).json(carrierAnswer);
		second.res.status(200).json(carrierAnswer);
	});

	it('answers from the answer cache when every slot is taken', async () => {
		answerCache.clear();
		const options = bounded({ answerCacheSeconds: 60 });
		const warm = await admit(options);
		warm.res.status(200).setHeader(CACHEABLE_HEADER, 'true');
		warm.res.json(carrierAnswer);
		const busy = [await admit(bounded()), await admit(bounded())];
		expect(gateOfTestTrigger().inFlight).toBe(2);
		const cached = await admit(options);
		expect(cached.result).toEqual({ noWebhookResponse: true });
		expect(cached.res.headers[SOURCE_HEADER]).toBe('cache');
		expect(cached.res.parsed()).toEqual(carrierAnswer);
		busy.forEach((call) => call.res.status(200).json(carrierAnswer));
		answerCache.clear();
	});

	it("gives the slot back when the workflow answers (success)", async () => {
		const call = await admit();
		expect(gateOfTestTrigger().inFlight).toBe(1);
		call.res.status(200).json(carrierAnswer);
		expect(gateOfTestTrigger().inFlight).toBe(0);
	});

	it("gives the slot back when n8n answers that the workflow failed (error)", async () => {
		const call = await admit();
		call.res.status(500).json({ message: 'Error in workflow' });
		expect(call.res.headers[SOURCE_HEADER]).toBe('fallback-error');
		expect(gateOfTestTrigger().inFlight).toBe(0);
	});

	it('keeps the slot past the deadline answer until the execution ends, then gives it back (deadline)', async () => {
		const oneSlot = { deadlineMs: 100, options: { maxInFlight: 1 } };
		const call = await admit(oneSlot);
		await sleep(60);
		expect(call.res.headers[SOURCE_HEADER]).toBe('fallback-deadline');
		// The caller has its answer, but the execution still runs: no new one is admitted.
		expect((await admit(oneSlot)).res.headers[SOURCE_HEADER]).toBe('fallback-overload');
		// n8n writes the execution's late answer when it ends: the slot comes back.
		call.res.status(200).json(carrierAnswer);
		expect((await admit(oneSlot)).result.workflowData).toBeDefined();
	});

	it('of 10 concurrent callbacks with a bound of 2, starts 2 executions and answers 8 at once with fallback-overload', async () => {
		const calls = await Promise.all(Array.from({ length: 10 }, () => admit()));
		expect(calls.filter((c) => c.result.workflowData).length).toBe(2);
		expect(calls.filter((c) => c.res.headers[SOURCE_HEADER] === 'fallback-overload').length).toBe(8);
		calls.filter((c) => c.result.workflowData).forEach((c) => c.res.status(200).json(carrierAnswer));
		expect(gateOfTestTrigger().inFlight).toBe(0);
	});
});

describe('Shipping Rates Trigger answer cache', () => {
	const node = new ShippingRatesTrigger();
	const carrierAnswer = { rates: [{ serviceName: 'USPS Ground', amount: 7.99, currency: 'USD' }] };
	const cacheOn = { options: { answerCacheSeconds: 60 } };

	beforeEach(() => answerCache.clear());

	async function answerFromWorkflow(overrides: Record<string, unknown>, cacheable: boolean, body = fixture) {
		const { ctx, res } = webhookContext(validQuery(), body, overrides);
		const result = await node.webhook.call(ctx);
		expect(result.workflowData).toBeDefined();
		res.status(200);
		if (cacheable) res.setHeader(CACHEABLE_HEADER, 'true');
		res.json(carrierAnswer);
	}

	it('answers an identical cart from the cache without running the workflow', async () => {
		await answerFromWorkflow(cacheOn, true);
		const { ctx, res } = webhookContext(validQuery(), fixture, cacheOn);
		const result = await node.webhook.call(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(200);
		expect(res.parsed()).toEqual(carrierAnswer);
		expect(res.headers[SOURCE_HEADER]).toBe('cache');
	});

	it('runs the workflow for a different cart', async () => {
		await answerFromWorkflow(cacheOn, true);
		const other = JSON.parse(JSON.stringify(fixture));
		other.rate.destination.zip = '94105';
		const { ctx } = webhookContext(validQuery(), other, cacheOn);
		expect((await node.webhook.call(ctx)).workflowData).toBeDefined();
	});

	it('never keeps fallback answers or answers not marked cacheable', async () => {
		await answerFromWorkflow(cacheOn, false);
		const again = webhookContext(validQuery(), fixture, cacheOn);
		expect((await node.webhook.call(again.ctx)).workflowData).toBeDefined();
		again.res.status(500).json({ message: 'Error in workflow' });
		expect(again.res.headers[SOURCE_HEADER]).toBe('fallback-error');
		const third = webhookContext(validQuery(), fixture, cacheOn);
		expect((await node.webhook.call(third.ctx)).workflowData).toBeDefined();
		expect(answerCache.size).toBe(0);
	});

	it('is off by default', async () => {
		await answerFromWorkflow({}, true);
		const { ctx } = webhookContext(validQuery(), fixture);
		expect((await node.webhook.call(ctx)).workflowData).toBeDefined();
		expect(answerCache.size).toBe(0);
	});

	it('checks the signed URL before answering from the cache', async () => {
		await answerFromWorkflow(cacheOn, true);
		const { ctx, res } = webhookContext({ loc: LOCATION, t: 'wrong' }, fixture, cacheOn);
		await node.webhook.call(ctx);
		expect(res.statusCode).toBe(401);
	});
});

describe('Shipping Rates Trigger carrier registration (webhookMethods)', () => {
	const node = new ShippingRatesTrigger();

	function hookContext(carriers: Array<Record<string, unknown>>, overrides: Record<string, unknown> = {}) {
		const p = params(overrides);
		const calls: IDataObject[] = [];
		const request = jest.fn(async (_type: string, options: IDataObject) => {
			calls.push(options);
			const path = new URL(String(options.url)).pathname;
			if (options.method === 'GET') return { status: true, data: carriers };
			if (options.method === 'POST') return { status: true, data: { _id: 'new-carrier', ...(options.body as IDataObject) } };
			if (options.method === 'PUT') return { status: true, data: { _id: path.split('/').pop() } };
			if (options.method === 'DELETE') {
				if (path.endsWith('/gone')) {
					throw Object.assign(new Error('Not Found'), { httpCode: '404', response: { status: 404, data: { statusCode: 404, message: 'Not found' } } });
				}
				return { status: true };
			}
			throw new Error('unexpected');
		});
		const ctx = {
			getNodeWebhookUrl: () => WEBHOOK_URL,
			getNodeParameter: (name: string, fallback?: unknown) => (name in p ? p[name] : fallback),
			getCredentials: async () => credentials,
			getNode: () => ({ name: 'Shipping Rates Trigger' }),
			helpers: { httpRequestWithAuthentication: request },
		} as unknown as IHookFunctions;
		return { ctx, calls, request };
	}

	const signedUrl = `${WEBHOOK_URL}?loc=${LOCATION}&t=${signLocation(SECRET, LOCATION)}`;

	it('checkExists is false when no carrier points at this trigger', async () => {
		const { ctx, calls } = hookContext([{ _id: 'c1', name: 'Other', callbackUrl: 'https://other.example/rates' }]);
		await expect(node.webhookMethods.default.checkExists.call(ctx)).resolves.toBe(false);
		expect(calls[0]).toMatchObject({
			method: 'GET',
			url: 'http://hl.test/store/shipping-carrier',
			qs: { altId: LOCATION, altType: 'location' },
			headers: expect.objectContaining({ Version: '2021-07-28' }),
		});
	});

	it('checkExists is true when the signed URL and name are registered', async () => {
		const { ctx } = hookContext([{ _id: 'c1', name: 'Live Rates (n8n)', callbackUrl: signedUrl }]);
		await expect(node.webhookMethods.default.checkExists.call(ctx)).resolves.toBe(true);
	});

	it('create registers a carrier with the signed callback URL', async () => {
		const { ctx, calls, request } = hookContext([]);
		await expect(node.webhookMethods.default.create.call(ctx)).resolves.toBe(true);
		expect(request.mock.calls[1][0]).toBe('highLevelShippingOAuth2Api');
		expect(calls[1]).toMatchObject({
			method: 'POST',
			url: 'http://hl.test/store/shipping-carrier',
			body: { altId: LOCATION, altType: 'location', name: 'Live Rates (n8n)', callbackUrl: signedUrl },
		});
	});

	it('create updates the carrier already registered for this URL (token changed) instead of adding one', async () => {
		const { ctx, calls } = hookContext([
			{ _id: 'mine', name: 'Old name', callbackUrl: `${WEBHOOK_URL}?loc=${LOCATION}&t=stale` },
			{ _id: 'theirs', name: 'Other', callbackUrl: 'https://other.example/rates' },
		]);
		await node.webhookMethods.default.create.call(ctx);
		expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
		expect(calls[1]).toMatchObject({ url: 'http://hl.test/store/shipping-carrier/mine', body: { callbackUrl: signedUrl } });
	});

	it('delete removes only this trigger’s carriers and tolerates one already gone', async () => {
		const { ctx, calls } = hookContext([
			{ _id: 'mine', callbackUrl: signedUrl },
			{ _id: 'gone', callbackUrl: `${WEBHOOK_URL}/rates?loc=${LOCATION}&t=x` },
			{ _id: 'theirs', callbackUrl: 'https://other.example/rates' },
		]);
		await expect(node.webhookMethods.default.delete.call(ctx)).resolves.toBe(true);
		const deletes = calls.filter((c) => c.method === 'DELETE').map((c) => new URL(String(c.url)).pathname);
		expect(deletes).toEqual(['/store/shipping-carrier/mine', '/store/shipping-carrier/gone']);
	});

	it('does not call HighLevel when registration is left to an install workflow', async () => {
		const { ctx, request } = hookContext([], { registration: 'installWorkflow' });
		await expect(node.webhookMethods.default.checkExists.call(ctx)).resolves.toBe(true);
		await expect(node.webhookMethods.default.create.call(ctx)).resolves.toBe(true);
		await expect(node.webhookMethods.default.delete.call(ctx)).resolves.toBe(true);
		expect(request).not.toHaveBeenCalled();
	});
});
