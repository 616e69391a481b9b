/**
 * End to end, LaunchMyStore: a real n8n with the pack and the three LaunchMyStore workflows
 * published (live rates, order sync, fulfillment), against the LaunchMyStore stand-in (its
 * dispatcher signs quote requests and webhooks as LaunchMyStore does, retries quotes, validates
 * every API request and every answer against the project's schema of the documented contract)
 * and the Shippo stand-in.
 */
import axios from 'axios';
import { sleep } from 'n8n-workflow';
import rateRequestFixture from '../fixtures/launchmystore-rate-request.json';
import liveRatesWorkflow from '../../workflows/launchmystore-live-rates.json';
import orderSyncWorkflow from '../../workflows/launchmystore-order-sync.json';
import type { Stack } from './stack';
import { adaptToStack, SHIPPO_AUTH, startStack, until, webhookIdOf } from './stack';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const APP_HANDLE = 'acme-shipping';
const SHOP_DOMAIN = 'demo-shop.launchmystore.io';
const trigger = (liveRatesWorkflow.nodes as Json[]).find((n) => String(n.type).endsWith('.shippingRatesTrigger'))!;
const DEADLINE_MS = Number(trigger.parameters.deadlineMs);
const FALLBACK = (trigger.parameters.fallbackRates.rate as Json[]).map((r) => r.serviceName);

const reference = (orderId: string) => `lms:${SHOP_DOMAIN}:${orderId}`;

describe('LaunchMyStore on a real n8n', () => {
	let stack: Stack;
	let quoteUrl: string;
	let eventsUrl: string;

	/** The Shippo orders carrying this LaunchMyStore order's reference. */
	const shippoOrdersFor = (orderId: string) =>
		Object.values((stack.standins.shippo.state as unknown as { orders: Record<string, Json> }).orders).filter(
			(o) => o.order_number === reference(orderId),
		);

	/** A paid order shipped with `source` (this app's rates by default), two line items. */
	const newOrder = (source: string | null = APP_HANDLE, code = `${APP_HANDLE}-usps_priority`) =>
		stack.standins.launchmystore.createOrder({
			line_items: [
				{ title: 'T-Shirt', sku: 'TS-1', quantity: 2, grams: 200, price: 1500 },
				{ title: 'Mug', sku: 'MUG-1', quantity: 1, grams: 450, price: 2000 },
			],
			shipping_lines: [{ title: 'USPS Priority', code, price: 899, ...(source === null ? {} : { source }) }],
			shipping_address: { first_name: 'Ada', last_name: 'Lovelace', address1: '1 Main St', city: 'Austin', province: 'Texas', province_code: 'TX', zip: '78701', country: 'United States', country_code: 'US' },
		});

	beforeAll(async () => {
		stack = await startStack({
			workflows: [
				'workflows/launchmystore-live-rates.json',
				'workflows/launchmystore-order-sync.json',
				'workflows/launchmystore-fulfillment.json',
				'workflows/claim.json',
			],
			transformWorkflow: adaptToStack,
		});
		quoteUrl = `${stack.webhookUrl}/webhook/${webhookIdOf(liveRatesWorkflow, '.shippingRatesTrigger')}/rates`;
		eventsUrl = `${stack.webhookUrl}/webhook/${webhookIdOf(orderSyncWorkflow, '.launchMyStoreTrigger')}/events`;
	}, 600000);

	afterAll(async () => {
		if (stack) await stack.stop();
	}, 60000);

	afterEach(() => stack?.standins.shippo.clearFaults());

	it('answers a signed quote with string total_price in major units, delivery dates and the app-handle service codes', async () => {
		const result = await stack.standins.launchmystore.quote({ url: quoteUrl });
		expect(result.status).toBe(200);
		expect(result.fellBack).toBe(false);
		expect(result.violations).toEqual([]);
		const rates = result.body.rates as Json[];
		expect(rates.length).toBeGreaterThan(0);
		for (const rate of rates) {
			expect(rate.total_price).toMatch(/^\d+\.\d{2}$/);
			expect(rate.currency).toBe('USD');
			expect(rate.service_code.startsWith(`${APP_HANDLE}-`)).toBe(true);
			expect(FALLBACK).not.toContain(rate.service_name);
		}
		expect(rates.some((rate) => /^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(String(rate.max_delivery_date)))).toBe(true);

		// LaunchMyStore retries and caches: the same request answers the same rates.
		const again = await stack.standins.launchmystore.quote({ url: quoteUrl });
		expect(again.body.rates).toEqual(rates);
	}, 60000);

	it('refuses a quote with a wrong or missing signature with 401 (LaunchMyStore then shows its zones)', async () => {
		const shipmentsBefore = stack.standins.shippo.requests.length;
		for (const signature of ['wrong', 'none']) {
			const result = await stack.standins.launchmystore.quote({ url: quoteUrl, signature });
			expect(result.status).toBe(401);
			expect(result.fellBack).toBe(true);
			expect(JSON.stringify(result.body)).not.toMatch(/stack|at .*\.js/);
		}
		expect(stack.standins.shippo.requests.length).toBe(shipmentsBefore);
	}, 60000);

	it('answers within the deadline when the carrier hangs (the fallback rates)', async () => {
		stack.standins.shippo.setFault({ route: 'POST /shipments', mode: 'hang' });
		// A cart not asked before, so neither the answer cache nor the quote cache answers it.
		const body = JSON.parse(JSON.stringify(rateRequestFixture)) as Json;
		body.rate.destination.postal_code = '10001';
		body.rate.destination.zip = '10001';
		body.shop = { ...(body.shop ?? {}), domainSlug: 'demo-shop' };
		const result = await stack.standins.launchmystore.quote({ url: quoteUrl, body });
		expect(result.status).toBe(200);
		expect(result.durationMs).toBeLessThan(DEADLINE_MS + 1000);
		expect((result.body.rates as Json[]).map((r) => r.service_name)).toEqual(FALLBACK);
		expect(typeof result.body.rates[0].total_price).toBe('string');
	}, 60000);

	it('orders/create with our rate makes one Shippo order carrying the reference and the chosen service; redelivered, still one', async () => {
		const order = newOrder();
		const webhookId = 'whk-e2e-ours-1';
		const first = await stack.standins.launchmystore.webhook({ url: eventsUrl, topic: 'orders/create', orderId: order.id, webhookId });
		expect(first.status).toBe(200);
		const made = await until(async () => shippoOrdersFor(order.id), (found) => found.length > 0);
		expect(made).toHaveLength(1);
		expect(made[0].shipping_method).toBe('usps_priority');
		// The same delivery again (same webhook id), and a retry under a new id: still one order.
		const again = await stack.standins.launchmystore.webhook({ url: eventsUrl, topic: 'orders/create', orderId: order.id, webhookId });
		expect(again.body).toMatchObject({ ignored: true });
		await stack.standins.launchmystore.webhook({ url: eventsUrl, topic: 'orders/create', orderId: order.id, webhookId: 'whk-e2e-ours-2', signature: 'hex' });
		await until(async () => stack.standins.shippo.requests.filter((r) => r.route === 'GET /orders').length, (n) => n > 0);
		await sleep(1500);
		expect(shippoOrdersFor(order.id)).toHaveLength(1);
	}, 60000);

	it("orders/create shipped with another app's rate or local pickup makes no Shippo order", async () => {
		for (const [source, code] of [['other-app', 'other-app-express'], ['local_pickup', 'pickup']] as const) {
			const order = newOrder(source, code);
			const answer = await stack.standins.launchmystore.webhook({ url: eventsUrl, topic: 'orders/create', orderId: order.id });
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ ignored: true });
			expect(String(answer.body.reason)).toContain(source);
			await sleep(500);
			expect(shippoOrdersFor(order.id)).toHaveLength(0);
		}
	}, 60000);

	it('refuses a webhook with a wrong signature or outside the 5-minute window with 401', async () => {
		const order = newOrder();
		const wrong = await stack.standins.launchmystore.webhook({ url: eventsUrl, topic: 'orders/create', orderId: order.id, signature: 'wrong' });
		expect(wrong.status).toBe(401);
		const stale = await stack.standins.launchmystore.webhook({
			url: eventsUrl,
			topic: 'orders/create',
			orderId: order.id,
			triggeredAt: new Date(Date.now() - 6 * 60_000).toISOString(),
		});
		expect(stale.status).toBe(401);
		await sleep(500);
		expect(shippoOrdersFor(order.id)).toHaveLength(0);
	}, 60000);

	it('two Shippo labels make two LaunchMyStore fulfillments, and the order ends shipped', async () => {
		const order = newOrder();
		await stack.standins.launchmystore.webhook({ url: eventsUrl, topic: 'orders/create', orderId: order.id });
		const [shippoOrder] = await until(async () => shippoOrdersFor(order.id), (found) => found.length > 0);
		const shippoUrl = stack.standins.shippo.url;
		const buyLabel = async (metadata?: string) => {
			const to = shippoOrder.to_address as Json;
			const shipment = await axios.post(
				`${shippoUrl}/shipments`,
				{
					address_from: { name: 'Store', street1: '215 Clayton St.', city: 'San Francisco', state: 'CA', zip: '94117', country: 'US' },
					address_to: { name: to.name, street1: to.street1, city: to.city, state: to.state, zip: to.zip, country: to.country },
					parcels: [{ length: '10', width: '8', height: '4', distance_unit: 'in', weight: '1', mass_unit: 'lb' }],
					async: false,
				},
				{ headers: SHIPPO_AUTH },
			);
			return (
				await axios.post(
					`${shippoUrl}/transactions`,
					{ rate: shipment.data.rates[0].object_id, order: shippoOrder.object_id, async: false, ...(metadata ? { metadata } : {}) },
					{ headers: SHIPPO_AUTH },
				)
			).data as Json;
		};
		const lms = stack.standins.launchmystore;
		const [shirt] = order.line_items as Json[];
		// Package 1: the shirts (the label's metadata names them); package 2: the rest.
		const label1 = await buyLabel(`${reference(order.id)} items=${shirt.id}*2`);
		await until(async () => lms.state.fulfillments[order.id] ?? [], (list: Json[]) => list.length === 1);
		expect(lms.state.orders[order.id].status).toBe('partial');
		const label2 = await buyLabel();
		const fulfillments = (await until(async () => lms.state.fulfillments[order.id] ?? [], (list: Json[]) => list.length === 2)) as Json[];
		expect(fulfillments.map((f) => f.tracking_number).sort()).toEqual([label1.tracking_number, label2.tracking_number].sort());
		expect(fulfillments[0].line_items.map((li: Json) => [li.id, li.quantity])).toEqual([[shirt.id, 2]]);
		expect(lms.state.orders[order.id].status).toBe('shipped');
		// The credential (OAuth2 refresh token mode) got its access token from LaunchMyStore's token
		// endpoint inside n8n, and every API call carried a token LaunchMyStore issued that way.
		const records = lms.requests as Array<{ route?: string; status?: number; headers?: Json }>;
		const exchanges = records.filter((r) => r.route === 'POST /apps/oauth/token');
		expect(exchanges.length).toBeGreaterThan(0);
		expect(exchanges.every((r) => r.status === 200)).toBe(true);
		const apiCalls = records.filter((r) => String(r.route ?? '').includes('/api/v1/orders/'));
		expect(apiCalls.length).toBeGreaterThan(0);
		expect(apiCalls.every((r) => r.status !== 401 || exchanges.length > 1)).toBe(true);
		expect(apiCalls.some((r) => String(r.headers?.authorization) === 'Bearer lms-demo-access-token')).toBe(false);
	}, 120000);

	it('sent nothing the stand-ins reject', () => {
		expect(stack.standins.launchmystore.violations).toEqual([]);
		expect(stack.standins.shippo.violations).toEqual([]);
	});
});
