/**
 * The LaunchMyStore Shipping Trigger receiving the LaunchMyStore stand-in's webhooks over real
 * HTTP: a local receiver hands each request (headers, raw bytes) to the trigger's `webhook()` and
 * answers what it answers, as n8n does with responseMode onReceived.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { LaunchMyStoreTrigger } from '../../../nodes/LaunchMyStoreTrigger/LaunchMyStoreTrigger.node';
import { clearWebhookIds } from '../../../nodes/shared/launchMyStore/webhook';
import { FakeResponse } from '../helpers/fakeResponse';
import { type LaunchMyStoreStandin, startLaunchMyStoreStandin } from '../LaunchMyStore/standinContext';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startReceiver } = require('./receiver') as {
	startReceiver: (
		handle: (request: { headers: Record<string, string>; raw: Buffer }) => Promise<{ status: number; body: string }>,
	) => Promise<{ url: string; close: () => Promise<void> }>;
};

let standin: LaunchMyStoreStandin;
let receiver: { url: string; close: () => Promise<void> };
let url: string;
const emitted: IDataObject[] = [];
let params: IDataObject = {};

/** What n8n does with a webhook request for this trigger (responseMode onReceived). */
async function answerWithTrigger({ headers, raw }: { headers: Record<string, string>; raw: Buffer }) {
	const fake = new FakeResponse();
	const ctx = {
		getRequestObject: () => ({ headers, body: JSON.parse(raw.toString('utf8')) as unknown, rawBody: raw }),
		getResponseObject: () => fake,
		getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
		getCredentials: async () => ({ clientSecret: standin.clientSecret, appHandle: standin.appHandle, serviceCodePrefix: '' }),
		getNode: () => ({ id: 'trigger-1', name: 'LaunchMyStore Trigger' }),
		getWorkflow: () => ({ id: 'wf-standin' }),
	} as unknown as IWebhookFunctions;
	const result = await new LaunchMyStoreTrigger().webhook.call(ctx);
	for (const item of result.workflowData?.[0] ?? []) emitted.push(item.json);
	return result.noWebhookResponse
		? { status: fake.statusCode, body: fake.body ?? '' }
		: { status: 200, body: JSON.stringify(result.webhookResponse) };
}

beforeAll(async () => {
	standin = await startLaunchMyStoreStandin();
	receiver = await startReceiver(answerWithTrigger);
	url = receiver.url;
});
afterAll(async () => {
	await standin.close();
	await receiver.close();
});
beforeEach(() => {
	standin.reset();
	clearWebhookIds();
	emitted.length = 0;
	params = { events: ['orders/create'], onlyOwnRates: true, autoPush: false, options: {} };
});

describe('LaunchMyStore Shipping Trigger with the stand-in dispatcher', () => {
	it.each(['base64', 'hex', 'both'])('accepts an orders/create webhook signed %s and emits the order with its decoded service', async (signature) => {
		const order = standin.createOrder({
			shipping_lines: [{ title: 'Acme Express', code: 'acme-shipping-express', price: 1250, source: 'acme-shipping' }],
		});
		const result = await standin.webhook({ url, topic: 'orders/create', orderId: order.id, signature });
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ received: true, topic: 'orders/create' });
		expect(emitted).toEqual([
			expect.objectContaining({
				topic: 'orders/create',
				webhookId: result.webhookId,
				shopDomain: 'demo-shop.launchmystore.io',
				order: expect.objectContaining({ id: order.id }) as unknown,
				shipping: {
					source: 'acme-shipping',
					code: 'acme-shipping-express',
					title: 'Acme Express',
					priceMajor: '12.50',
					serviceCode: 'express',
					servicePrefix: 'acme-shipping',
				},
			}),
		]);
	});

	it('refuses a wrong or missing signature with 401 and a stale event with 401', async () => {
		const order = standin.createOrder({});
		expect((await standin.webhook({ url, topic: 'orders/create', orderId: order.id, signature: 'wrong' })).status).toBe(401);
		expect((await standin.webhook({ url, topic: 'orders/create', orderId: order.id, signature: 'none' })).status).toBe(401);
		const stale = await standin.webhook({
			url,
			topic: 'orders/create',
			orderId: order.id,
			triggeredAt: new Date(Date.now() - 15 * 60_000).toISOString(),
			attempt: 3,
		});
		expect(stale).toMatchObject({ status: 401, body: { error: 'X-LMS-Triggered-At outside the 5-minute window' } });
		expect(emitted).toHaveLength(0);
	});

	it('starts once for a redelivered webhook id, and ignores orders of other apps', async () => {
		const order = standin.createOrder({});
		const first = await standin.webhook({ url, topic: 'orders/create', orderId: order.id, webhookId: 'wh-1' });
		const again = await standin.webhook({ url, topic: 'orders/create', orderId: order.id, webhookId: 'wh-1', attempt: 2 });
		expect(first.status).toBe(200);
		expect(again).toMatchObject({ status: 200, body: { ignored: true, reason: 'duplicate webhook wh-1' } });
		const other = standin.createOrder({ shipping_lines: [{ title: 'Blue Dart', code: 'shiprocket-1', price: 8085, source: 'shiprocket' }] });
		const ignored = await standin.webhook({ url, topic: 'orders/create', orderId: other.id });
		expect(ignored).toMatchObject({ status: 200, body: { ignored: true, reason: 'shipping line source shiprocket is not this app (acme-shipping)' } });
		expect(emitted).toHaveLength(1);
	});
});
