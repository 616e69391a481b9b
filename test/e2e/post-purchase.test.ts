/**
 * End to end, after checkout, in a real n8n with the pack and the bundled workflows, against the
 * HighLevel and Shippo stand-ins:
 * - order-sync.json: HighLevel order webhooks (sent and signed by the HighLevel stand-in with its
 *   Ed25519 key; the trigger is configured with its public key) become exactly one Shippo order;
 * - fulfillment.json: the label Shippo reports (transaction_created, sent by the Shippo stand-in
 *   to the webhook the Shippo Trigger registered) becomes exactly one HighLevel fulfillment; its
 *   redelivery after the Shippo order is gone is acknowledged as ignored (200) and starts nothing;
 * - reconcile-orders.json: a paid order whose webhook never arrived still gets its Shippo order;
 * - uninstall.json (called by order-sync.json on UNINSTALL): no carrier, carrier rate or Shippo
 *   webhook of the app is left.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import axios from 'axios';
import { sleep } from 'n8n-workflow';
import orderCreate from '../fixtures/webhooks/OrderCreate.json';
import orderSyncWorkflow from '../../workflows/order-sync.json';
import fulfillmentWorkflow from '../../workflows/fulfillment.json';
import type { Stack } from './stack';
import { SHIPPO_AUTH, adaptToStack, buyLabelFor, paidOrder, standinSends, startStack, until, webhookIdOf } from './stack';

type Json = Record<string, unknown>;

const otherKeys = generateKeyPairSync('ed25519');
const LOCATION = 'LOCATION_ID_HERE';
const PRICE_IDS = (orderCreate.items as Array<{ price: { _id: string }; qty: number }>).map((item) => [
	item.price._id,
	item.qty,
]);

const ORDER = {
	synced: '66a0000000000000000000a1',
	concurrent: '66a0000000000000000000a2',
	rejected: '66a0000000000000000000a3',
	missed: '66a0000000000000000000a4',
};

jest.setTimeout(180000);

describe('post-purchase workflows on a real n8n', () => {
	let stack: Stack;
	let eventsUrl: string;
	const hl = () => stack.standins.highlevel.url;
	const shippo = () => stack.standins.shippo.url;

	/** Has the HighLevel stand-in sign and send one webhook to the HighLevel Trigger. */
	const sends = (body: Json) => standinSends(hl(), eventsUrl, body);

	/** Signed by the stand-in, sent by the test (to replay or tamper with the exact bytes). */
	async function signedByStandin(body: Json) {
		const response = await axios.post(`${hl()}/__standin/webhooks`, { ...body, send: false });
		return response.data as { raw: string; signature: string };
	}

	async function post(raw: string, signature: string) {
		const response = await axios.post(eventsUrl, raw, {
			headers: { 'content-type': 'application/json', 'x-ghl-signature': signature },
			validateStatus: () => true,
		});
		return { status: response.status, data: response.data as unknown };
	}

	async function shippoOrdersFor(orderId: string): Promise<Json[]> {
		const response = await axios.get(`${shippo()}/orders`, { headers: SHIPPO_AUTH, params: { results: 100 } });
		return (response.data.results as Json[]).filter((o) => o.order_number === `hl:${LOCATION}:${orderId}`);
	}

	async function highlevelState() {
		const response = await axios.get(`${hl()}/__standin/state`);
		return response.data.locations[LOCATION] as {
			carriers: Record<string, Json>;
			rates: Record<string, Json>;
			fulfillments: Record<string, Json[]>;
		};
	}

	beforeAll(async () => {
		stack = await startStack({
			activate: ['claim.json', 'live-rates.json', 'order-sync.json', 'fulfillment.json', 'uninstall.json'],
			seed: {
				locations: {
					[LOCATION]: {
						zones: [
							{ name: 'Domestic', countries: [{ code: 'US' }] },
							{ name: 'International', countries: [{ code: 'CA' }, { code: 'GB' }] },
						],
						orders: Object.values(ORDER).map((id) => paidOrder(id, LOCATION)),
					},
				},
			},
			transformWorkflow: adaptToStack,
		});
		eventsUrl = `${stack.n8nUrl}/webhook/${webhookIdOf(orderSyncWorkflow, '.highLevelShippingTrigger')}/events`;
	}, 600000);

	afterAll(async () => {
		if (stack) await stack.stop();
	}, 60000);

	it('turns one signed OrderCreate into one Shippo order carrying the HighLevel reference', async () => {
		const answer = await sends({ type: 'OrderCreate', orderId: ORDER.synced });
		expect(answer).toMatchObject({ status: 200, body: { received: true, event: 'OrderCreate' } });
		const created = await until(() => shippoOrdersFor(ORDER.synced), (list) => list.length > 0);
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({ order_number: `hl:${LOCATION}:${ORDER.synced}`, order_status: 'PAID' });
	});

	it('creates no second order when the same webhook arrives 3 times at once, or a status update follows', async () => {
		const { raw, signature } = await signedByStandin({ type: 'OrderCreate', orderId: ORDER.concurrent });
		const answers = await Promise.all([post(raw, signature), post(raw, signature), post(raw, signature)]);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
		await until(() => shippoOrdersFor(ORDER.concurrent), (list) => list.length > 0);

		expect((await sends({ type: 'OrderStatusUpdate', orderId: ORDER.synced })).status).toBe(200);
		await sleep(3000);
		expect(await shippoOrdersFor(ORDER.concurrent)).toHaveLength(1);
		expect(await shippoOrdersFor(ORDER.synced)).toHaveLength(1);
	});

	it('answers 401 with a reason for a tampered body, another key or a stale timestamp, and creates nothing', async () => {
		const { raw, signature } = await signedByStandin({ type: 'OrderCreate', orderId: ORDER.rejected });
		const tampered = await post(raw.replace('"completed"', '"pending"'), signature);
		expect(tampered.status).toBe(401);
		expect(JSON.stringify(tampered.data)).toMatch(/signature/i);

		const otherKey = await post(raw, sign(null, Buffer.from(raw), otherKeys.privateKey).toString('base64'));
		expect(otherKey.status).toBe(401);

		const stale = await sends({
			type: 'OrderCreate',
			orderId: ORDER.rejected,
			payload: { timestamp: new Date(Date.now() - 6 * 60 * 1000).toISOString() },
		});
		expect(stale.status).toBe(401);
		expect(JSON.stringify(stale.body)).toMatch(/timestamp|old|stale/i);

		await sleep(2000);
		expect(await shippoOrdersFor(ORDER.rejected)).toEqual([]);
	});

	it("turns Shippo's transaction_created into one HighLevel fulfillment with the order's price ids and quantities; twice is still one", async () => {
		const [shippoOrder] = await shippoOrdersFor(ORDER.synced);
		// Bought the way a merchant buys it in Shippo's app: for the order, with no metadata.
		const label = await buyLabelFor(shippo(), shippoOrder);
		const trackingNumber = String(label.tracking_number);

		const fulfillmentsOf = async () => (await highlevelState()).fulfillments[ORDER.synced] ?? [];
		const fulfillments = await until(fulfillmentsOf, (list) => list.length > 0);
		expect(fulfillments).toHaveLength(1);
		expect(fulfillments[0]).toMatchObject({
			trackings: [{ trackingNumber, shippingCarrier: expect.any(String), trackingUrl: expect.stringContaining(trackingNumber) }],
		});
		const items = (fulfillments[0].items as Json[]).map((item) => [item._id, item.qty]);
		expect(items).toEqual(PRICE_IDS);

		const deliveries = await axios.get(`${shippo()}/__standin/webhooks/deliveries`);
		const fulfillmentPath = `/webhook/${webhookIdOf(fulfillmentWorkflow, '.shippoTrigger')}/shippo`;
		expect(deliveries.data).toEqual([
			expect.objectContaining({
				event: 'transaction_created',
				status: 200,
				body: { received: true, event: 'transaction_created' },
				url: expect.stringContaining(fulfillmentPath),
			}),
		]);
		const again = await axios.post(`${shippo()}/__standin/webhooks/redeliver`, {});
		expect(again.data.status).toBe(200);
		await sleep(3000);
		expect(await fulfillmentsOf()).toHaveLength(1);
	});

	it("acknowledges Shippo's redelivery of a label whose Shippo order no longer exists (200 {ignored}, naming the order) and starts nothing", async () => {
		const [shippoOrder] = await shippoOrdersFor(ORDER.synced);
		const orderId = String(shippoOrder.object_id);
		const fulfillmentsBefore = (await highlevelState()).fulfillments[ORDER.synced] ?? [];
		expect(fulfillmentsBefore).toHaveLength(1);
		// The order removed at Shippo (the stand-in has no delete route; its state is in this process),
		// then the label's transaction_created delivered again, as Shippo retries.
		const shippoState = stack.standins.shippo.state as unknown as { orders: Record<string, Json> };
		const kept = shippoState.orders[orderId];
		delete shippoState.orders[orderId];
		const requestsBefore = stack.standins.shippo.requests.length;
		try {
			const again = await axios.post(`${shippo()}/__standin/webhooks/redeliver`, {});
			expect(again.data).toMatchObject({
				event: 'transaction_created',
				status: 200,
				body: { ignored: true, reason: expect.stringMatching(new RegExp(`order ${orderId} not found at Shippo.*404`)) },
			});
			expect(stack.standins.shippo.requests.slice(requestsBefore)).toEqual([
				expect.objectContaining({ route: 'GET /orders/{OrderId}', status: 404 }),
			]);
		} finally {
			shippoState.orders[orderId] = kept;
		}
		await sleep(3000);
		expect((await highlevelState()).fulfillments[ORDER.synced] ?? []).toHaveLength(1);
	});

	it('creates the Shippo order of a paid order whose webhook never arrived, once (reconcile-orders.json)', async () => {
		expect(await shippoOrdersFor(ORDER.missed)).toEqual([]);
		await stack.executeWorkflow('reconcile-orders.json');
		expect(await shippoOrdersFor(ORDER.missed)).toHaveLength(1);
		await stack.executeWorkflow('reconcile-orders.json');
		expect(await shippoOrdersFor(ORDER.missed)).toHaveLength(1);
		for (const id of [ORDER.synced, ORDER.concurrent, ORDER.rejected]) {
			expect(await shippoOrdersFor(id)).toHaveLength(1);
		}
	});

	it('leaves no carrier, carrier rate or Shippo webhook of the app after UNINSTALL', async () => {
		await stack.executeWorkflow('install-carrier.json');
		const installed = await highlevelState();
		expect(Object.values(installed.carriers)).toHaveLength(1);
		expect(Object.values(installed.rates).filter((r) => r.isCarrierRate)).toHaveLength(2);
		const hooksBefore = await axios.get(`${shippo()}/webhooks`, { headers: SHIPPO_AUTH });
		expect(hooksBefore.data.results.length).toBeGreaterThan(0);

		const answer = await sends({ type: 'UNINSTALL', payload: { locationId: LOCATION, companyId: 'company-1' } });
		expect(answer.status).toBe(200);
		const after = await until(highlevelState, (state) => Object.keys(state.carriers).length === 0);
		expect(after.carriers).toEqual({});
		expect(Object.values(after.rates).filter((r) => r.isCarrierRate || r.shippingCarrierId)).toEqual([]);
		const hooks = await until(
			async () => (await axios.get(`${shippo()}/webhooks`, { headers: SHIPPO_AUTH })).data.results as Json[],
			(list) => list.length === 0,
		);
		expect(hooks).toEqual([]);
	});

	it('answers 401 with a reason to a Shippo event without the URL token, and to an unsigned HighLevel webhook', async () => {
		const shippoUrl = `${stack.n8nUrl}/webhook/${webhookIdOf(fulfillmentWorkflow, '.shippoTrigger')}/shippo`;
		const forged = await axios.post(shippoUrl, { event: 'transaction_created', data: {} }, { validateStatus: () => true });
		expect(forged.status).toBe(401);
		expect(JSON.stringify(forged.data)).toMatch(/token/);
		const unsigned = await axios.post(
			eventsUrl,
			{ type: 'OrderCreate', _id: ORDER.rejected, altId: LOCATION },
			{ validateStatus: () => true },
		);
		expect(unsigned.status).toBe(401);
		expect(JSON.stringify(unsigned.data)).toMatch(/signature/i);
	});

	it('sent only requests that pass the HighLevel and Shippo specs, and n8n is up', async () => {
		expect((await axios.get(`${stack.n8nUrl}/healthz`)).status).toBe(200);
		expect(stack.standins.highlevel.violations).toEqual([]);
		expect(stack.standins.shippo.violations).toEqual([]);
	});
});
