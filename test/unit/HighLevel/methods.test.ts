import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { highLevelApiRequestAllItems } from '../../../nodes/shared/highlevel/transport';
import {
	FakeHighLevel,
	LOCATION,
	createExecuteContext,
	createLoadOptionsContext,
	createNode,
	rl,
} from './fakeHighLevel';

const { listSearch, loadOptions } = createNode().methods;

describe('HighLevel node: resource locator searches and load options', () => {
	test('carriers: every carrier of the location, filtered by name', async () => {
		const fake = new FakeHighLevel();
		fake.addCarrier({ name: 'Live Rates', callbackUrl: 'https://a.example.com/rates' });
		fake.addCarrier({ name: 'Freight', callbackUrl: 'https://b.example.com/rates' });
		const context = createLoadOptionsContext(fake, { authentication: 'oAuth2', locationId: '' });
		const all = await listSearch.searchShippingCarriers.call(context);
		expect(all.results).toEqual([
			{ name: 'Live Rates', value: 'car-1', description: 'https://a.example.com/rates' },
			{ name: 'Freight', value: 'car-2', description: 'https://b.example.com/rates' },
		]);
		const filtered = await listSearch.searchShippingCarriers.call(context, 'live');
		expect(filtered.results.map((item) => item.value)).toEqual(['car-1']);
		expect(fake.calls[0].options.qs).toEqual({ altId: LOCATION, altType: 'location' });
	});

	test('zones use the node Location ID when set', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic', countries: [{ code: 'US' }, { code: 'CA' }] });
		const context = createLoadOptionsContext(fake, {
			authentication: 'oAuth2',
			locationId: 'loc-2',
		});
		const result = await listSearch.searchShippingZones.call(context);
		expect(result.results).toEqual([{ name: 'Domestic', value: 'zone-1', description: 'US, CA' }]);
		expect(fake.calls[0].options.qs).toMatchObject({ altId: 'loc-2', altType: 'location' });
	});

	test('rates need a zone and list the rates of that zone', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic' }, [
			{ name: 'Flat', currency: 'USD', amount: 4.99 },
			{ name: 'Live', isCarrierRate: true, shippingCarrierId: 'car-1' },
		]);
		const withZone = createLoadOptionsContext(fake, {
			authentication: 'oAuth2',
			shippingZoneId: rl('zone-1', 'list'),
		});
		const result = await listSearch.searchShippingRates.call(withZone);
		expect(result.results).toEqual([
			{ name: 'Flat (USD 4.99)', value: 'rate-2' },
			{ name: 'Live (carrier rate)', value: 'rate-3' },
		]);
		const withoutZone = createLoadOptionsContext(fake, { authentication: 'oAuth2' });
		await expect(listSearch.searchShippingRates.call(withoutZone)).rejects.toThrow(
			NodeOperationError,
		);
	});

	test('zone options are sorted by name with IDs as values', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Europe' });
		fake.addZone({ name: 'Canada' });
		const context = createLoadOptionsContext(
			fake,
			{ authentication: 'privateIntegrationToken' },
			{
				token: 'pit',
				locationId: 'loc-pit',
			},
		);
		expect(await loadOptions.getShippingZones.call(context)).toEqual([
			{ name: 'Canada', value: 'zone-2' },
			{ name: 'Europe', value: 'zone-1' },
		]);
		expect(fake.calls[0].credentialType).toBe('highLevelShippingPrivateIntegrationApi');
	});
});

describe('highLevelApiRequestAllItems', () => {
	const request = {
		method: 'GET' as const,
		endpoint: '/store/shipping-zone',
		qs: { altId: LOCATION },
	};

	function contextAnswering(pages: IDataObject[]) {
		const fake = new FakeHighLevel();
		const { context, httpRequestWithAuthentication } = createExecuteContext(fake, {
			params: { authentication: 'oAuth2' },
		});
		let call = 0;
		httpRequestWithAuthentication.mockImplementation(async () => pages[call++] ?? { data: [] });
		return { context, httpRequestWithAuthentication };
	}

	test('stops when the server ignores limit and sends everything', async () => {
		const everything = { data: Array.from({ length: 150 }, (_, index) => ({ index })) };
		const { context, httpRequestWithAuthentication } = contextAnswering([everything, everything]);
		const items = await highLevelApiRequestAllItems(context, request);
		expect(items).toHaveLength(150);
		expect(httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
	});

	test('without total, stops on a short page', async () => {
		const full = { data: Array.from({ length: 10 }, (_, index) => ({ index })) };
		const short = { data: [{ index: 10 }] };
		const { context, httpRequestWithAuthentication } = contextAnswering([full, short]);
		const items = await highLevelApiRequestAllItems(context, request, { pageSize: 10 });
		expect(items).toHaveLength(11);
		expect(httpRequestWithAuthentication.mock.calls.map(([, options]) => options.qs)).toEqual([
			{ altId: LOCATION, limit: 10, offset: 0 },
			{ altId: LOCATION, limit: 10, offset: 10 },
		]);
	});

	test('max cuts the result and the page size', async () => {
		const { context, httpRequestWithAuthentication } = contextAnswering([
			{ total: 50, data: Array.from({ length: 7 }, (_, index) => ({ index })) },
		]);
		const items = await highLevelApiRequestAllItems(context, request, { max: 7 });
		expect(items).toHaveLength(7);
		expect(httpRequestWithAuthentication.mock.calls[0][1].qs).toEqual({
			altId: LOCATION,
			limit: 7,
			offset: 0,
		});
	});
});
