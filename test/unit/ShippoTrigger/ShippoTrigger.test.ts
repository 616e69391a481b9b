import { createHmac } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { LOOKUP_TIMEOUT_MS, ShippoTrigger } from '../../../nodes/ShippoTrigger/ShippoTrigger.node';
import { signShippoWebhookPath } from '../../../nodes/shared/signatures/shippoWebhook';
import { FakeResponse } from '../helpers/fakeResponse';

const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/wh-1/shippo';
const PATH = '/webhook/wh-1/shippo';
// A test-mode Shippo token (built from parts: the lint flags literal tokens).
const TEST_API_KEY_VALUE = ['shippo', 'test', 'abc123'].join('_');

const label = {
	event: 'transaction_created',
	test: true,
	data: {
		object_id: 'tx1',
		status: 'SUCCESS',
		tracking_number: '9400111899223197428490',
		tracking_status: 'PRE_TRANSIT',
		tracking_url_provider: 'https://track.example/9400111899223197428490',
		label_url: 'https://labels.example/tx1.pdf',
		metadata: 'hl:loc123:order456',
		rate: { provider: 'USPS' },
	},
};

function webhookContext(
	body: unknown,
	{ token = signShippoWebhookPath(TEST_API_KEY_VALUE, PATH), headers = {}, events = ['transaction_created', 'track_updated'], credentials = { token: TEST_API_KEY_VALUE } as IDataObject } = {},
) {
	const res = new FakeResponse();
	const raw = Buffer.from(JSON.stringify(body));
	const ctx = {
		getRequestObject: () => ({ originalUrl: `${PATH}?t=${token}`, query: { t: token }, headers, body, rawBody: raw }),
		getResponseObject: () => res,
		getCredentials: async () => credentials,
		getNodeParameter: (name: string, fallback?: unknown) => ({ events, options: {} } as IDataObject)[name] ?? fallback,
		getNode: () => ({ name: 'Shippo Trigger' }),
	} as unknown as IWebhookFunctions;
	return { ctx, res, raw };
}

describe('Shippo Trigger webhook', () => {
	const node = new ShippoTrigger();

	it('emits a canonical tracking update with the HighLevel reference', async () => {
		const { ctx } = webhookContext(label);
		const result = await node.webhook.call(ctx);
		expect(result.workflowData?.[0]?.[0]?.json).toEqual({
			event: 'transaction_created',
			carrier: 'USPS',
			trackingNumber: '9400111899223197428490',
			trackingUrl: 'https://track.example/9400111899223197428490',
			labelUrl: 'https://labels.example/tx1.pdf',
			status: 'pre_transit',
			transactionId: 'tx1',
			reference: { platform: 'highlevel', locationId: 'loc123', orderId: 'order456' },
		});
	});

	it.each([
		['no token', ''],
		['a token for another path', signShippoWebhookPath(TEST_API_KEY_VALUE, '/webhook/other/shippo')],
		['a token made with another secret', signShippoWebhookPath('shippo_test_other', PATH)],
	])('answers 401 for %s and emits nothing', async (_label, token) => {
		const { ctx, res } = webhookContext(label, { token });
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(401);
		expect(res.body).toMatch(/token/);
	});

	it('verifies Shippo-Auth-Signature over the raw body when a webhook secret is set', async () => {
		const credentials = { token: TEST_API_KEY_VALUE, webhookSecret: 'whsec' };
		const token = signShippoWebhookPath('whsec', PATH);
		const t = Math.floor(Date.now() / 1000);
		const good = webhookContext(label, { token, credentials });
		const signature = `t=${t},v1=${createHmac('sha256', 'whsec').update(`${t}.`).update(good.raw).digest('hex')}`;
		const signed = webhookContext(label, { token, credentials, headers: { 'shippo-auth-signature': signature } });
		expect((await node.webhook.call(signed.ctx)).workflowData).toBeDefined();

		const tampered = webhookContext({ ...label, data: { ...label.data, tracking_number: 'X' } }, {
			token,
			credentials,
			headers: { 'shippo-auth-signature': signature },
		});
		expect(await node.webhook.call(tampered.ctx)).toEqual({ noWebhookResponse: true });
		expect(tampered.res.statusCode).toBe(401);
		expect(tampered.res.body).toMatch(/does not match/);
	});

	it('acknowledges without emitting an unselected event or a label not bought yet', async () => {
		const updated = webhookContext({ ...label, event: 'transaction_updated' });
		expect(await node.webhook.call(updated.ctx)).toEqual({ webhookResponse: { ignored: true, reason: 'event transaction_updated is not selected' } });
		const queued = webhookContext({ ...label, data: { ...label.data, status: 'QUEUED' } });
		expect(await node.webhook.call(queued.ctx)).toEqual({ webhookResponse: { ignored: true, reason: expect.stringMatching(/QUEUED/) } });
	});
});

describe('Shippo Trigger webhook registration', () => {
	const node = new ShippoTrigger();
	const signedUrl = `${WEBHOOK_URL}?t=${signShippoWebhookPath(TEST_API_KEY_VALUE, PATH)}`;

	function hookContext(existing: IDataObject[]) {
		const calls: IDataObject[] = [];
		const request = jest.fn(async (_type: string, options: IDataObject) => {
			calls.push(options);
			if (options.method === 'GET') return { next: null, previous: null, results: existing };
			if (options.method === 'POST') return { object_id: 'new', ...(options.body as IDataObject) };
			if (String(options.url).endsWith('/gone')) {
				throw Object.assign(new Error('Not found'), { httpCode: '404', response: { status: 404, data: { detail: 'Not found.' } } });
			}
			return {};
		});
		const ctx = {
			getNodeWebhookUrl: () => WEBHOOK_URL,
			getNodeParameter: (name: string, fallback?: unknown) =>
				({ events: ['transaction_created', 'track_updated'] } as IDataObject)[name] ?? fallback,
			getCredentials: async () => ({ token: TEST_API_KEY_VALUE, baseUrl: 'http://shippo.test' }),
			getNode: () => ({ name: 'Shippo Trigger' }),
			helpers: { httpRequestWithAuthentication: request },
		} as unknown as IHookFunctions;
		return { ctx, calls };
	}

	it('creates one signed test-mode webhook per missing event', async () => {
		const { ctx, calls } = hookContext([{ object_id: 'w1', event: 'track_updated', url: signedUrl }]);
		expect(await node.webhookMethods.default.checkExists.call(ctx)).toBe(false);
		await node.webhookMethods.default.create.call(ctx);
		const posts = calls.filter((c) => c.method === 'POST');
		expect(posts).toEqual([
			expect.objectContaining({
				url: 'http://shippo.test/webhooks',
				body: { event: 'transaction_created', url: signedUrl, active: true, is_test: true },
			}),
		]);
	});

	it('exists when every event has the signed URL', async () => {
		const { ctx } = hookContext([
			{ object_id: 'w1', event: 'track_updated', url: signedUrl },
			{ object_id: 'w2', event: 'transaction_created', url: signedUrl },
		]);
		expect(await node.webhookMethods.default.checkExists.call(ctx)).toBe(true);
	});

	it('deletes only this trigger’s webhooks (any token) and tolerates one already gone', async () => {
		const { ctx, calls } = hookContext([
			{ object_id: 'w1', event: 'track_updated', url: signedUrl },
			{ object_id: 'gone', event: 'transaction_created', url: `${WEBHOOK_URL}?t=old` },
			{ object_id: 'theirs', event: 'track_updated', url: 'https://elsewhere.example/hook' },
		]);
		expect(await node.webhookMethods.default.delete.call(ctx)).toBe(true);
		expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([
			'http://shippo.test/webhooks/w1',
			'http://shippo.test/webhooks/gone',
		]);
	});
});

describe('Shippo Trigger: looking up the HighLevel order through Shippo', () => {
	const node = new ShippoTrigger();
	const noMetadata = { ...label, data: { ...label.data, metadata: '', order: 'ord-1' } };

	function lookupContext(body: unknown, answer: (url: string) => unknown, options: IDataObject = {}) {
		const { ctx, res } = webhookContext(body);
		const urls: string[] = [];
		Object.assign(ctx, {
			getNodeParameter: (name: string, fallback?: unknown) =>
				({ events: ['transaction_created', 'track_updated'], options } as IDataObject)[name] ?? fallback,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, request: IDataObject) => {
					urls.push(String(request.url));
					return answer(String(request.url));
				},
			},
		});
		return { ctx, res, urls };
	}

	it("reads order_number of the label's order when the label has no metadata", async () => {
		const { ctx, urls } = lookupContext(noMetadata, () => ({ object_id: 'ord-1', order_number: 'hl:locA:orderB' }));
		const result = await node.webhook.call(ctx);
		expect(urls).toEqual(['https://api.goshippo.com/orders/ord-1']);
		expect(result.workflowData?.[0]?.[0]?.json.reference).toEqual({ platform: 'highlevel', locationId: 'locA', orderId: 'orderB' });
	});

	it('for a tracking event reads the label, then its order', async () => {
		const track = {
			event: 'track_updated',
			data: { carrier: 'usps', tracking_number: '92', transaction: 'tx9', metadata: '', tracking_status: { status: 'DELIVERED' } },
		};
		const { ctx, urls } = lookupContext(track, (url) =>
			url.includes('/transactions/') ? { object_id: 'tx9', metadata: '', order: 'ord-2' } : { order_number: 'hl:locA:orderC' },
		);
		const result = await node.webhook.call(ctx);
		expect(urls).toEqual(['https://api.goshippo.com/transactions/tx9', 'https://api.goshippo.com/orders/ord-2']);
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ status: 'delivered', reference: { orderId: 'orderC' } });
	});

	it('answers 502 with the reason when Shippo cannot be asked, and emits nothing', async () => {
		const { ctx, res } = lookupContext(noMetadata, () => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		});
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(502);
		expect(res.body).toMatch(/look up the HighLevel order/);
	});

	/** What the n8n request helper throws for an HTTP error answer (as axios does). */
	const httpError = (status: number, detail: string) =>
		Object.assign(new Error(`Request failed with status code ${status}`), {
			response: { status, data: { detail } },
		});

	it("acknowledges (200, ignored, no execution) a label whose order Shippo does not have (404), naming the order", async () => {
		const { ctx, res, urls } = lookupContext(noMetadata, () => {
			throw httpError(404, 'Not found.');
		});
		const result = await node.webhook.call(ctx);
		expect(urls).toEqual(['https://api.goshippo.com/orders/ord-1']);
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.webhookResponse).toEqual({ ignored: true, reason: expect.stringMatching(/order ord-1 not found at Shippo.*404/) });
		expect(res.body).toBeUndefined();
		expect(res.statusCode).toBe(200);
	});

	it('acknowledges a tracking event whose label (404) or whose label’s order (410) Shippo does not have, naming it', async () => {
		const track = {
			event: 'track_updated',
			data: { carrier: 'usps', tracking_number: '92', transaction: 'tx9', metadata: '', tracking_status: { status: 'DELIVERED' } },
		};
		const noLabel = lookupContext(track, () => {
			throw httpError(404, 'Not found.');
		});
		const first = await node.webhook.call(noLabel.ctx);
		expect(first.workflowData).toBeUndefined();
		expect(first.webhookResponse).toEqual({ ignored: true, reason: expect.stringMatching(/label \(transaction\) tx9 not found at Shippo/) });

		const noOrder = lookupContext(track, (url) => {
			if (url.includes('/transactions/')) return { object_id: 'tx9', metadata: '', order: 'ord-2' };
			throw httpError(410, 'Gone.');
		});
		const second = await node.webhook.call(noOrder.ctx);
		expect(noOrder.urls).toEqual(['https://api.goshippo.com/transactions/tx9', 'https://api.goshippo.com/orders/ord-2']);
		expect(second.workflowData).toBeUndefined();
		expect(second.webhookResponse).toEqual({ ignored: true, reason: expect.stringMatching(/order ord-2 not found at Shippo.*410/) });
	});

	it.each([
		['429 (throttled)', () => httpError(429, 'Request was throttled. Expected available in 60 seconds.'), /throttled/],
		['500', () => httpError(500, 'A server error occurred.'), /server error/],
		['503', () => httpError(503, 'Service Unavailable'), /Service Unavailable/],
		['401 (a token the owner can fix)', () => httpError(401, 'Invalid token.'), /Invalid token/],
		['a timeout', () => Object.assign(new Error('timeout of 10000ms exceeded'), { code: 'ECONNABORTED' }), /timeout/],
		['a refused connection', () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }), /refused the connection/],
	])('answers 502 with the reason when Shippo answers %s (a retry can succeed), and emits nothing', async (_label, failure, words) => {
		const { ctx, res } = lookupContext(noMetadata, () => {
			throw failure();
		});
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(502);
		expect(res.parsed()).toEqual({ error: expect.stringMatching(/could not look up the HighLevel order at Shippo/) });
		expect(res.body).toMatch(words);
	});

	it('bounds each look-up request with LOOKUP_TIMEOUT_MS', async () => {
		const timeouts: unknown[] = [];
		const { ctx } = lookupContext(noMetadata, () => ({ order_number: 'hl:locA:orderB' }));
		const helpers = (ctx as unknown as { helpers: { httpRequestWithAuthentication: (t: string, r: IDataObject) => unknown } }).helpers;
		const original = helpers.httpRequestWithAuthentication;
		helpers.httpRequestWithAuthentication = async (type: string, request: IDataObject) => {
			timeouts.push(request.timeout);
			return await original(type, request);
		};
		await node.webhook.call(ctx);
		expect(timeouts).toEqual([LOOKUP_TIMEOUT_MS]);
	});

	it('asks nothing when the metadata has the reference, or when the look-up is off', async () => {
		const direct = lookupContext(label, () => ({}));
		await node.webhook.call(direct.ctx);
		const off = lookupContext(noMetadata, () => ({}), { lookUpReference: false });
		const result = await node.webhook.call(off.ctx);
		expect([...direct.urls, ...off.urls]).toEqual([]);
		expect(result.workflowData?.[0]?.[0]?.json.reference).toBeUndefined();
	});
});
