/**
 * The Shipping Rates Trigger with Platform = LaunchMyStore: the same trigger, guard and Response
 * node as for HighLevel, through LaunchMyStore's implementation of the live-rate contract.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import fixture from '../../fixtures/launchmystore-rate-request.json';
import { ShippingRatesTrigger } from '../../../nodes/ShippingRatesTrigger/ShippingRatesTrigger.node';
import { resetAdmissionGates } from '../../../nodes/ShippingRatesTrigger/admission';
import { clearCredentialCache } from '../../../nodes/shared/credentials/credentialCache';
import { RateCallbackItemSchema } from '../../../nodes/shared/liveRates/platform';
import { buildAnswer } from '../../../nodes/ShippingRatesResponse/answer';
import { FakeResponse } from '../helpers/fakeResponse';

const SECRET = 'lms-client-secret';
const raw = Buffer.from(JSON.stringify(fixture));
const signature = (body: Buffer, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');
let credentials = { clientSecret: SECRET, appHandle: 'acme-shipping', accessToken: 'token', baseUrl: 'http://lms.test' };

function context(headers: Record<string, string>, overrides: Record<string, unknown> = {}) {
	const res = new FakeResponse();
	const parameters: Record<string, unknown> = {
		platform: 'launchMyStore',
		fallbackRates: { rate: [{ serviceName: 'Standard', amount: 99, estimatedDays: 5, serviceCode: 'std' }] },
		options: {},
		...overrides,
	};
	const asked: string[] = [];
	const ctx = {
		getRequestObject: () => ({ query: {}, headers, body: fixture, rawBody: raw }),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async (type: string) => {
			asked.push(type);
			return credentials;
		},
		getNode: () => ({
			name: 'Shipping Rates Trigger',
			type: 'shippingRatesTrigger',
			parameters,
			// A credential id puts the credential cache in play, as in n8n.
			credentials: { highLevelShippingLaunchMyStoreApi: { id: 'cred-lms', name: 'LaunchMyStore' } },
		}),
		getWorkflow: () => ({ id: 'wf-lms' }),
	} as unknown as IWebhookFunctions;
	return { ctx, res, asked };
}

beforeEach(() => {
	resetAdmissionGates();
	clearCredentialCache();
	credentials = { clientSecret: SECRET, appHandle: 'acme-shipping', accessToken: 'token', baseUrl: 'http://lms.test' };
});

afterEach(() => jest.restoreAllMocks());

describe('Shipping Rates Trigger, Platform LaunchMyStore', () => {
	const node = new ShippingRatesTrigger();

	it('emits the signed quote request as a canonical item of the shop, read with the LaunchMyStore credential', async () => {
		const { ctx, res, asked } = context({ 'x-lms-signature': signature(raw) });
		const before = Date.now();
		const result = await node.webhook.call(ctx);
		const item = result.workflowData?.[0]?.[0]?.json as IDataObject;
		expect(asked).toEqual(['highLevelShippingLaunchMyStoreApi']);
		expect(RateCallbackItemSchema.safeParse(item).success).toBe(true);
		expect(item).toMatchObject({
			platform: 'launchMyStore',
			locationId: 'raja337276',
			currency: 'INR',
			destination: { country: 'IN', postalCode: '400001', state: 'MH' },
			answerOptions: { serviceCodePrefix: 'acme-shipping' },
		});
		// LaunchMyStore's own default deadline (its dispatcher waits 5 s).
		expect(Number(item.deadlineAt) - Number(item.receivedAt)).toBe(4000);
		expect(Number(item.receivedAt)).toBeGreaterThanOrEqual(before);
		expect(res.headersSent).toBe(false);
	});

	it('answers 401 naming the header for a missing or wrong signature, and emits nothing', async () => {
		const cases: Array<Record<string, string>> = [{}, { 'x-lms-signature': signature(raw, 'other') }];
		for (const headers of cases) {
			const { ctx, res } = context(headers);
			const result = await node.webhook.call(ctx);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(res.statusCode).toBe(401);
			expect((res.parsed() as { error: string }).error).toMatch(/X-LMS-Signature/);
		}
	});

	it('answers through the Response node in LaunchMyStore format, with the app handle in service codes', async () => {
		const { ctx } = context({ 'x-lms-signature': signature(raw) });
		const result = await node.webhook.call(ctx);
		const item = result.workflowData?.[0]?.[0]?.json as IDataObject;
		const quotes = [
			{ carrier: 'Blue Dart', serviceName: 'Blue Dart Air', serviceCode: '1', amountMinor: 808500, currency: 'INR', maxDeliveryDays: 1 },
		];
		const answer = buildAnswer([{ ...item, quotes }], {
			quotesField: 'quotes',
			rules: {},
			nameFormat: 'service',
			useFallback: true,
			includeServiceCode: true,
		});
		expect(answer.platform).toBe('launchMyStore');
		expect(answer.body).toMatchObject({
			rates: [{ service_name: 'Blue Dart Air', service_code: 'acme-shipping-1', total_price: '8085.00', currency: 'INR' }],
		});
	});

	it('picks up a rotated client secret: refused with the kept credential, it authenticates again with one read afresh', async () => {
		const start = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
		const first = context({ 'x-lms-signature': signature(raw) });
		expect((await node.webhook.call(first.ctx)).workflowData).toBeDefined();
		expect(first.asked).toHaveLength(1);

		credentials = { ...credentials, clientSecret: 'rotated-secret' };
		const signedWithNew = { 'x-lms-signature': signature(raw, 'rotated-secret') };
		// Within 5 s of the last read the kept copy counts as fresh: refused without reading again.
		clock.mockReturnValue(start + 1_000);
		const soon = context(signedWithNew);
		await node.webhook.call(soon.ctx);
		expect(soon.res.statusCode).toBe(401);
		expect(soon.asked).toHaveLength(0);
		// Later: the kept copy refuses, the one read afresh accepts.
		clock.mockReturnValue(start + 6_000);
		const later = context(signedWithNew);
		expect((await node.webhook.call(later.ctx)).workflowData).toBeDefined();
		expect(later.asked).toEqual(['highLevelShippingLaunchMyStoreApi']);
	});

	it('registers nothing with HighLevel on activation', async () => {
		const calls: string[] = [];
		const hook = {
			getNodeParameter: (name: string, fallback?: unknown) => (name === 'platform' ? 'launchMyStore' : fallback),
			helpers: { httpRequestWithAuthentication: async () => calls.push('http') },
			getCredentials: async () => calls.push('credentials'),
		} as unknown as IHookFunctions;
		const methods = node.webhookMethods.default;
		expect(await methods.checkExists.call(hook)).toBe(true);
		expect(await methods.create.call(hook)).toBe(true);
		expect(await methods.delete.call(hook)).toBe(true);
		expect(calls).toEqual([]);
	});
});
