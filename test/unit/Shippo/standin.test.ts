/**
 * The new Shippo operations against the Shippo stand-in over real HTTP: every request must pass
 * the stand-in's validation against public-api.yaml (no violations), and the stand-in's answers
 * its own response check.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { Shippo } from '../../../nodes/Shippo/Shippo.node';
import { sendToStandin } from '../helpers/standinHttp';
import { createContext } from './context';

interface Standin {
	url: string;
	violations: unknown[];
	responseViolations: unknown[];
	reset(): void;
	close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startShippoStandin } = require('../../standins') as {
	startShippoStandin: (options: IDataObject) => Promise<Standin>;
};

let sh: Standin;

/** Sends the node's request like n8n would (ShippoToken auth, JSON), throwing on HTTP errors. */
const send = async (request: IHttpRequestOptions) =>
	await sendToStandin(request, 'ShippoToken shippo_test_unit');

async function download(request: IHttpRequestOptions): Promise<Buffer> {
	const response = await fetch(request.url);
	return Buffer.from(await response.arrayBuffer());
}

async function run(params: IDataObject) {
	const context = createContext({
		params,
		items: [{ json: {} }],
		http: send,
		download,
		credentials: { token: 'shippo_test_unit', baseUrl: sh.url },
	});
	const output = await new Shippo().execute.call(context.ctx);
	return { ...context, output: output[0] };
}

beforeAll(async () => {
	sh = await startShippoStandin({ checkResponses: true });
});
afterAll(async () => {
	await sh.close();
});
beforeEach(() => sh.reset());
afterEach(() => {
	expect(sh.violations).toEqual([]);
	expect(sh.responseViolations).toEqual([]);
});

const hlOrder = {
	_id: '660ed43bfdf9fc05a0de7a40',
	altId: 'Z4Bxl8J4SaPEPLq9IQ8g',
	status: 'completed',
	currency: 'USD',
	amount: 51,
	createdAt: '2024-04-04T16:24:27.036Z',
	amountSummary: { subtotal: 51, tax: 0, shipping: 0 },
	contactSnapshot: {
		firstName: 'Max',
		lastName: 'S',
		address1: '1 Main St',
		city: 'New York',
		state: 'NY',
		postalCode: '10001',
		country: 'US',
	},
	items: [{ name: 'Tee', qty: 3, price: { currency: 'USD', amount: 17 } }],
};

describe('Shippo node ↔ stand-in', () => {
	it('Order create from a HighLevel order is idempotent; Get and Get Many find it', async () => {
		const params = {
			resource: 'order',
			operation: 'create',
			defineOrder: 'highLevelOrder',
			highLevelOrder: JSON.stringify(hlOrder),
			options: {},
		};
		const first = await run(params);
		expect(first.output[0].json).toMatchObject({
			created: true,
			order_number: 'hl:Z4Bxl8J4SaPEPLq9IQ8g:660ed43bfdf9fc05a0de7a40',
			total_price: '51.00',
		});
		const second = await run(params);
		expect(second.output[0].json).toMatchObject({
			created: false,
			object_id: first.output[0].json.object_id,
		});
		expect(second.requests.map((r) => r.method)).toEqual(['GET']);

		const got = await run({
			resource: 'order',
			operation: 'get',
			orderId: first.output[0].json.object_id,
		});
		expect(got.output[0].json.line_items).toEqual([
			expect.objectContaining({ title: 'Tee', quantity: 3, total_price: '51.00' }),
		]);
		const listed = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { orderStatus: ['PAID', 'SHIPPED'] },
		});
		expect(listed.output).toHaveLength(1);
		const none = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { orderStatus: ['CANCELLED'] },
		});
		expect(none.output).toHaveLength(0);
	});

	it('Order create from fields with the reference option validates against the spec', async () => {
		const { output } = await run({
			resource: 'order',
			operation: 'create',
			defineOrder: 'fields',
			toAddress: {
				address: {
					name: 'A B',
					street1: '1 Main St',
					city: 'New York',
					state: 'NY',
					zip: '10001',
					country: 'US',
				},
			},
			lineItems: {
				lineItem: [
					{
						title: 'Mug',
						quantity: 2,
						totalPrice: 19,
						currency: 'USD',
						weight: 0.8,
						weightUnit: 'lb',
					},
				],
			},
			additionalFields: {
				orderStatus: 'PAID',
				currency: 'USD',
				totalPrice: 19,
				shippingCost: 5,
				shippingCostCurrency: 'USD',
				notes: 'x',
			},
			options: { highLevelReference: { reference: { locationId: 'loc-1', orderId: 'ord-2' } } },
		});
		expect(output[0].json).toMatchObject({
			created: true,
			order_number: 'hl:loc-1:ord-2',
			shipping_cost: '5.00',
		});
	});

	it('Shipment → Transaction with label download → Track → Webhook → Address', async () => {
		const shipment = await run({
			resource: 'shipment',
			operation: 'create',
			defineShipment: 'json',
			shipmentJson: JSON.stringify({
				address_from: {
					name: 'S',
					street1: '215 Clayton St.',
					city: 'San Francisco',
					state: 'CA',
					zip: '94117',
					country: 'US',
				},
				address_to: {
					name: 'C',
					street1: '1 Main St',
					city: 'New York',
					state: 'NY',
					zip: '10001',
					country: 'US',
				},
				parcels: [
					{ length: 10, width: 8, height: 4, distance_unit: 'in', weight: 2, mass_unit: 'lb' },
				],
			}),
			additionalFields: {},
		});
		const rateId = (shipment.output[0].json.rates as IDataObject[])[0].object_id;
		const tx = await run({
			resource: 'transaction',
			operation: 'create',
			rateId,
			labelFileType: 'PDF_4x6',
			additionalFields: { metadata: 'hl:loc-1:ord-2' },
			downloadLabel: true,
			binaryPropertyName: 'data',
		});
		expect(tx.output[0].json).toMatchObject({
			status: 'SUCCESS',
			tracking_number: expect.stringMatching(/^\d{22}$/),
			metadata: 'hl:loc-1:ord-2',
		});
		const label = tx.output[0].binary?.data;
		expect(label).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `label-${String(tx.output[0].json.object_id)}.pdf`,
		});
		expect(
			Buffer.from(String(label?.data), 'base64').toString('latin1').startsWith('%PDF-1.4'),
		).toBe(true);

		const listed = await run({
			resource: 'transaction',
			operation: 'getMany',
			returnAll: true,
			filters: { rate: rateId },
		});
		expect(listed.output).toHaveLength(1);

		const reg = await run({
			resource: 'track',
			operation: 'register',
			carrier: 'shippo',
			trackingNumber: 'SHIPPO_DELIVERED',
			metadata: 'hl:loc-1:ord-2',
		});
		expect(reg.output[0].json).toMatchObject({
			metadata: 'hl:loc-1:ord-2',
			tracking_status: { status: 'DELIVERED' },
		});
		const track = await run({
			resource: 'track',
			operation: 'get',
			carrier: 'shippo',
			trackingNumber: 'SHIPPO_TRANSIT',
		});
		expect(track.output[0].json).toMatchObject({ tracking_status: { status: 'TRANSIT' } });

		const hook = await run({
			resource: 'webhook',
			operation: 'create',
			event: 'track_updated',
			url: 'https://example.com/hook?token=t',
			active: true,
			isTest: true,
		});
		const hooks = await run({ resource: 'webhook', operation: 'getMany', returnAll: true });
		expect(hooks.output.map((item) => item.json.object_id)).toEqual([
			hook.output[0].json.object_id,
		]);
		const deleted = await run({
			resource: 'webhook',
			operation: 'delete',
			webhookId: hook.output[0].json.object_id,
		});
		expect(deleted.output[0].json).toMatchObject({ deleted: true });

		const adr = await run({
			resource: 'address',
			operation: 'create',
			address: { address: { street1: '1 Main St', city: 'New York', zip: 'ABCDE', country: 'US' } },
			validate: true,
			additionalFields: {},
		});
		expect(adr.output[0].json).toMatchObject({ is_valid: false });
		expect(
			(adr.output[0].json.validation_messages as IDataObject[]).map((m) => m.code).sort(),
		).toEqual(['invalid_postal_code', 'missing_state']);
	});
});
