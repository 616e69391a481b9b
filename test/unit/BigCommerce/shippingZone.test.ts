/** BigCommerce Shipping → Shipping Zone → Get Many, and the zone search, against the stand-in. */
import { NodeApiError } from 'n8n-workflow';
import { BigCommerceShipping } from '../../../nodes/BigCommerce/BigCommerceShipping.node';
import type { BigCommerceStandin } from './standinContext';
import {
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

const getMany = (extra: Record<string, unknown> = {}) => ({
	resource: 'shippingZone',
	operation: 'getAll',
	...extra,
});

describe('Shipping Zone → Get Many', () => {
	test('Return All: every zone, one item each, paired with the input item', async () => {
		const run = await runBigCommerce(standin, { params: getMany({ returnAll: true }) });
		expect(run.json.map((zone) => zone.name)).toEqual(['United States', 'Rest of World']);
		expect(run.output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(run.sent.map(routeOf)).toEqual(['GET /shipping/zones']);
	});

	test('Limit cuts the list (the v2 API has no paging)', async () => {
		const run = await runBigCommerce(standin, { params: getMany({ returnAll: false, limit: 1 }) });
		expect(run.json).toEqual([expect.objectContaining({ id: 1, type: 'country' })]);
	});

	test('one run per input item, each paired', async () => {
		const run = await runBigCommerce(standin, {
			params: getMany({ returnAll: false, limit: 1 }),
			items: [{ json: {} }, { json: {} }],
		});
		expect(run.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test("a wrong token is a NodeApiError with BigCommerce's message and status", async () => {
		const error = await runBigCommerceError(standin, {
			params: getMany({ returnAll: true }),
			credentials: { accessToken: 'wrong' },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^BigCommerce: The X-Auth-Token is not valid/);
		expect((error as NodeApiError).httpCode).toBe('401');
		expect((error as NodeApiError).description).toBe('HTTP 401, GET /shipping/zones');
	});

	test("a 429 from BigCommerce is a NodeApiError with BigCommerce's message", async () => {
		standin.setFault({
			route: 'GET /stores/{store_hash}/v2/shipping/zones',
			mode: 'status',
			status: 429,
			times: 1,
		});
		const error = await runBigCommerceError(standin, { params: getMany({ returnAll: true }) });
		expect(error.message).toBe('BigCommerce: Too many requests: the store rate limit was reached');
		expect((error as NodeApiError).httpCode).toBe('429');
	});

	test('an empty Store Hash names the credential field', async () => {
		const error = await runBigCommerceError(standin, {
			params: getMany({ returnAll: true }),
			credentials: { storeHash: ' ' },
		});
		expect(error.message).toMatch(/Store Hash is empty/);
	});
});

test('zone search (resource locator): names, ids and location summaries, filtered', async () => {
	const node = new BigCommerceShipping();
	const all = await node.methods.listSearch.searchShippingZones.call(
		loadOptionsContext(standin, {}),
	);
	expect(all.results).toEqual([
		{ name: 'United States', value: '1', description: 'country: US' },
		{ name: 'Rest of World', value: '2', description: 'global' },
	]);
	const some = await node.methods.listSearch.searchShippingZones.call(
		loadOptionsContext(standin, {}),
		'world',
	);
	expect(some.results.map((r) => r.value)).toEqual(['2']);
});
