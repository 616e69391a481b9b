/**
 * LaunchMyStore Shipping Trigger: signature (hex or base64) over the raw body, the
 * X-LMS-Triggered-At window, topics, X-LMS-Webhook-Id dedupe, routing by shipping_lines[].source
 * and the decoded service code.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { LaunchMyStoreTrigger } from '../../../nodes/LaunchMyStoreTrigger/LaunchMyStoreTrigger.node';
import { clearWebhookIds } from '../../../nodes/shared/launchMyStore/webhook';
import { FakeResponse } from '../helpers/fakeResponse';

const SECRET = 'lms-demo-client-secret';
const HANDLE = 'acme-shipping';
let counter = 0;

const order = (lines: IDataObject[] | undefined, extra: IDataObject = {}): IDataObject => ({
	id: 'ord_1',
	order_number: 1001,
	currency: 'USD',
	line_items: [{ id: 'li_1', title: 'T-Shirt', sku: 'TS', quantity: 2 }],
	shipping_lines: lines,
	...extra,
});
const ours = [{ title: 'Acme Express', code: 'acme-shipping-express_2d', price: 800, source: HANDLE }];

type Signing = 'hex' | 'base64' | 'none' | 'wrong';

function headersFor(raw: Buffer, signing: Signing, extra: Record<string, string> = {}): Record<string, string> {
	counter += 1;
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'x-lms-topic': 'orders/create',
		'x-lms-shop-domain': 'demo-shop',
		'x-lms-webhook-id': `wh-${counter}`,
		'x-lms-triggered-at': new Date().toISOString(),
		'x-lms-delivery-attempt': '1',
	};
	const digest = createHmac('sha256', signing === 'wrong' ? 'other-secret' : SECRET).update(raw).digest();
	if (signing === 'hex' || signing === 'wrong') headers['x-lms-signature'] = digest.toString('hex');
	if (signing === 'base64') headers['x-lms-hmac-sha256'] = digest.toString('base64');
	return { ...headers, ...extra };
}

interface Delivery {
	body?: unknown;
	raw?: Buffer;
	signing?: Signing;
	headers?: Record<string, string>;
	params?: IDataObject;
	credentials?: IDataObject;
	node?: { id?: string; name: string };
}

async function deliver(delivery: Delivery = {}) {
	const raw = delivery.raw ?? Buffer.from(JSON.stringify(delivery.body ?? order(ours), null, 2));
	const headers = headersFor(raw, delivery.signing ?? 'base64', delivery.headers);
	for (const [name, value] of Object.entries(delivery.headers ?? {})) if (value === '') delete headers[name];
	const params: IDataObject = { events: ['orders/create'], onlyOwnRates: true, autoPush: false, options: {}, ...delivery.params };
	const res = new FakeResponse();
	let parsedBody: unknown;
	try {
		parsedBody = JSON.parse(raw.toString('utf8'));
	} catch {
		parsedBody = {};
	}
	const ctx = {
		getRequestObject: () => ({ headers, body: parsedBody, rawBody: raw }),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
		getCredentials: async () => ({ clientSecret: SECRET, appHandle: HANDLE, serviceCodePrefix: '', ...delivery.credentials }),
		getNode: () => delivery.node ?? { id: 'node-1', name: 'LaunchMyStore Trigger' },
		getWorkflow: () => ({ id: 'wf-1' }),
	} as unknown as IWebhookFunctions;
	const result = await new LaunchMyStoreTrigger().webhook.call(ctx);
	const items = result.workflowData?.[0] ?? [];
	return { result, res, headers, emitted: items.map((item) => item.json) };
}

beforeEach(() => clearWebhookIds());

describe('LaunchMyStore Shipping Trigger: authenticity', () => {
	it.each(['base64', 'hex'] as const)('accepts a %s signature over the raw bytes and emits the order', async (signing) => {
		const { result, res, emitted, headers } = await deliver({ signing });
		expect(res.headersSent).toBe(false);
		expect(result.webhookResponse).toEqual({ received: true, topic: 'orders/create' });
		expect(emitted).toEqual([
			{
				topic: 'orders/create',
				webhookId: headers['x-lms-webhook-id'],
				shopDomain: 'demo-shop',
				triggeredAt: new Date(headers['x-lms-triggered-at']).toISOString(),
				order: order(ours),
				shipping: {
					source: HANDLE,
					code: 'acme-shipping-express_2d',
					title: 'Acme Express',
					priceMajor: '8.00',
					serviceCode: 'express_2d',
					servicePrefix: HANDLE,
				},
			},
		]);
	});

	it.each([
		['missing', 'none' as const, 'missing signature (X-LMS-Signature or X-LMS-Hmac-SHA256)'],
		['wrong', 'wrong' as const, 'invalid X-LMS-Signature signature'],
	])('answers 401 {error} for a %s signature and starts nothing', async (_label, signing, error) => {
		const { result, res, emitted } = await deliver({ signing });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(res.statusCode).toBe(401);
		expect(res.parsed()).toEqual({ error });
		expect(emitted).toHaveLength(0);
	});

	it('answers 401 when the body was changed after signing (the raw bytes are what is checked)', async () => {
		const raw = Buffer.from(JSON.stringify(order(ours)));
		const headers = headersFor(raw, 'base64');
		const tampered = Buffer.from(raw.toString('utf8').replace('"quantity":2', '"quantity":20'));
		const { res } = await deliver({ raw: tampered, headers, signing: 'none' });
		expect(res.statusCode).toBe(401);
		expect(res.parsed()).toEqual({ error: 'invalid X-LMS-Hmac-SHA256 signature' });
	});

	it('answers 500 (so LaunchMyStore retries) when the credential has no client secret', async () => {
		const { res } = await deliver({ credentials: { clientSecret: '' } });
		expect(res.statusCode).toBe(500);
		expect(res.parsed()).toEqual({ error: 'Client Secret is empty: set it on the LaunchMyStore credential' });
	});

	it.each([
		['malformed JSON', Buffer.from('{"id": "ord_1",'), 'body is not valid JSON'],
		['a JSON list', Buffer.from('[1, 2]'), 'body is not a JSON object'],
	])('answers 400 for a correctly signed body that is %s', async (_label, raw, error) => {
		const { res, emitted } = await deliver({ raw });
		expect(res.statusCode).toBe(400);
		expect(res.parsed()).toEqual({ error });
		expect(emitted).toHaveLength(0);
	});
});

describe('LaunchMyStore Shipping Trigger: replay window', () => {
	const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

	it.each([
		['stale', minutes(-6)],
		['future', minutes(6)],
		['stale, epoch seconds', String(Math.floor(Date.now() / 1000) - 400)],
	])('answers 401 for a %s X-LMS-Triggered-At', async (_label, at) => {
		const { res, emitted } = await deliver({ headers: { 'x-lms-triggered-at': at } });
		expect(res.statusCode).toBe(401);
		expect(res.parsed()).toEqual({ error: 'X-LMS-Triggered-At outside the 5-minute window' });
		expect(emitted).toHaveLength(0);
	});

	it('accepts 4 minutes off, epoch milliseconds, a widened window, and a missing header', async () => {
		expect((await deliver({ headers: { 'x-lms-triggered-at': minutes(-4) } })).emitted).toHaveLength(1);
		expect((await deliver({ headers: { 'x-lms-triggered-at': String(Date.now() - 60_000) } })).emitted).toHaveLength(1);
		const widened = await deliver({
			headers: { 'x-lms-triggered-at': minutes(-20) },
			params: { options: { triggeredAtWindowSeconds: 1500 } },
		});
		expect(widened.emitted).toHaveLength(1);
		const missing = await deliver({ headers: { 'x-lms-triggered-at': '' } });
		expect(missing.emitted).toHaveLength(1);
		expect(missing.emitted[0].triggeredAt).toBeNull();
	});

	it('names the widened window and refuses an unreadable timestamp', async () => {
		const stale = await deliver({ headers: { 'x-lms-triggered-at': minutes(-40) }, params: { options: { triggeredAtWindowSeconds: 1800 } } });
		expect(stale.res.parsed()).toEqual({ error: 'X-LMS-Triggered-At outside the 30-minute window' });
		const garbage = await deliver({ headers: { 'x-lms-triggered-at': 'yesterday-ish' } });
		expect(garbage.res.statusCode).toBe(401);
		expect(garbage.res.parsed()).toEqual({ error: 'X-LMS-Triggered-At is not a date: yesterday-ish' });
	});
});

describe('LaunchMyStore Shipping Trigger: topics and redeliveries', () => {
	it('ignores a topic that is not selected with 200 {ignored, reason}', async () => {
		const { result, res, emitted } = await deliver({ headers: { 'x-lms-topic': 'orders/paid' } });
		expect(res.headersSent).toBe(false);
		expect(result).toEqual({ webhookResponse: { ignored: true, reason: 'topic orders/paid is not selected' } });
		expect(emitted).toHaveLength(0);
	});

	it('takes every topic with *, and emits non-order topics as {topic, …, payload}', async () => {
		const { emitted } = await deliver({
			body: { shop: 'demo-shop', app: HANDLE },
			headers: { 'x-lms-topic': 'app/uninstalled' },
			params: { events: ['*'] },
		});
		expect(emitted).toEqual([
			expect.objectContaining({ topic: 'app/uninstalled', shopDomain: 'demo-shop', payload: { shop: 'demo-shop', app: HANDLE } }),
		]);
		expect(emitted[0]).not.toHaveProperty('order');
	});

	it('reads the topic and shop from the documented envelope when the headers lack them, and emits its data', async () => {
		const envelope = { id: 'webhook_abc123', topic: 'orders/create', shop_domain: 'merchant-store', created_at: '2024-01-15T10:30:00Z', data: order(ours) };
		const { emitted } = await deliver({ body: envelope, headers: { 'x-lms-topic': '', 'x-lms-shop-domain': '' } });
		expect(emitted).toEqual([expect.objectContaining({ topic: 'orders/create', shopDomain: 'merchant-store', order: order(ours) })]);
	});

	it('answers a redelivered X-LMS-Webhook-Id 200 {ignored: duplicate} and starts nothing the second time', async () => {
		const headers = { 'x-lms-webhook-id': 'wh-dup-1' };
		const first = await deliver({ headers });
		expect(first.emitted).toHaveLength(1);
		const second = await deliver({ headers: { ...headers, 'x-lms-delivery-attempt': '2' } });
		expect(second.result).toEqual({ webhookResponse: { ignored: true, reason: 'duplicate webhook wh-dup-1' } });
		expect(second.result.workflowData).toBeUndefined();
		// Another trigger node keeps its own ids.
		const other = await deliver({ headers, node: { id: 'node-2', name: 'Other' } });
		expect(other.emitted).toHaveLength(1);
	});

	it('does not remember ids of deliveries it ignored', async () => {
		const headers = { 'x-lms-webhook-id': 'wh-later' };
		const ignored = await deliver({ headers, body: order([{ title: 'Pickup', code: 'pickup', price: 0, source: 'local_pickup' }]) });
		expect(ignored.emitted).toHaveLength(0);
		expect((await deliver({ headers })).emitted).toHaveLength(1);
	});

	it('adds the request headers with Include Headers', async () => {
		const { emitted } = await deliver({ params: { options: { includeHeaders: true } } });
		expect(emitted[0].headers).toMatchObject({ 'x-lms-topic': 'orders/create', 'x-lms-shop-domain': 'demo-shop' });
	});
});

describe('LaunchMyStore Shipping Trigger: routing by shipping_lines[].source', () => {
	const ignoredReason = async (lines: IDataObject[] | undefined, params: IDataObject = {}) => {
		const { result, emitted } = await deliver({ body: order(lines), params });
		expect(emitted).toHaveLength(0);
		return (result.webhookResponse as IDataObject).reason;
	};

	it('takes a line of this app (case and spaces ignored) among others', async () => {
		const lines = [
			{ title: 'Other', code: 'shiprocket-1', price: 500, source: 'shiprocket' },
			{ title: 'Acme Ground', code: 'ACME-SHIPPING-ground', price: '12.5', source: ' Acme-Shipping ' },
		];
		const { emitted } = await deliver({ body: order(lines) });
		expect(emitted[0].shipping).toEqual({
			source: 'Acme-Shipping',
			code: 'ACME-SHIPPING-ground',
			title: 'Acme Ground',
			priceMajor: '12.50',
			serviceCode: 'ground',
			servicePrefix: 'ACME-SHIPPING',
		});
	});

	it("ignores another app's line and local pickup, naming the source and the handle", async () => {
		expect(await ignoredReason([{ title: 'Blue Dart', code: 'shiprocket-1', source: 'shiprocket' }])).toBe(
			'shipping line source shiprocket is not this app (acme-shipping)',
		);
		expect(await ignoredReason([{ title: 'Pickup', code: 'pickup', source: 'local_pickup' }])).toBe(
			'shipping line source local_pickup is not this app (acme-shipping)',
		);
	});

	it('ignores an empty source without Auto-Push and takes it with Auto-Push', async () => {
		const zone = [{ title: 'Flat rate', code: 'flat', price: 500, source: null }];
		expect(await ignoredReason(zone)).toBe('shipping line source (none) is not this app (acme-shipping)');
		const { emitted } = await deliver({ body: order([{ title: 'Flat rate', code: 'flat', price: 500 }]), params: { autoPush: true } });
		expect(emitted[0].shipping).toEqual({ source: null, code: 'flat', title: 'Flat rate', priceMajor: '5.00', serviceCode: 'flat', servicePrefix: '' });
		expect(await ignoredReason([{ title: 'Pickup', source: 'local_pickup' }], { autoPush: true })).toBe(
			'shipping line source local_pickup is not this app (acme-shipping)',
		);
	});

	it('ignores an order without shipping lines', async () => {
		expect(await ignoredReason([])).toBe('order has no shipping lines');
		expect(await ignoredReason(undefined)).toBe('order has no shipping lines');
	});

	it('with the filter off emits every order, with the first line when none is this app', async () => {
		const { emitted } = await deliver({
			body: order([{ title: 'Blue Dart', code: 'shiprocket-1', price: 8085, source: 'shiprocket' }], { currency: 'INR' }),
			params: { onlyOwnRates: false },
		});
		expect(emitted[0].shipping).toEqual(
			expect.objectContaining({ source: 'shiprocket', serviceCode: 'shiprocket-1', servicePrefix: '', priceMajor: '80.85' }),
		);
		const none = await deliver({ body: order([]), params: { onlyOwnRates: false } });
		expect(none.emitted[0].shipping).toBeNull();
	});

	it("decodes with the credential's Service Code Prefix when set, else keeps the whole code", async () => {
		const lines = [{ title: 'Acme Express', code: 'acme-express_2d', price: 800, source: HANDLE }];
		const withPrefix = await deliver({ body: order(lines), credentials: { serviceCodePrefix: 'acme' } });
		expect(withPrefix.emitted[0].shipping).toMatchObject({ serviceCode: 'express_2d', servicePrefix: 'acme' });
		const handleOnly = await deliver({ body: order(lines) });
		expect(handleOnly.emitted[0].shipping).toMatchObject({ serviceCode: 'acme-express_2d', servicePrefix: '' });
	});

	it('routes the documented orders/create payload ({order: {shippingMethod}, orderProducts}) by appHandle, price in minor units', async () => {
		const payload = {
			order: {
				orderId: '5c02f40b',
				currency: 'INR',
				shippingMethod: { appHandle: HANDLE, serviceCode: 'acme-shipping-1', serviceName: 'Blue Dart Air', price: 8085, currency: 'INR' },
			},
			orderProducts: [{ orderProductId: 'op_1', quantity: 1 }],
		};
		const { emitted } = await deliver({ body: payload });
		expect(emitted[0].shipping).toEqual({
			source: HANDLE,
			code: 'acme-shipping-1',
			title: 'Blue Dart Air',
			priceMajor: '80.85',
			serviceCode: '1',
			servicePrefix: HANDLE,
		});
	});
});
