/**
 * BigCommerce Shipping → Carrier Connection against the stand-in, with and without a carrier app
 * that answers BigCommerce's Check Connection Options request.
 */
import { NodeApiError } from 'n8n-workflow';
import type { BigCommerceStandin, CarrierApp } from './standinContext';
import {
	routeOf,
	runBigCommerce,
	runBigCommerceError,
	startBigCommerceStandin,
	startCarrierApp,
} from './standinContext';

const params = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'carrierConnection',
	operation,
	carrierId: '33',
	connectionInput: 'fields',
	connection: {
		values: [
			{ key: 'key', value: 'userKey' },
			{ key: 'account_number', value: 'n1' },
		],
	},
	...extra,
});

describe('Carrier Connection (no check URL)', () => {
	let standin: BigCommerceStandin;
	beforeAll(async () => {
		standin = await startBigCommerceStandin();
	});
	afterAll(async () => {
		await standin.close();
	});
	beforeEach(() => standin.reset());
	afterEach(() => {
		expect(standin.violations).toEqual([]);
		expect(standin.responseViolations).toEqual([]);
	});

	test('connect sends {carrier_id, connection}; connecting again updates (409 → PUT)', async () => {
		const first = await runBigCommerce(standin, { params: params('connect') });
		expect(first.json).toEqual([
			{ carrierId: 'carrier_33', connected: true, outcome: 'connected' },
		]);
		expect(first.writes).toEqual([
			expect.objectContaining({
				method: 'POST',
				body: { carrier_id: 'carrier_33', connection: { key: 'userKey', account_number: 'n1' } },
			}),
		]);
		const again = await runBigCommerce(standin, {
			params: params('connect', {
				connectionInput: 'json',
				connectionJson: { key: 'k2', test_mode: false },
			}),
		});
		expect(again.json).toEqual([{ carrierId: 'carrier_33', connected: true, outcome: 'updated' }]);
		expect(again.writes.map(routeOf)).toEqual([
			'POST /shipping/carrier/connection',
			'PUT /shipping/carrier/connection',
		]);
		expect(standin.state.connections.carrier_33.connection).toEqual({
			key: 'k2',
			test_mode: false,
		});
	});

	test('an empty connection is {}', async () => {
		await runBigCommerce(standin, { params: params('connect', { connection: {} }) });
		expect(standin.state.connections.carrier_33.connection).toEqual({});
	});

	test('update of a connected carrier; update of one that is not connected is an error', async () => {
		const error = await runBigCommerceError(standin, { params: params('update') });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'BigCommerce: The carrier carrier_33 is not connected to this store',
		);
		await runBigCommerce(standin, { params: params('connect') });
		const run = await runBigCommerce(standin, {
			params: params('update', { connection: { values: [{ key: 'key', value: 'new' }] } }),
		});
		expect(run.json).toEqual([{ carrierId: 'carrier_33', connected: true, outcome: 'updated' }]);
		expect(standin.state.connections.carrier_33.connection).toEqual({ key: 'new' });
	});

	test('disconnect sends DELETE {carrier_id}, BigCommerce drops the methods; again: notConnected', async () => {
		await runBigCommerce(standin, { params: params('connect') });
		await runBigCommerce(standin, {
			params: {
				resource: 'shippingMethod',
				operation: 'addToAllZones',
				carrierId: '33',
				name: 'Live',
				enabled: true,
			},
		});
		const run = await runBigCommerce(standin, {
			params: { resource: 'carrierConnection', operation: 'disconnect', carrierId: '33' },
		});
		expect(run.json).toEqual([{ carrierId: 'carrier_33', disconnected: true }]);
		expect(run.writes).toEqual([
			expect.objectContaining({ method: 'DELETE', body: { carrier_id: 'carrier_33' } }),
		]);
		expect(standin.state.connections).toEqual({});
		expect(standin.state.methods).toEqual({ '1': [], '2': [] });
		const again = await runBigCommerce(standin, {
			params: { resource: 'carrierConnection', operation: 'disconnect', carrierId: 'carrier_33' },
		});
		expect(again.json).toEqual([
			{ carrierId: 'carrier_33', disconnected: false, notConnected: true },
		]);
	});

	test('an unregistered carrier is refused with BigCommerce message', async () => {
		const error = await runBigCommerceError(standin, {
			params: params('connect', { carrierId: '99' }),
		});
		expect(error.message).toBe('BigCommerce: The carrier carrier_99 is not a registered carrier');
		expect((error as NodeApiError).httpCode).toBe('400');
	});
});

describe('Carrier Connection with a Check Connection Options URL', () => {
	let standin: BigCommerceStandin;
	let app: CarrierApp;
	const checks = () => app.requests.map((request) => request.body);

	beforeAll(async () => {
		// The carrier app: accepts key "good" only.
		app = await startCarrierApp((body) => {
			const valid =
				(body as { connection_options: { key?: string } }).connection_options.key === 'good';
			const messages = valid ? [] : [{ text: 'Unknown key: check your account', type: 'ERROR' }];
			return { body: { valid, messages } };
		});
		standin = await startBigCommerceStandin({
			carriers: { carrier_33: { checkConnectionUrl: `${app.url}/check-connection` } },
		});
	});
	afterAll(async () => {
		await standin.close();
		await app.close();
	});
	beforeEach(() => {
		standin.reset();
		app.requests.length = 0;
	});
	afterEach(() => {
		expect(standin.violations).toEqual([]);
		expect(standin.providerViolations).toEqual([]);
	});

	test('valid settings connect; the app saw {connection_options}', async () => {
		const run = await runBigCommerce(standin, {
			params: params('connect', { connection: { values: [{ key: 'key', value: 'good' }] } }),
		});
		expect(run.json[0]).toMatchObject({ connected: true, outcome: 'connected' });
		expect(checks()).toEqual([{ connection_options: { key: 'good' } }]);
	});

	test("refused settings: NodeApiError naming the app's messages, nothing connected", async () => {
		const error = await runBigCommerceError(standin, {
			params: params('connect', { connection: { values: [{ key: 'key', value: 'bad' }] } }),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'BigCommerce: The carrier carrier_33 rejected the connection options: Unknown key: check your account',
		);
		expect((error as NodeApiError).description).toBe('HTTP 400, POST /shipping/carrier/connection');
		expect(standin.state.connections).toEqual({});
	});

	test('continueOnFail: the refused item carries the error, the valid one connects', async () => {
		const run = await runBigCommerce(standin, {
			params: params('connect', {
				connection: (index: number) => ({
					values: [{ key: 'key', value: index === 0 ? 'bad' : 'good' }],
				}),
			}),
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(run.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(run.json[0].error).toMatch(/rejected the connection options/);
		expect(run.json[1]).toMatchObject({ connected: true, outcome: 'connected' });
	});
});
