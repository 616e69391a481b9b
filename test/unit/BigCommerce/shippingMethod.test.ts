/** BigCommerce Shipping → Shipping Method operations against the stand-in (0 schema violations). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { BigCommerceShipping } from '../../../nodes/BigCommerce/BigCommerceShipping.node';
import type { BigCommerceStandin } from './standinContext';
import {
	byId,
	loadOptionsContext,
	routeOf,
	runBigCommerce,
	runBigCommerceError,
	startBigCommerceStandin,
} from './standinContext';

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

const connect = async (carrierId = '33') =>
	await runBigCommerce(standin, {
		params: {
			resource: 'carrierConnection',
			operation: 'connect',
			carrierId,
			connectionInput: 'fields',
			connection: {},
		},
	});

const methodParams = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'shippingMethod',
	operation,
	carrierId: '33',
	name: 'Example Shipping Carrier',
	carrierOptionsInput: 'fields',
	carrierOptions: { values: [{ key: 'account_id', value: 'a1ty' }] },
	enabled: true,
	...extra,
});

const methodsIn = (zoneId: number) => standin.state.methods[String(zoneId)];

describe('Shipping Method → Create', () => {
	test('creates the carrier method (type carrier_33, carrier_options) and keeps it on a second run', async () => {
		await connect();
		const first = await runBigCommerce(standin, {
			params: methodParams('create', { zoneId: byId(1) }),
		});
		expect(first.writes.map(routeOf)).toEqual(['POST /shipping/zones/1/methods']);
		expect(first.writes[0].body).toEqual({
			name: 'Example Shipping Carrier',
			type: 'carrier_33',
			settings: { carrier_options: { account_id: 'a1ty' } },
			enabled: true,
		});
		expect(first.json[0]).toMatchObject({
			id: 1,
			type: 'carrier_33',
			zoneId: 1,
			alreadyExisted: false,
		});

		const second = await runBigCommerce(standin, {
			params: methodParams('create', { zoneId: byId(1) }),
		});
		expect(second.writes).toEqual([]);
		expect(second.json[0]).toMatchObject({ id: 1, alreadyExisted: true });
		expect(methodsIn(1)).toHaveLength(1);
	});

	test('"Create Another" creates a second method of the carrier', async () => {
		await connect();
		await runBigCommerce(standin, { params: methodParams('create', { zoneId: byId(1) }) });
		const run = await runBigCommerce(standin, {
			params: methodParams('create', { zoneId: byId(1), ifExists: 'create' }),
		});
		expect(run.sent.map(routeOf)).toEqual(['POST /shipping/zones/1/methods']);
		expect(run.json[0]).toMatchObject({ id: 2, alreadyExisted: false });
		expect(methodsIn(1)).toHaveLength(2);
	});

	test('carrier options as JSON keep their types', async () => {
		await connect();
		const run = await runBigCommerce(standin, {
			params: methodParams('create', {
				zoneId: byId(2),
				carrierId: 'carrier_33',
				carrierOptionsInput: 'json',
				carrierOptionsJson: '{"show_transit_time": true, "services": ["GND"]}',
				enabled: false,
			}),
		});
		expect(run.json[0]).toMatchObject({
			settings: { carrier_options: { show_transit_time: true, services: ['GND'] } },
			enabled: false,
		});
	});

	test('a carrier that is not connected: NodeApiError with BigCommerce message', async () => {
		const error = await runBigCommerceError(standin, {
			params: methodParams('create', { zoneId: byId(1) }),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/carrier_33 is not connected/);
		expect((error as NodeApiError).context.itemIndex).toBe(0);
	});

	test.each([
		[{ carrierId: 'carrier x' }, /^Carrier ID: "carrier x" is not a carrier id/],
		[{ carrierId: '' }, /^Carrier ID: it is empty/],
		[{ name: '  ' }, /^Name: enter the name/],
		[{ zoneId: byId('abc') }, /^Shipping Zone: "abc" is not an ID/],
		[
			{ carrierOptionsInput: 'json', carrierOptionsJson: '[1]' },
			/^Carrier Options \(JSON\) must be an object/,
		],
		[
			{ carrierOptionsInput: 'json', carrierOptionsJson: '{' },
			/^Carrier Options \(JSON\) is not valid JSON/,
		],
		[
			{
				carrierOptions: {
					values: [
						{ key: 'a', value: '1' },
						{ key: 'a', value: '2' },
					],
				},
			},
			/the key "a" is given twice/,
		],
	])('field errors name the field (%o), before any request', async (extra, message) => {
		const run = runBigCommerce(standin, {
			params: methodParams('create', { zoneId: byId(1), ...extra }),
		});
		const error = await run.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(message);
		expect(standin.requests).toEqual([]);
	});
});

describe('Shipping Method → Add to All Zones / Delete From All Zones', () => {
	test('twice: one method per zone; the second run creates nothing', async () => {
		await connect();
		const first = await runBigCommerce(standin, { params: methodParams('addToAllZones') });
		expect(first.json.map((item) => [item.zoneId, item.zoneName, item.created])).toEqual([
			[1, 'United States', true],
			[2, 'Rest of World', true],
		]);
		const second = await runBigCommerce(standin, { params: methodParams('addToAllZones') });
		expect(second.writes).toEqual([]);
		expect(second.json.map((item) => item.created)).toEqual([false, false]);
		expect(second.json.map((item) => (item.method as { id: number }).id)).toEqual(
			first.json.map((item) => (item.method as { id: number }).id),
		);
		expect([methodsIn(1).length, methodsIn(2).length]).toEqual([1, 1]);
	});

	test("delete from all zones removes only the carrier's methods", async () => {
		await connect();
		await runBigCommerce(standin, { params: methodParams('addToAllZones') });
		await runBigCommerce(standin, {
			params: methodParams('create', { zoneId: byId(1), ifExists: 'create' }),
		});
		const run = await runBigCommerce(standin, {
			params: {
				resource: 'shippingMethod',
				operation: 'deleteFromAllZones',
				carrierId: 'carrier_33',
			},
		});
		expect(run.json).toEqual([
			{
				carrierId: 'carrier_33',
				deleted: 3,
				notFound: 0,
				methods: [
					{ zoneId: 1, zoneName: 'United States', methodId: 1, outcome: 'deleted' },
					{ zoneId: 1, zoneName: 'United States', methodId: 3, outcome: 'deleted' },
					{ zoneId: 2, zoneName: 'Rest of World', methodId: 2, outcome: 'deleted' },
				],
			},
		]);
		expect([methodsIn(1), methodsIn(2)]).toEqual([[], []]);
		expect(standin.state.connections.carrier_33).toBeDefined();
	});

	test('a store without zones is an error naming the cause', async () => {
		const empty = await startBigCommerceStandin({ zones: [] });
		try {
			const error = await runBigCommerceError(empty, { params: methodParams('addToAllZones') });
			expect(error.message).toMatch(/no shipping zones/);
		} finally {
			await empty.close();
		}
	});
});

describe('Shipping Method → Get Many / Delete', () => {
	const seeded = {
		zones: [
			{
				name: 'Domestic',
				type: 'country',
				locations: [{ country_iso2: 'US' }],
				methods: [
					{ name: 'Flat', type: 'perorder', settings: { rate: 5 } },
					{ name: 'Per item', type: 'peritem', settings: { rate: 1 } },
				],
			},
		],
	};

	test('get many: the zone methods with zoneId, Limit cuts', async () => {
		const store = await startBigCommerceStandin(seeded);
		try {
			const all = await runBigCommerce(store, {
				params: {
					resource: 'shippingMethod',
					operation: 'getAll',
					zoneId: byId(1),
					returnAll: true,
				},
			});
			expect(all.json.map((m) => [m.id, m.name, m.zoneId])).toEqual([
				[1, 'Flat', 1],
				[2, 'Per item', 1],
			]);
			const one = await runBigCommerce(store, {
				params: {
					resource: 'shippingMethod',
					operation: 'getAll',
					zoneId: byId(1),
					returnAll: false,
					limit: 1,
				},
			});
			expect(one.json).toHaveLength(1);
			const search = await new BigCommerceShipping().methods.listSearch.searchShippingMethods.call(
				loadOptionsContext(store, { zoneId: byId(1) }),
			);
			expect(search.results).toEqual([
				{ name: 'Flat (perorder)', value: '1' },
				{ name: 'Per item (peritem)', value: '2' },
			]);
			expect(store.violations).toEqual([]);
		} finally {
			await store.close();
		}
	});

	test('delete, then a missing method: error naming it, or ignored with the option', async () => {
		const store = await startBigCommerceStandin(seeded);
		const params = (extra: Record<string, unknown> = {}) => ({
			resource: 'shippingMethod',
			operation: 'delete',
			zoneId: byId(1),
			methodId: byId(2),
			...extra,
		});
		try {
			const done = await runBigCommerce(store, { params: params() });
			expect(done.json).toEqual([{ zoneId: 1, methodId: 2, deleted: true, notFound: false }]);
			expect(done.sent.map(routeOf)).toEqual(['DELETE /shipping/zones/1/methods/2']);

			const error = await runBigCommerceError(store, { params: params() });
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe('BigCommerce: Shipping Method 2 was not found in Shipping Zone 1');
			expect((error as NodeApiError).httpCode).toBe('404');

			const ignored = await runBigCommerce(store, {
				params: params({ options: { ignoreMissing: true } }),
			});
			expect(ignored.json).toEqual([{ zoneId: 1, methodId: 2, deleted: false, notFound: true }]);
			expect(store.state.methods['1'].map((m) => m.id)).toEqual([1]);
		} finally {
			await store.close();
		}
	});

	test('continueOnFail: the failing item gets {error}, the others go on, all paired', async () => {
		const store = await startBigCommerceStandin(seeded);
		try {
			const run = await runBigCommerce(store, {
				params: {
					resource: 'shippingMethod',
					operation: 'delete',
					zoneId: byId(1),
					methodId: (index: number) => byId(index === 0 ? 9 : 1),
				},
				items: [{ json: {} }, { json: {} }],
				continueOnFail: true,
			});
			expect(run.output).toEqual([
				{
					json: {
						error: 'BigCommerce: Shipping Method 9 was not found in Shipping Zone 1',
						description: expect.stringMatching(/^HTTP 404/),
					},
					pairedItem: { item: 0 },
				},
				{
					json: { zoneId: 1, methodId: 1, deleted: true, notFound: false },
					pairedItem: { item: 1 },
				},
			]);
		} finally {
			await store.close();
		}
	});
});
