import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import appInstall from '../../fixtures/webhooks/AppInstall.json';
import appUninstall from '../../fixtures/webhooks/AppUninstall.json';
import orderCreate from '../../fixtures/webhooks/OrderCreate.json';
import orderStatusUpdate from '../../fixtures/webhooks/OrderStatusUpdate.json';
import priceCreate from '../../fixtures/webhooks/PriceCreate.json';
import priceDelete from '../../fixtures/webhooks/PriceDelete.json';
import priceUpdate from '../../fixtures/webhooks/PriceUpdate.json';
import productCreate from '../../fixtures/webhooks/ProductCreate.json';
import productDelete from '../../fixtures/webhooks/ProductDelete.json';
import productUpdate from '../../fixtures/webhooks/ProductUpdate.json';
import {
	HighLevelShippingTrigger,
	seenWebhookIds,
} from '../../../nodes/HighLevelShippingTrigger/HighLevelShippingTrigger.node';
import {
	eventTypeOf,
	isShapeInferred,
	orderHasPhysicalItems,
	orderStatusOf,
	paymentStatusOf,
} from '../../../nodes/shared/dialects/highlevelEvents';
import { FakeResponse } from '../helpers/fakeResponse';

const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

type Json = Record<string, unknown>;
let counter = 0;

/** A documented example as HighLevel would send it: timestamp + webhookId, pretty-printed bytes. */
function delivery(example: object, extra: Json = {}) {
	counter += 1;
	const payload = { ...example, timestamp: new Date().toISOString(), webhookId: `wh-${counter}`, ...extra };
	return Buffer.from(JSON.stringify(payload, null, 2));
}

const edHeaders = (raw: Buffer, key = ed.privateKey) => ({
	'content-type': 'application/json',
	'x-ghl-signature': sign(null, raw, key).toString('base64'),
	'x-wh-signature': 'N/A',
});
const rsaHeaders = (raw: Buffer) => ({
	'content-type': 'application/json',
	'x-ghl-signature': 'N/A',
	'x-wh-signature': sign('sha256', raw, rsa.privateKey).toString('base64'),
});

function params(overrides: Json = {}): Json {
	return {
		events: ['OrderCreate', 'OrderStatusUpdate'],
		publicKey: pem(ed.publicKey),
		acceptLegacy: true,
		rsaPublicKey: pem(rsa.publicKey),
		options: {},
		...overrides,
	};
}

async function deliver(
	raw: Buffer,
	headers: Record<string, string>,
	overrides: Json = {},
	request: { body?: unknown; rawBody?: Buffer } = {},
) {
	const res = new FakeResponse();
	const p = params(overrides);
	const ctx = {
		getRequestObject: () => ({
			headers,
			body: 'body' in request ? request.body : JSON.parse(raw.toString('utf8')),
			rawBody: 'rawBody' in request ? request.rawBody : raw,
		}),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) => (name in p ? p[name] : fallback),
		getNode: () => ({ name: 'HighLevel Trigger', type: 'highLevelShippingTrigger' }),
		getWorkflow: () => ({ id: 'wf-1' }),
	} as unknown as IWebhookFunctions;
	const result = await new HighLevelShippingTrigger().webhook.call(ctx);
	const items = result.workflowData?.[0] ?? [];
	return { result, res, emitted: items.map((item) => item.json as IDataObject) };
}

beforeEach(() => seenWebhookIds.clear());

describe('HighLevel Trigger webhook', () => {
	it('emits a validly signed OrderCreate with event and receivedAt', async () => {
		const raw = delivery(orderCreate);
		const { result, res, emitted } = await deliver(raw, edHeaders(raw));
		expect(result.noWebhookResponse).toBeUndefined();
		expect(res.headersSent).toBe(false);
		expect(emitted).toHaveLength(1);
		expect(emitted[0]).toMatchObject({
			event: 'OrderCreate',
			type: 'OrderCreate',
			_id: '660ed43bfdf9fc05a0de7a40',
			status: 'pending',
		});
		expect(Date.parse(String(emitted[0].receivedAt))).not.toBeNaN();
	});

	it('accepts a signature over JSON.stringify(body) when the wire bytes were re-formatted (as HighLevel’s SDK checks)', async () => {
		const raw = delivery(orderCreate);
		const body: unknown = JSON.parse(raw.toString('utf8'));
		// Signed over the compact form; the bytes n8n received are pretty-printed, with extra newlines.
		const compact = Buffer.from(JSON.stringify(body));
		const reformatted = Buffer.from(`\n${raw.toString('utf8')}\n\n`);
		const { res, emitted } = await deliver(reformatted, edHeaders(compact), {}, { body, rawBody: reformatted });
		expect(res.headersSent).toBe(false);
		expect(emitted).toHaveLength(1);
		expect(emitted[0]).toMatchObject({ event: 'OrderCreate', _id: '660ed43bfdf9fc05a0de7a40' });
	});

	it('answers 401 for a changed value whether the signature was over the raw or the re-serialised body', async () => {
		for (const signedOver of ['raw', 'compact'] as const) {
			const raw = delivery(orderCreate);
			const compact = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
			const headers = edHeaders(signedOver === 'raw' ? raw : compact);
			const tampered = Buffer.from(raw.toString('utf8').replace('"amount": 150.1', '"amount": 1.1'));
			const { result, res, emitted } = await deliver(tampered, headers);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(res.statusCode).toBe(401);
			expect(res.parsed()).toEqual({ error: 'invalid x-ghl-signature signature' });
			expect(emitted).toHaveLength(0);
		}
	});

	it.each([
		['missing', {}, 'missing signature (x-ghl-signature or x-wh-signature)'],
		['garbled', { 'x-ghl-signature': '!!not-base64!!' }, 'invalid x-ghl-signature signature'],
	])('answers 401 naming the header for a %s signature', async (_label, headers, error) => {
		const raw = delivery(orderCreate);
		const { res, emitted } = await deliver(raw, { 'content-type': 'application/json', ...headers });
		expect(res.statusCode).toBe(401);
		expect(res.parsed()).toEqual({ error });
		expect(emitted).toHaveLength(0);
	});

	it('checks JSON.stringify(body) when no raw body is available', async () => {
		const raw = delivery(orderCreate);
		const body: unknown = JSON.parse(raw.toString('utf8'));
		const compact = Buffer.from(JSON.stringify(body));
		const { emitted } = await deliver(raw, edHeaders(compact), {}, { body, rawBody: undefined });
		expect(emitted).toHaveLength(1);
	});

	it('answers 401 for a signature made with another key', async () => {
		const raw = delivery(orderCreate);
		const { res, emitted } = await deliver(raw, edHeaders(raw, otherEd.privateKey));
		expect(res.statusCode).toBe(401);
		expect(emitted).toHaveLength(0);
	});

	it('treats N/A as missing: 401 when no other signature is sent', async () => {
		const raw = delivery(orderCreate);
		const { res, emitted } = await deliver(raw, { 'x-ghl-signature': 'N/A', 'x-wh-signature': 'N/A' });
		expect(res.statusCode).toBe(401);
		expect(res.parsed()).toEqual({ error: 'missing signature (x-ghl-signature or x-wh-signature)' });
		expect(emitted).toHaveLength(0);
	});

	it('accepts the legacy RSA signature only when enabled', async () => {
		const raw = delivery(orderCreate);
		const accepted = await deliver(raw, rsaHeaders(raw));
		expect(accepted.emitted).toHaveLength(1);

		const raw2 = delivery(orderCreate);
		const refused = await deliver(raw2, rsaHeaders(raw2), { acceptLegacy: false });
		expect(refused.res.statusCode).toBe(401);
		expect(refused.emitted).toHaveLength(0);
	});

	it('answers 401 for a stale or future timestamp', async () => {
		for (const offset of [-6 * 60_000, 6 * 60_000]) {
			const raw = delivery(orderCreate, { timestamp: new Date(Date.now() + offset).toISOString() });
			const { res, emitted } = await deliver(raw, edHeaders(raw));
			expect(res.statusCode).toBe(401);
			expect(emitted).toHaveLength(0);
		}
	});

	it('honours the Max Age option', async () => {
		const raw = delivery(orderCreate, { timestamp: new Date(Date.now() - 90_000).toISOString() });
		expect((await deliver(raw, edHeaders(raw))).emitted).toHaveLength(1);
		seenWebhookIds.clear();
		const { res } = await deliver(raw, edHeaders(raw), { options: { maxAgeSeconds: 60 } });
		expect(res.statusCode).toBe(401);
	});

	it('emits a repeated webhookId once and answers the repeat 200 {duplicate:true}', async () => {
		const raw = delivery(orderCreate);
		const first = await deliver(raw, edHeaders(raw));
		const second = await deliver(raw, edHeaders(raw));
		expect(first.emitted).toHaveLength(1);
		expect(second.emitted).toHaveLength(0);
		expect(second.res.statusCode).toBe(200);
		expect(second.res.parsed()).toEqual({ duplicate: true });
	});

	it('acknowledges and ignores an unselected event', async () => {
		const raw = delivery(appInstall);
		const { res, emitted } = await deliver(raw, edHeaders(raw));
		expect(res.statusCode).toBe(200);
		expect(res.parsed()).toEqual({ ignored: 'event INSTALL not selected' });
		expect(emitted).toHaveLength(0);
	});

	it.each([
		['INSTALL', appInstall],
		['UNINSTALL', appUninstall],
		['OrderStatusUpdate', orderStatusUpdate],
		['PriceUpdate', priceUpdate],
		['ProductUpdate', productUpdate],
	])('emits %s when selected', async (event, example) => {
		const raw = delivery(example);
		const { emitted } = await deliver(raw, edHeaders(raw), { events: [event] });
		expect(emitted).toHaveLength(1);
		expect(emitted[0].event).toBe(event);
	});

	it('routes an unrecognised payload to Other Event', async () => {
		const raw = delivery({ type: 'ContactCreate', id: 'c1' });
		const ignored = await deliver(raw, edHeaders(raw));
		expect(ignored.res.parsed()).toEqual({ ignored: 'event unknown not selected' });
		seenWebhookIds.clear();
		const { emitted } = await deliver(raw, edHeaders(raw), { events: ['unknown'] });
		expect(emitted[0]).toMatchObject({ event: 'unknown', type: 'ContactCreate' });
	});

	describe('order filters', () => {
		const physical = {
			...orderCreate,
			items: orderCreate.items.map((item, index) => ({
				...item,
				product: { ...item.product, productType: index === 0 ? 'DIGITAL' : 'PHYSICAL' },
			})),
		};

		it('filters on order status', async () => {
			const raw = delivery(orderCreate);
			const skipped = await deliver(raw, edHeaders(raw), { options: { orderStatuses: ['completed'] } });
			expect(skipped.res.parsed()).toEqual({ ignored: 'order status pending not selected' });
			expect(skipped.emitted).toHaveLength(0);

			const raw2 = delivery(orderStatusUpdate);
			const passed = await deliver(raw2, edHeaders(raw2), { options: { orderStatuses: ['completed'] } });
			expect(passed.emitted).toHaveLength(1);
		});

		it('filters on payment status (an order without one is ignored)', async () => {
			const options = { paymentStatuses: ['paid'] };
			const raw = delivery(orderCreate, { paymentStatus: 'paid' });
			expect((await deliver(raw, edHeaders(raw), { options })).emitted).toHaveLength(1);

			const raw2 = delivery(orderCreate, { paymentStatus: 'unpaid' });
			const unpaid = await deliver(raw2, edHeaders(raw2), { options });
			expect(unpaid.res.parsed()).toEqual({ ignored: 'payment status unpaid not selected' });

			const raw3 = delivery(orderCreate);
			const none = await deliver(raw3, edHeaders(raw3), { options });
			expect(none.res.parsed()).toEqual({ ignored: 'payment status (none) not selected' });
		});

		it('keeps only orders with physical items when asked', async () => {
			const options = { onlyPhysical: true };
			const raw = delivery(physical);
			expect((await deliver(raw, edHeaders(raw), { options })).emitted).toHaveLength(1);

			const raw2 = delivery(orderCreate);
			const skipped = await deliver(raw2, edHeaders(raw2), { options });
			expect(skipped.res.parsed()).toEqual({ ignored: 'order has no physical items' });
		});

		it('does not apply order filters to other events', async () => {
			const raw = delivery(appUninstall);
			const { emitted } = await deliver(raw, edHeaders(raw), {
				events: ['UNINSTALL'],
				options: { orderStatuses: ['completed'], onlyPhysical: true },
			});
			expect(emitted).toHaveLength(1);
		});
	});

	it('registers nothing: the webhook methods are no-ops that report success', async () => {
		const node = new HighLevelShippingTrigger();
		const hooks = {} as IHookFunctions;
		await expect(node.webhookMethods.default.checkExists.call(hooks)).resolves.toBe(true);
		await expect(node.webhookMethods.default.create.call(hooks)).resolves.toBe(true);
		await expect(node.webhookMethods.default.delete.call(hooks)).resolves.toBe(true);
		expect(node.description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'events' },
		]);
		expect(node.description.credentials).toBeUndefined();
	});
});

describe('event routing', () => {
	it.each([
		['OrderCreate', orderCreate],
		['OrderStatusUpdate', orderStatusUpdate],
		['INSTALL', appInstall],
		['UNINSTALL', appUninstall],
	])('routes the documented %s example on its type', (event, example) => {
		expect(eventTypeOf(example)).toBe(event);
		expect(isShapeInferred(example)).toBe(false);
	});

	it('routes the documented Product/Price examples (no event type, createdAt ≠ updatedAt) to Update', () => {
		for (const example of [productCreate, productUpdate, productDelete]) {
			expect(eventTypeOf(example)).toBe('ProductUpdate');
			expect(isShapeInferred(example)).toBe(true);
		}
		// PriceUpdate/PriceDelete carry `type: "one_time"` — a price type, not an event name.
		for (const example of [priceCreate, priceUpdate, priceDelete]) {
			expect(eventTypeOf(example)).toBe('PriceUpdate');
		}
	});

	it('recognises creation (createdAt = updatedAt) and deletion markers', () => {
		const created = { createdAt: productCreate.createdAt, updatedAt: productCreate.createdAt };
		expect(eventTypeOf({ ...productCreate, ...created })).toBe('ProductCreate');
		expect(eventTypeOf({ ...priceCreate, ...created })).toBe('PriceCreate');
		expect(eventTypeOf({ ...productDelete, deleted: true })).toBe('ProductDelete');
		expect(eventTypeOf({ ...priceDelete, deletedAt: '2024-02-01T00:00:00.000Z' })).toBe('PriceDelete');
		expect(eventTypeOf({ ...productCreate, updatedAt: undefined })).toBe('ProductCreate');
	});

	it('lets an explicit event name win over the shape', () => {
		expect(eventTypeOf({ ...productUpdate, type: 'ProductDelete' })).toBe('ProductDelete');
		expect(eventTypeOf({ ...priceUpdate, type: 'PriceCreate' })).toBe('PriceCreate');
		expect(eventTypeOf({ ...priceDelete, eventType: 'pricedelete' })).toBe('PriceDelete');
		expect(eventTypeOf({ type: 'AppInstall', appId: 'a' })).toBe('INSTALL');
	});

	it('returns unknown for anything else', () => {
		expect(eventTypeOf(undefined)).toBe('unknown');
		expect(eventTypeOf([])).toBe('unknown');
		expect(eventTypeOf({ type: 'ContactCreate' })).toBe('unknown');
		expect(eventTypeOf({ name: 'x' })).toBe('unknown');
	});
});

describe('order helpers', () => {
	it('detects physical items tolerantly', () => {
		const withType = (productType: unknown) => ({ items: [{ product: { productType } }] });
		expect(orderHasPhysicalItems(withType('PHYSICAL'))).toBe(true);
		expect(orderHasPhysicalItems(withType('PHYSICAL/DIGITAL'))).toBe(true);
		expect(orderHasPhysicalItems(withType('physical'))).toBe(true);
		expect(orderHasPhysicalItems(withType('DIGITAL'))).toBe(false);
		expect(orderHasPhysicalItems(withType('SERVICE'))).toBe(false);
		expect(orderHasPhysicalItems({ items: [{ productType: 'PHYSICAL' }] })).toBe(true);
		expect(orderHasPhysicalItems(orderCreate)).toBe(false);
		expect(orderHasPhysicalItems({ items: [null, 'x', { product: null }] })).toBe(false);
		expect(orderHasPhysicalItems({})).toBe(false);
		expect(orderHasPhysicalItems(undefined)).toBe(false);
	});

	it('reads order and payment statuses', () => {
		expect(orderStatusOf(orderCreate)).toBe('pending');
		expect(orderStatusOf(orderStatusUpdate)).toBe('completed');
		expect(orderStatusOf({})).toBeUndefined();
		expect(paymentStatusOf(orderCreate)).toBeUndefined();
		expect(paymentStatusOf({ paymentStatus: 'PAID' })).toBe('paid');
		expect(paymentStatusOf({ payment: { status: 'partially_paid' } })).toBe('partially_paid');
		expect(paymentStatusOf(null)).toBeUndefined();
	});
});
