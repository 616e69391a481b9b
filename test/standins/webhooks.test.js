'use strict';
/** Webhooks the stand-ins send: HighLevel's signed events, Shippo's label events and retries. */
const crypto = require('node:crypto');
const http = require('node:http');
const { startHighLevelStandin, startShippoStandin } = require('./index');
const { call } = require('./http-client');

/** A local receiver that records what it is sent and answers `status`. */
function receiver(status = 200) {
	const received = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			received.push({ url: req.url, headers: req.headers, raw });
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ received: true }));
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				received,
				url: `http://127.0.0.1:${server.address().port}`,
				close: () => new Promise((done) => server.close(done)),
			}),
		),
	);
}

const waitFor = async (probe) => {
	for (let i = 0; i < 100; i++) {
		if (probe()) return;
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
};

describe('HighLevel stand-in webhooks', () => {
	let hl;
	let sink;
	beforeAll(async () => {
		hl = await startHighLevelStandin({
			seed: {
				locations: {
					'loc-a': {
						orders: [{ _id: '66a0000000000000000000b1', status: 'completed', paymentStatus: 'paid', items: [] }],
					},
				},
			},
		});
		sink = await receiver();
	});
	afterAll(async () => {
		await hl.close();
		await sink.close();
	});

	test('signs a stored order as OrderCreate with its Ed25519 key; the published key verifies it', async () => {
		const key = await call(hl.url, 'GET', '/__standin/webhook-key');
		expect(key.status).toBe(200);
		const answer = await call(hl.url, 'POST', '/__standin/webhooks', {
			body: { url: `${sink.url}/hook`, type: 'OrderCreate', orderId: '66a0000000000000000000b1' },
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ status: 200, body: { received: true } });
		const [got] = sink.received;
		const body = JSON.parse(got.raw);
		expect(body).toMatchObject({
			type: 'OrderCreate',
			_id: '66a0000000000000000000b1',
			altId: 'loc-a',
			locationId: 'loc-a',
			webhookId: expect.any(String),
			timestamp: expect.any(String),
		});
		const signature = Buffer.from(got.headers['x-ghl-signature'], 'base64');
		const publicKey = crypto.createPublicKey(key.json.publicKey);
		expect(crypto.verify(null, Buffer.from(got.raw), publicKey, signature)).toBe(true);
		expect(crypto.verify(null, Buffer.from(got.raw.replace('loc-a', 'loc-b')), publicKey, signature)).toBe(false);
	});

	test('UNINSTALL carries the app id; an unknown order or a missing url is refused', async () => {
		const answer = await call(hl.url, 'POST', '/__standin/webhooks', {
			body: { url: sink.url, type: 'UNINSTALL', payload: { locationId: 'loc-a' } },
		});
		expect(answer.json.sent).toMatchObject({ type: 'UNINSTALL', locationId: 'loc-a', appId: expect.any(String) });
		const unknown = await call(hl.url, 'POST', '/__standin/webhooks', {
			body: { url: sink.url, type: 'OrderCreate', orderId: 'nope' },
		});
		expect(unknown.status).toBe(404);
		expect((await call(hl.url, 'POST', '/__standin/webhooks', { body: { type: 'UNINSTALL' } })).status).toBe(400);
	});
});

describe('Shippo stand-in webhooks', () => {
	const AUTH = { authorization: 'ShippoToken shippo_test_standin' };
	let sh;
	let sink;
	const post = (p, body) => call(sh.url, 'POST', p, { headers: AUTH, body });
	beforeAll(async () => {
		sh = await startShippoStandin();
		sink = await receiver();
	});
	afterAll(async () => {
		await sh.close();
		await sink.close();
	});

	test('buying a label sends transaction_created to the registered webhook, and redelivers it on demand', async () => {
		await post('/webhooks', { event: 'transaction_created', url: `${sink.url}/shippo?t=abc`, is_test: true });
		await post('/webhooks', { event: 'track_updated', url: `${sink.url}/track`, is_test: true });
		const address = { name: 'A', street1: '1 Main St', city: 'New York', state: 'NY', zip: '10001', country: 'US' };
		const shipment = await post('/shipments', {
			address_from: address,
			address_to: address,
			parcels: [{ length: '10', width: '8', height: '4', distance_unit: 'in', weight: '1', mass_unit: 'lb' }],
			async: false,
		});
		const order = await post('/orders', { to_address: address, placed_at: '2026-01-02T03:04:05Z', order_number: 'hl:loc-a:o1' });
		const tx = await post('/transactions', { rate: shipment.json.rates[0].object_id, order: order.json.object_id, async: false });
		expect(tx.json).toMatchObject({ tracking_number: expect.stringMatching(/^\d{22}$/), order: order.json.object_id });

		await waitFor(() => sink.received.length >= 1);
		expect(sink.received).toHaveLength(1);
		expect(sink.received[0].url).toBe('/shippo?t=abc');
		const sent = JSON.parse(sink.received[0].raw);
		expect(sent).toMatchObject({ event: 'transaction_created', test: true, data: { object_id: tx.json.object_id } });

		const again = await call(sh.url, 'POST', '/__standin/webhooks/redeliver', { body: {} });
		expect(again.json).toMatchObject({ status: 200, event: 'transaction_created' });
		expect(sink.received).toHaveLength(2);
		expect(sink.received[1].raw).toBe(sink.received[0].raw);

		const track = await call(sh.url, 'POST', '/__standin/webhooks/emit', {
			body: { event: 'track_updated', transactionId: tx.json.object_id },
		});
		expect(track.json).toHaveLength(1);
		expect(JSON.parse(sink.received[2].raw)).toMatchObject({
			event: 'track_updated',
			data: { tracking_number: tx.json.tracking_number, transaction: tx.json.object_id },
		});
		const deliveries = await call(sh.url, 'GET', '/__standin/webhooks/deliveries');
		expect(deliveries.json.map((d) => d.event)).toEqual(['transaction_created', 'transaction_created', 'track_updated']);
		expect(sh.violations).toEqual([]);
	});
});

describe('HighLevel stand-in: a webhook prepared but not sent', () => {
	test('send: false answers the exact bytes and their signature', async () => {
		const hl = await startHighLevelStandin();
		try {
			const key = await call(hl.url, 'GET', '/__standin/webhook-key');
			const answer = await call(hl.url, 'POST', '/__standin/webhooks', {
				body: { type: 'UNINSTALL', send: false, payload: { locationId: 'loc-z' } },
			});
			expect(JSON.parse(answer.json.raw)).toMatchObject({ type: 'UNINSTALL', locationId: 'loc-z' });
			const ok = crypto.verify(
				null,
				Buffer.from(answer.json.raw),
				crypto.createPublicKey(key.json.publicKey),
				Buffer.from(answer.json.signature, 'base64'),
			);
			expect(ok).toBe(true);
		} finally {
			await hl.close();
		}
	});
});
