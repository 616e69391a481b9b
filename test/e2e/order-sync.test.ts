/**
 * End to end: HighLevel order webhooks become exactly one Shippo order (workflows/order-sync.json),
 * in a real n8n with the pack, against the HighLevel and Shippo stand-ins. Webhooks are signed the
 * way HighLevel signs them (Ed25519 over the raw body, `x-ghl-signature`) with a key made here; the
 * trigger is configured with its public key.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import axios from 'axios';
import { sleep } from 'n8n-workflow';
import orderCreate from '../fixtures/webhooks/OrderCreate.json';
import orderSyncWorkflow from '../../workflows/order-sync.json';
import type { Stack } from './stack';
import { pointInstallAtLiveRates, startStack } from './stack';

type Json = Record<string, unknown>;


const keys = generateKeyPairSync('ed25519');
const otherKeys = generateKeyPairSync('ed25519');
const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const triggerNode = (orderSyncWorkflow.nodes as Json[]).find((n) => n.name === 'HighLevel Trigger') as Json;
const SHIPPO_AUTH = { Authorization: 'ShippoToken shippo_test_demo' };

describe('order sync on a real n8n', () => {
	let stack: Stack;
	let eventsUrl: string;
	const orders = ['66a0000000000000000000a1', '66a0000000000000000000a2'];

	const orderFor = (locationId: string, id: string): Json => ({
		...(orderCreate as Json),
		_id: id,
		altId: locationId,
		locationId,
		status: 'completed',
	});

	function delivery(id: string, overrides: Json = {}) {
		const body = {
			...orderFor(stack.locationId, id),
			type: 'OrderCreate',
			webhookId: randomUUID(),
			timestamp: new Date().toISOString(),
			...overrides,
		};
		return JSON.stringify(body);
	}

	async function deliver(raw: string, privateKey = keys.privateKey, rawToSend = raw) {
		const signature = sign(null, Buffer.from(raw), privateKey).toString('base64');
		const response = await axios.post(eventsUrl, rawToSend, {
			headers: { 'content-type': 'application/json', 'x-ghl-signature': signature },
			validateStatus: () => true,
		});
		return { status: response.status, data: response.data };
	}

	async function shippoOrdersFor(orderId: string): Promise<Json[]> {
		const response = await axios.get(`${stack.standins.shippo.url}/orders`, {
			headers: SHIPPO_AUTH,
			params: { results: 100 },
		});
		const reference = `hl:${stack.locationId}:${orderId}`;
		return (response.data.results as Json[]).filter((o) => o.order_number === reference);
	}

	async function waitForOrders(orderId: string, count: number) {
		for (let i = 0; i < 60; i++) {
			const found = await shippoOrdersFor(orderId);
			if (found.length >= count) return found;
			await sleep(250);
		}
		return await shippoOrdersFor(orderId);
	}

	beforeAll(async () => {
		stack = await startStack({
			activate: ['live-rates.json', 'order-sync.json'],
			seed: {
				locations: {
					LOCATION_ID_HERE: {
						zones: [{ name: 'Domestic', countries: [{ code: 'US' }] }],
						orders: orders.map((id) => orderFor('LOCATION_ID_HERE', id)),
					},
				},
			},
			transformWorkflow: (definition: Json, file: string, context: { n8nUrl: string }) => {
				if (file !== 'order-sync.json') return pointInstallAtLiveRates(definition, file, context);
				const trigger = (definition.nodes as Json[]).find((n) => n.name === 'HighLevel Trigger') as Json;
				trigger.parameters = { ...(trigger.parameters as Json), publicKey: publicPem, acceptLegacy: false };
				return definition;
			},
		});
		eventsUrl = `${stack.n8nUrl}/webhook/${String(triggerNode.webhookId)}/events`;
	}, 600000);

	afterAll(async () => {
		if (stack) await stack.stop();
	}, 60000);

	it('turns one signed OrderCreate into one Shippo order carrying the HighLevel reference', async () => {
		const response = await deliver(delivery(orders[0]));
		expect(response.status).toBe(200);
		const created = await waitForOrders(orders[0], 1);
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({ order_number: `hl:${stack.locationId}:${orders[0]}` });
	});

	it('creates no second order when the same webhook arrives 3 times at once', async () => {
		const raw = delivery(orders[1]);
		const responses = await Promise.all([deliver(raw), deliver(raw), deliver(raw)]);
		expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
		await waitForOrders(orders[1], 1);
		await sleep(2000);
		expect(await shippoOrdersFor(orders[1])).toHaveLength(1);
	});

	it('creates no second order for a later status update of the same order', async () => {
		const response = await deliver(delivery(orders[0], { type: 'OrderStatusUpdate' }));
		expect(response.status).toBe(200);
		await sleep(3000);
		expect(await shippoOrdersFor(orders[0])).toHaveLength(1);
	});

	it('answers 401 with a reason for a tampered body, another key or a stale timestamp', async () => {
		const raw = delivery(orders[0]);
		const tampered = await deliver(raw, keys.privateKey, raw.replace('"completed"', '"pending"'));
		expect(tampered.status).toBe(401);
		expect(JSON.stringify(tampered.data)).toMatch(/signature/i);

		expect((await deliver(raw, otherKeys.privateKey)).status).toBe(401);

		const stale = delivery(orders[0], { timestamp: new Date(Date.now() - 6 * 60 * 1000).toISOString() });
		const staleResponse = await deliver(stale);
		expect(staleResponse.status).toBe(401);
		expect(JSON.stringify(staleResponse.data)).toMatch(/timestamp|old|stale/i);
	});

	it('sent only requests that pass the HighLevel and Shippo specs, and n8n is up', async () => {
		expect((await axios.get(`${stack.n8nUrl}/healthz`)).status).toBe(200);
		expect(stack.standins.highlevel.violations).toEqual([]);
		expect(stack.standins.shippo.violations).toEqual([]);
	});
});
