import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { lockedKeyCount, withKeyLock } from '../../../nodes/shared/concurrency/keyedLock';
import { FakeHighLevel, httpError, run, runError } from './fakeHighLevel';

const CALLBACK = 'https://n8n.example.com/webhook/7c1e5a52-6a4b-4c55-9a0e-2f3c8d1b9e41/rates';
const params = {
	resource: 'shippingCarrier',
	operation: 'unregister',
	authentication: 'oAuth2',
	locationId: '',
	matchBy: 'callbackUrlIgnoringQuery',
	callbackUrl: CALLBACK,
	options: {},
};

/** A location with our carrier (signed URL), another app's carrier, and rates of both in 2 zones. */
function installed() {
	const fake = new FakeHighLevel();
	const ours = fake.addCarrier({ name: 'Live Rates (n8n)', callbackUrl: `${CALLBACK}?loc=L&t=abc` });
	const theirs = fake.addCarrier({ name: 'Other app', callbackUrl: 'https://other.example.com/rates' });
	fake.addZone({ name: 'Domestic' }, [
		{ name: 'Live', isCarrierRate: true, shippingCarrierId: ours._id },
		{ name: 'Flat', isCarrierRate: false },
		{ name: 'Other', isCarrierRate: true, shippingCarrierId: theirs._id },
	]);
	fake.addZone({ name: 'Europe' }, [{ name: 'Live', isCarrierRate: true, shippingCarrierId: ours._id }]);
	return { fake, ours, theirs };
}

describe('HighLevel node: Shipping Carrier → Unregister', () => {
	test("removes our carrier and its rates in every zone, leaves everyone else's, and reports it", async () => {
		const { fake, ours, theirs } = installed();
		const { output } = await run(fake, { params });
		expect(output[0].json).toMatchObject({
			carriers: [{ shippingCarrierId: ours._id, name: 'Live Rates (n8n)', outcome: 'deleted' }],
			carriersDeleted: 1,
			carrierRatesDeleted: 2,
			notFound: 0,
			accessRevoked: false,
		});
		expect(fake.carriers.map((c) => c._id)).toEqual([theirs._id]);
		const left = [...fake.rates.values()].flat().map((r) => r.name);
		expect(left).toEqual(['Flat', 'Other']);
		expect(fake.writes().map((c) => c.options.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
	});

	test('a second run finds nothing and writes nothing', async () => {
		const { fake } = installed();
		await run(fake, { params });
		const before = fake.writes().length;
		const { output } = await run(fake, { params });
		expect(output[0].json).toMatchObject({ carriers: [], carriersDeleted: 0, carrierRatesDeleted: 0 });
		expect(fake.writes()).toHaveLength(before);
	});

	test('matches by name when asked, case-insensitively', async () => {
		const { fake, theirs } = installed();
		await run(fake, { params: { ...params, matchBy: 'name', name: 'live rates (N8N)', callbackUrl: '' } });
		expect(fake.carriers.map((c) => c._id)).toEqual([theirs._id]);
	});

	test('a revoked token (401) ends with accessRevoked: true, or fails when not tolerated', async () => {
		const { fake } = installed();
		const revoked = () =>
			httpError(401, { statusCode: 401, message: 'Invalid token: access token is invalid' });
		fake.failWhen(() => true, revoked());
		const { output } = await run(fake, { params });
		expect(output[0].json).toMatchObject({ accessRevoked: true, carriersDeleted: 0 });

		fake.failWhen(() => true, revoked());
		const error = await runError(fake, { params: { ...params, options: { tolerateRevokedAccess: false } } });
		expect(error).toBeInstanceOf(NodeApiError);
	});

	test('a carrier deleted meanwhile (404) counts as notFound', async () => {
		const { fake, ours } = installed();
		fake.failWhen(
			(o) => o.method === 'DELETE' && String(o.url).endsWith(`/shipping-carrier/${String(ours._id)}`),
			httpError(404, { statusCode: 404, message: 'Shipping carrier not found' }),
		);
		const { output } = await run(fake, { params });
		expect(output[0].json).toMatchObject({ carriersDeleted: 0, notFound: 1, carriers: [{ outcome: 'notFound' }] });
	});

	test('a Callback URL that is not a URL is an error naming the field', async () => {
		const { fake } = installed();
		const error = await runError(fake, { params: { ...params, callbackUrl: 'rates' } });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Callback URL:/);
		expect(fake.writes()).toHaveLength(0);
	});
});

describe('withKeyLock', () => {
	test('runs work on one key one at a time, other keys freely, and forgets idle keys', async () => {
		const log: string[] = [];
		const step = async (name: string) => {
			log.push(`${name}:start`);
			await Promise.resolve();
			await Promise.resolve();
			log.push(`${name}:end`);
			return name;
		};
		const results = await Promise.all([
			withKeyLock('a', async () => await step('a1')),
			withKeyLock('a', async () => await step('a2')),
			withKeyLock('b', async () => await step('b1')),
		]);
		expect(results).toEqual(['a1', 'a2', 'b1']);
		expect(log.indexOf('a2:start')).toBeGreaterThan(log.indexOf('a1:end'));
		expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'));
		expect(lockedKeyCount()).toBe(0);
	});

	test('a failing holder releases the key for the next', async () => {
		await expect(withKeyLock('k', async () => await Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		await expect(withKeyLock('k', async () => await Promise.resolve('next'))).resolves.toBe('next');
		expect(lockedKeyCount()).toBe(0);
	});
});
