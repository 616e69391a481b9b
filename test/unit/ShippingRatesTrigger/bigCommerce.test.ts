/**
 * The Shipping Rates Trigger with Platform = BigCommerce: the Quote URL (rates path) and the Check
 * Connection Options URL (check-connection path, webhook name `setup`), through the same guard,
 * and answered by the Shipping Rates Response node.
 */
import type { IDataObject, IExecuteFunctions, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import fixture from '../../fixtures/bigcommerce-rate-request.json';
import { ShippingRatesTrigger } from '../../../nodes/ShippingRatesTrigger/ShippingRatesTrigger.node';
import { resetAdmissionGates } from '../../../nodes/ShippingRatesTrigger/admission';
import { ShippingRatesResponse } from '../../../nodes/ShippingRatesResponse/ShippingRatesResponse.node';
import { buildConnectionCheckAnswer, connectionCheckItemOf } from '../../../nodes/ShippingRatesResponse/connectionCheck';
import { clearCredentialCache } from '../../../nodes/shared/credentials/credentialCache';
import { SOURCE_HEADER } from '../../../nodes/shared/liveRates/headers';
import { RateCallbackItemSchema } from '../../../nodes/shared/liveRates/platform';
import { signLocation } from '../../../nodes/shared/signatures/callbackToken';
import { FakeResponse } from '../helpers/fakeResponse';

const SECRET = 'bc-callback-secret';
const STORE = 'ru7t7fv9';
const CREDENTIAL_TYPE = 'highLevelShippingBigCommerceApi';
let credentials: Record<string, unknown>;

interface Call {
	webhook?: 'default' | 'setup';
	query?: Record<string, unknown>;
	headers?: Record<string, string>;
	body?: unknown;
	parameters?: Record<string, unknown>;
}

const signedQuery = (store = STORE) => ({ loc: store, t: signLocation(SECRET, store) });

function context(call: Call = {}) {
	const res = new FakeResponse();
	const parameters: Record<string, unknown> = {
		platform: 'bigCommerce',
		fallbackRates: { rate: [{ serviceName: 'Standard', amount: 9.99, estimatedDays: 5, serviceCode: 'std' }] },
		options: {},
		...call.parameters,
	};
	const body = call.body ?? fixture;
	const asked: string[] = [];
	const ctx = {
		getWebhookName: () => call.webhook ?? 'default',
		getRequestObject: () => ({
			query: call.query ?? signedQuery(),
			headers: call.headers ?? {},
			body,
			rawBody: Buffer.from(JSON.stringify(body)),
		}),
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
			credentials: { [CREDENTIAL_TYPE]: { id: 'cred-bc', name: 'BigCommerce' } },
		}),
		getWorkflow: () => ({ id: 'wf-bc' }),
	} as unknown as IWebhookFunctions;
	return { ctx, res, asked };
}

/** Runs the Shipping Rates Response node on `items`, relaying its answer to `res` as n8n does. */
async function respond(res: FakeResponse, items: IDataObject[]) {
	const node = new ShippingRatesResponse();
	const ctx = {
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (_name: string, _index: number, fallback?: unknown) => fallback,
		getNode: () => ({ name: 'Shipping Rates Response' }),
		sendResponse: async (response: { body: unknown; statusCode: number }) => {
			res.status(response.statusCode).json(response.body);
		},
		continueOnFail: () => false,
	} as unknown as IExecuteFunctions;
	return await node.execute.call(ctx);
}

const errorBody = (text: RegExp | string, quoteId: unknown = 'error') => ({
	quote_id: quoteId,
	messages: [{ type: 'ERROR', text: typeof text === 'string' ? text : expect.stringMatching(text) }],
	carrier_quotes: [],
});

beforeEach(() => {
	resetAdmissionGates();
	clearCredentialCache();
	credentials = { storeHash: STORE, accessToken: 'bc-token', baseUrl: 'http://bc.test', callbackSecret: SECRET, headerSecret: '' };
});

describe('Shipping Rates Trigger, Platform BigCommerce: description', () => {
	const { description } = new ShippingRatesTrigger();

	it('lists BigCommerce, requires its credential for it, and names it in the texts', () => {
		const platform = description.properties.find((p) => p.name === 'platform');
		expect(platform?.options).toContainEqual({ name: 'BigCommerce', value: 'bigCommerce' });
		expect(description.credentials).toContainEqual({
			name: CREDENTIAL_TYPE,
			required: true,
			displayOptions: { show: { platform: ['bigCommerce'] } },
		});
		expect(description.description).toMatch(/BigCommerce/);
		expect(description.subtitle).toMatch(/BigCommerce live rates/);
		const deadline = description.properties.find((p) => p.name === 'deadlineMs' && p.displayOptions?.show?.platform?.[0] === 'bigCommerce');
		expect(deadline?.default).toBe(2500);
	});

	it('serves the rates paths and a check-connection path under its own webhook name', () => {
		expect(description.webhooks?.map((w) => [w.name, w.path, w.httpMethod, w.responseMode])).toEqual([
			['default', 'rates', 'POST', 'responseNode'],
			['default', 'rates/rates', 'POST', 'responseNode'],
			['setup', 'check-connection', 'POST', 'responseNode'],
		]);
		// n8n runs activation methods by webhook name: none for the check-connection path.
		expect(Object.keys(new ShippingRatesTrigger().webhookMethods)).toEqual(['default']);
	});

	it('registers nothing with HighLevel on activation', async () => {
		const calls: string[] = [];
		const hook = {
			getNodeParameter: (name: string, fallback?: unknown) => (name === 'platform' ? 'bigCommerce' : fallback),
			helpers: { httpRequestWithAuthentication: async () => calls.push('http') },
			getCredentials: async () => calls.push('credentials'),
		} as unknown as IHookFunctions;
		const methods = new ShippingRatesTrigger().webhookMethods.default;
		expect(await methods.checkExists.call(hook)).toBe(true);
		expect(await methods.create.call(hook)).toBe(true);
		expect(await methods.delete.call(hook)).toBe(true);
		expect(calls).toEqual([]);
	});
});

describe('Shipping Rates Trigger, Platform BigCommerce: quote requests', () => {
	const node = new ShippingRatesTrigger();

	it('emits the documented request as a canonical item with the merchant options, read with the BigCommerce credential', async () => {
		const { ctx, res, asked } = context();
		const result = await node.webhook.call(ctx);
		const item = result.workflowData?.[0]?.[0]?.json as IDataObject;
		expect(asked).toEqual([CREDENTIAL_TYPE]);
		expect(RateCallbackItemSchema.safeParse(item).success).toBe(true);
		expect(item).toMatchObject({
			platform: 'bigCommerce',
			locationId: STORE,
			currency: 'USD',
			items: [{ unitWeightGrams: 28.349523125, unitPriceMinor: 1000, dimensions: { lengthMm: 25.4 } }],
			platformContext: { connection_options: { key: 'userKey', account_number: 'userAccountNumber' } },
			answerOptions: { quoteId: expect.stringMatching(/^8-[0-9a-f]{12}$/) },
		});
		expect(item.kind).toBeUndefined();
		expect(Number(item.deadlineAt) - Number(item.receivedAt)).toBe(2500);
		expect(res.headersSent).toBe(false);
	});

	it('answers 401 in BigCommerce error shape for an unsigned URL, and emits nothing', async () => {
		const { ctx, res } = context({ query: { loc: STORE, t: 'forged' } });
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(401);
		expect(res.parsed()).toEqual(errorBody('invalid or missing callback token (query parameters loc and t)'));
	});

	it('answers 401 when the body names another store than the signed URL', async () => {
		const body = { ...fixture, base_options: { ...fixture.base_options, store_id: 'another-store' } };
		const { ctx, res } = context({ body });
		await node.webhook.call(ctx);
		expect(res.statusCode).toBe(401);
		expect(res.parsed()).toEqual(errorBody(/another location \(store\)/, expect.stringMatching(/^8-/)));
	});

	it('answers 400 naming the field of an unreadable body', async () => {
		const item = { ...fixture.base_options.items[0], weight: { units: 'stone', value: 1 } };
		const body = { ...fixture, base_options: { ...fixture.base_options, items: [item] } };
		const { ctx, res } = context({ body });
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(400);
		expect(res.parsed()).toEqual(errorBody(/^base_options\.items\[0\]\.weight\.units: /, expect.stringMatching(/^8-/)));
	});

	it('with a Header Secret, refuses a call without X-Shipping-Secret and accepts one with it', async () => {
		credentials = { ...credentials, headerSecret: 'hdr' };
		const refused = context();
		await node.webhook.call(refused.ctx);
		expect(refused.res.statusCode).toBe(401);
		expect(refused.res.parsed()).toEqual(errorBody('invalid or missing X-Shipping-Secret header'));
		const accepted = context({ headers: { 'x-shipping-secret': 'hdr' } });
		expect((await node.webhook.call(accepted.ctx)).workflowData).toBeDefined();
	});

	it('answers through the Response node in carrier_quotes format, with the quote id of the request', async () => {
		const { ctx, res } = context();
		const item = (await node.webhook.call(ctx)).workflowData?.[0]?.[0]?.json as IDataObject;
		const quotes = [
			{ carrier: 'FedEx', serviceName: 'Ground', serviceCode: 'GND', amountMinor: 853, currency: 'USD', maxDeliveryDays: 3 },
			{ carrier: 'USPS', serviceName: 'Priority Mail', serviceCode: 'usps_priority', amountMinor: 635, currency: 'USD', maxDeliveryDays: 1 },
		];
		await respond(res, [{ ...item, quotes }]);
		expect(res.headers[SOURCE_HEADER]).toBe('workflow');
		expect(res.parsed()).toEqual({
			quote_id: (item.answerOptions as IDataObject).quoteId,
			messages: [],
			carrier_quotes: [
				{
					carrier_info: { code: 'usps', display_name: 'USPS' },
					quotes: [expect.objectContaining({ code: 'usps_priority', display_name: 'USPS Priority Mail', cost: { currency: 'USD', amount: 6.35 } })],
				},
				{
					carrier_info: { code: 'fedex', display_name: 'FedEx' },
					quotes: [expect.objectContaining({ code: 'GND', cost: { currency: 'USD', amount: 8.53 }, transit_time: { units: 'BUSINESS_DAYS', duration: 3 } })],
				},
			],
		});
	});

	it("replaces n8n's 500 with the fallback rates as carrier_quotes", async () => {
		const { ctx, res } = context();
		await node.webhook.call(ctx);
		res.status(500).json({ message: 'Error in workflow' });
		expect(res.statusCode).toBe(200);
		expect(res.headers[SOURCE_HEADER]).toBe('fallback-error');
		expect(res.parsed()).toEqual({
			quote_id: expect.stringMatching(/^8-[0-9a-f]{12}$/),
			messages: [],
			carrier_quotes: [
				{
					carrier_info: { code: 'fallback', display_name: 'Fallback' },
					quotes: [
						{
							code: 'std',
							rate_id: expect.any(String),
							display_name: 'Standard',
							cost: { currency: 'USD', amount: 9.99 },
							transit_time: { units: 'BUSINESS_DAYS', duration: 5 },
						},
					],
				},
			],
		});
	});

	it('answers the fallback rates at the deadline', async () => {
		const { ctx, res } = context({ parameters: { deadlineMs: 300 } });
		await node.webhook.call(ctx);
		await sleep(120);
		expect(res.headers[SOURCE_HEADER]).toBe('fallback-deadline');
		expect((res.parsed() as { carrier_quotes: unknown[] }).carrier_quotes).toHaveLength(1);
	});
});

describe('Shipping Rates Trigger, Platform BigCommerce: Check Connection Options', () => {
	const node = new ShippingRatesTrigger();
	const checkBody = { connection_options: { account_id: 'a1ty' } };
	const check = (call: Call = {}) => context({ webhook: 'setup', body: checkBody, ...call });

	it('emits one check item with the connection options, and no rate request', async () => {
		const { ctx, res, asked } = check();
		const before = Date.now();
		const result = await node.webhook.call(ctx);
		expect(result.workflowData?.[0]).toHaveLength(1);
		const item = result.workflowData?.[0]?.[0]?.json as IDataObject;
		expect(asked).toEqual([CREDENTIAL_TYPE]);
		expect(item).toEqual({
			kind: 'checkConnectionOptions',
			platform: 'bigCommerce',
			locationId: STORE,
			connectionOptions: { account_id: 'a1ty' },
			receivedAt: expect.any(Number),
			deadlineAt: Number(item.receivedAt) + 2500,
		});
		expect(Number(item.receivedAt)).toBeGreaterThanOrEqual(before);
		expect(res.headersSent).toBe(false);
	});

	it('answers the valid and messages the workflow set, through the Response node', async () => {
		const { ctx, res } = check();
		const item = (await node.webhook.call(ctx)).workflowData?.[0]?.[0]?.json as IDataObject;
		const [[out]] = await respond(res, [{ ...item, valid: false, messages: [{ type: 'error', text: 'Your account ID is invalid' }] }]);
		expect(res.statusCode).toBe(200);
		expect(res.headers[SOURCE_HEADER]).toBe('workflow');
		expect(res.parsed()).toEqual({ valid: false, messages: [{ type: 'ERROR', text: 'Your account ID is invalid' }] });
		expect(out.json).toEqual({ valid: false, messages: [{ type: 'ERROR', text: 'Your account ID is invalid' }] });
		expect(out.pairedItem).toEqual([{ item: 0 }]);
	});

	it('answers valid: false with an ERROR naming the field when the workflow set no valid', async () => {
		const { ctx, res } = check();
		const item = (await node.webhook.call(ctx)).workflowData?.[0]?.[0]?.json as IDataObject;
		const [[out]] = await respond(res, [{ ...item, messages: ['Looked it up'] }]);
		expect(res.parsed()).toEqual({
			valid: false,
			messages: [
				{ type: 'ERROR', text: 'Looked it up' },
				{ type: 'ERROR', text: expect.stringMatching(/^valid is missing/) },
			],
		});
		expect(out.json.problems).toEqual([expect.stringMatching(/^valid is missing/)]);
	});

	it('refuses (401) an unsigned call with valid: false, and (400) a body without connection_options', async () => {
		const unsigned = check({ query: { loc: STORE } });
		expect(await node.webhook.call(unsigned.ctx)).toEqual({ noWebhookResponse: true });
		expect(unsigned.res.statusCode).toBe(401);
		expect(unsigned.res.parsed()).toEqual({
			valid: false,
			messages: [{ type: 'ERROR', text: 'invalid or missing callback token (query parameters loc and t)' }],
		});

		const empty = check({ body: { options: {} } });
		expect(await node.webhook.call(empty.ctx)).toEqual({ noWebhookResponse: true });
		expect(empty.res.statusCode).toBe(400);
		expect(empty.res.parsed()).toEqual({
			valid: false,
			messages: [{ type: 'ERROR', text: 'connection_options is required (an object)' }],
		});
	});

	it('answers valid: false at the deadline, and drops the late answer', async () => {
		const { ctx, res } = check({ parameters: { deadlineMs: 300 } });
		await node.webhook.call(ctx);
		await sleep(120);
		expect(res.headers[SOURCE_HEADER]).toBe('fallback-deadline');
		expect(res.parsed()).toEqual({
			valid: false,
			messages: [{ type: 'ERROR', text: 'The connection check did not answer within 300 ms' }],
		});
		res.status(200).json({ valid: true, messages: [] });
		expect(res.writes).toBe(1);
	});

	it('answers valid: false when the workflow fails', async () => {
		const { ctx, res } = check();
		await node.webhook.call(ctx);
		res.status(500).json({ message: 'Error in workflow' });
		expect(res.statusCode).toBe(200);
		expect(res.headers[SOURCE_HEADER]).toBe('fallback-error');
		expect(res.parsed()).toEqual({
			valid: false,
			messages: [{ type: 'ERROR', text: 'The connection check workflow failed or answered without valid and messages' }],
		});
	});

	it('answers 404 on that path for platforms without connection checks', async () => {
		for (const platform of ['highLevel', 'launchMyStore']) {
			const { ctx, res, asked } = check({ parameters: { platform } });
			expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
			expect(res.statusCode).toBe(404);
			expect(res.parsed()).toEqual({ error: expect.stringMatching(/makes no connection checks/) });
			expect(asked).toEqual([]);
		}
	});
});

describe('Shipping Rates Response: the answer to a connection check item', () => {
	const item = { kind: 'checkConnectionOptions', platform: 'bigCommerce', locationId: STORE, connectionOptions: {} };

	it('reads valid (also "true"/"false") and messages (objects, texts, one text), typed INFO when valid, else ERROR', () => {
		expect(buildConnectionCheckAnswer({ ...item, valid: true }).body).toEqual({ valid: true, messages: [] });
		expect(buildConnectionCheckAnswer({ ...item, valid: 'true', messages: 'Connected' }).body).toEqual({
			valid: true,
			messages: [{ type: 'INFO', text: 'Connected' }],
		});
		expect(
			buildConnectionCheckAnswer({ ...item, valid: 'false', messages: ['Bad key', { type: 'Warning', text: ' Sandbox account ' }] }).body,
		).toEqual({
			valid: false,
			messages: [
				{ type: 'ERROR', text: 'Bad key' },
				{ type: 'WARNING', text: 'Sandbox account' },
			],
		});
	});

	it('leaves out malformed messages, naming them, and answers valid: false for a valid that is not a boolean', () => {
		const answer = buildConnectionCheckAnswer({
			...item,
			valid: 'yes',
			messages: [{ type: 'NOTICE', text: 'x' }, { type: 'INFO' }, 'fine'],
		});
		expect(answer.valid).toBe(false);
		expect(answer.problems).toEqual([
			'valid must be true or false, got "yes"',
			'messages[0].type must be INFO, WARNING or ERROR, got "NOTICE"',
			'messages[1].text must be a non-empty text',
		]);
		expect(answer.body).toEqual({
			valid: false,
			messages: [
				{ type: 'ERROR', text: 'fine' },
				{ type: 'ERROR', text: 'valid must be true or false, got "yes"' },
			],
		});
	});

	it('is used only for items of kind checkConnectionOptions', () => {
		expect(connectionCheckItemOf([{ quotes: [] }, { ...item, valid: true }])).toMatchObject({ valid: true });
		expect(connectionCheckItemOf([{ platform: 'bigCommerce', valid: true }])).toBeUndefined();
	});
});
