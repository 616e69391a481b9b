import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	BASE_URL,
	FakeHighLevel,
	HEADERS,
	LOCATION,
	httpError,
	rl,
	run,
	runError,
} from './fakeHighLevel';

const rateParams = { resource: 'shippingRate', authentication: 'oAuth2', locationId: '' };
const ALT = { altId: LOCATION, altType: 'location' };

const flatRate = {
	...rateParams,
	operation: 'create',
	shippingZoneId: rl('zone-1', 'list'),
	name: 'Standard',
	currency: 'usd',
	amount: 4.99,
	conditionType: 'none',
	minCondition: 10,
	maxCondition: 20,
	isCarrierRate: false,
	additionalFields: {},
};

const carrierRateParams = {
	...rateParams,
	operation: 'addCarrierRateToAllZones',
	shippingCarrierId: rl('car-9', 'list'),
	name: 'Live Rates',
	currency: 'USD',
	amount: 0,
	options: {},
};

describe('HighLevel node: Shipping Rate', () => {
	test('Create sends a flat rate with zeroed conditions and the required shippingCarrierId', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic' });
		const { output, httpRequestWithAuthentication } = await run(fake, { params: flatRate });
		const [credentialType, options] = httpRequestWithAuthentication.mock.calls[0];
		expect(credentialType).toBe('highLevelShippingOAuth2Api');
		expect(options).toEqual({
			method: 'POST',
			url: `${BASE_URL}/store/shipping-zone/zone-1/shipping-rate`,
			headers: HEADERS,
			body: {
				...ALT,
				name: 'Standard',
				currency: 'USD',
				amount: 4.99,
				conditionType: 'none',
				minCondition: 0,
				maxCondition: 0,
				isCarrierRate: false,
				shippingCarrierId: '',
			},
			json: true,
		});
		expect(output).toEqual([
			{ json: expect.objectContaining({ _id: 'rate-2', amount: 4.99 }), pairedItem: { item: 0 } },
		]);
	});

	test('Create sends a conditional carrier rate with its optional fields', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic' });
		await run(fake, {
			params: {
				...flatRate,
				conditionType: 'price',
				minCondition: 10,
				maxCondition: 0,
				isCarrierRate: true,
				shippingCarrierId: rl('car-9'),
				additionalFields: {
					description: 'Ships next day',
					percentageOfRateFee: 10,
					shippingCarrierServices: { service: [{ name: 'Ground', value: 'ground' }] },
				},
			},
		});
		expect(fake.calls[0].options.body).toEqual({
			...ALT,
			name: 'Standard',
			currency: 'USD',
			amount: 4.99,
			conditionType: 'price',
			minCondition: 10,
			maxCondition: 0,
			isCarrierRate: true,
			shippingCarrierId: 'car-9',
			description: 'Ships next day',
			percentageOfRateFee: 10,
			shippingCarrierServices: [{ name: 'Ground', value: 'ground' }],
		});
	});

	test.each([
		[{ currency: 'dollars' }, /^Currency: "dollars" is not a 3-letter ISO 4217 code/],
		[
			{ amount: -1 },
			/^Amount: "-1" is not a number ≥ 0 \(in the location's currency, e\.g\. 4\.99\)/,
		],
		[
			{ conditionType: 'weight', minCondition: 5, maxCondition: 2 },
			/^Max Condition: 2 is below Min Condition 5/,
		],
		[{ name: '  ' }, /^Name: enter a value/],
		[{ isCarrierRate: true, shippingCarrierId: rl('') }, /^Shipping Carrier: choose one/],
	])('Create refuses bad input %o', async (override, message) => {
		const fake = new FakeHighLevel();
		const error = await runError(fake, { params: { ...flatRate, ...override } });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect((error as NodeOperationError).context.itemIndex).toBe(0);
		expect(fake.calls).toHaveLength(0);
	});

	test('Get reads one rate of a zone', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic' }, [{ name: 'Flat' }]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...rateParams,
				operation: 'get',
				shippingZoneId: rl('zone-1'),
				shippingRateId: rl('rate-2'),
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'GET',
			url: `${BASE_URL}/store/shipping-zone/zone-1/shipping-rate/rate-2`,
			headers: HEADERS,
			qs: ALT,
			json: true,
		});
		expect(output[0].json).toMatchObject({ _id: 'rate-2', name: 'Flat' });
	});

	test('Get Many pages with Return All and stops at the Limit', async () => {
		const fake = new FakeHighLevel();
		fake.addZone(
			{ name: 'Domestic' },
			Array.from({ length: 130 }, (_, index) => ({ name: `Rate ${index}` })),
		);
		const all = await run(fake, {
			params: { ...rateParams, operation: 'getAll', shippingZoneId: rl('zone-1'), returnAll: true },
		});
		expect(all.output).toHaveLength(130);
		expect(
			all.httpRequestWithAuthentication.mock.calls.map(([, options]) => [options.url, options.qs]),
		).toEqual([
			[`${BASE_URL}/store/shipping-zone/zone-1/shipping-rate`, { ...ALT, limit: 100, offset: 0 }],
			[`${BASE_URL}/store/shipping-zone/zone-1/shipping-rate`, { ...ALT, limit: 100, offset: 100 }],
		]);
		const limited = await run(fake, {
			params: {
				...rateParams,
				operation: 'getAll',
				shippingZoneId: rl('zone-1'),
				returnAll: false,
				limit: 3,
			},
		});
		expect(limited.output.map((item) => item.json.name)).toEqual(['Rate 0', 'Rate 1', 'Rate 2']);
		expect(limited.httpRequestWithAuthentication.mock.calls[0][1].qs).toEqual({
			...ALT,
			limit: 3,
			offset: 0,
		});
	});

	test('Update sends only the fields to change', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic' }, [{ name: 'Flat', amount: 4.99 }]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...rateParams,
				operation: 'update',
				shippingZoneId: rl('zone-1'),
				shippingRateId: rl('rate-2'),
				updateFields: { amount: 5.5, currency: 'eur', minCondition: 1, maxCondition: 3 },
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'PUT',
			url: `${BASE_URL}/store/shipping-zone/zone-1/shipping-rate/rate-2`,
			headers: HEADERS,
			body: { ...ALT, amount: 5.5, currency: 'EUR', minCondition: 1, maxCondition: 3 },
			json: true,
		});
		expect(output[0].json).toMatchObject({ _id: 'rate-2', amount: 5.5, currency: 'EUR' });
	});

	test('Delete removes one rate', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic' }, [{ name: 'Flat' }]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...rateParams,
				operation: 'delete',
				shippingZoneId: rl('zone-1'),
				shippingRateId: rl('rate-2'),
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'DELETE',
			url: `${BASE_URL}/store/shipping-zone/zone-1/shipping-rate/rate-2`,
			headers: HEADERS,
			qs: ALT,
			json: true,
		});
		expect(output[0]).toEqual({
			json: { deleted: true, shippingZoneId: 'zone-1', shippingRateId: 'rate-2' },
			pairedItem: { item: 0 },
		});
		expect(fake.rates.get('zone-1')).toEqual([]);
	});

	describe('Add Carrier Rate to All Zones', () => {
		function storeWithThreeZones() {
			const fake = new FakeHighLevel();
			fake.addZone({ name: 'Domestic' }, [
				{ name: 'Live Rates', isCarrierRate: true, shippingCarrierId: 'car-9' },
			]);
			fake.addZone({ name: 'Canada' }, [
				{ name: 'Flat', isCarrierRate: false, shippingCarrierId: '' },
			]);
			fake.addZone({ name: 'Europe' });
			return fake;
		}

		test('creates the rate only in zones without one for the carrier; a second run creates nothing', async () => {
			const fake = storeWithThreeZones();
			const first = await run(fake, {
				params: {
					...carrierRateParams,
					amount: 1.5,
					options: {
						percentageOfRateFee: 5,
						shippingCarrierServices: { service: [{ name: 'Ground', value: 'ground' }] },
					},
				},
			});
			expect(first.output.map((item) => [item.json.shippingZoneName, item.json.outcome])).toEqual([
				['Domestic', 'existing'],
				['Canada', 'created'],
				['Europe', 'created'],
			]);
			expect(first.output.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 0 },
				{ item: 0 },
			]);
			expect(fake.calls[0].options).toEqual({
				method: 'GET',
				url: `${BASE_URL}/store/shipping-zone`,
				headers: HEADERS,
				qs: { ...ALT, withShippingRate: true, limit: 100, offset: 0 },
				json: true,
			});
			const writes = fake.writes();
			expect(writes.map((call) => call.options.url)).toEqual([
				`${BASE_URL}/store/shipping-zone/zone-3/shipping-rate`,
				`${BASE_URL}/store/shipping-zone/zone-5/shipping-rate`,
			]);
			expect(writes[0].options.body).toEqual({
				...ALT,
				name: 'Live Rates',
				currency: 'USD',
				amount: 1.5,
				conditionType: 'none',
				minCondition: 0,
				maxCondition: 0,
				isCarrierRate: true,
				shippingCarrierId: 'car-9',
				percentageOfRateFee: 5,
				shippingCarrierServices: [{ name: 'Ground', value: 'ground' }],
			});
			expect(first.output[1].json).toMatchObject({
				shippingZoneId: 'zone-3',
				shippingRateId: expect.stringMatching(/^rate-/),
				shippingRate: { shippingCarrierId: 'car-9', isCarrierRate: true },
			});

			fake.calls = [];
			const second = await run(fake, { params: carrierRateParams });
			expect(second.output.map((item) => item.json.outcome)).toEqual([
				'existing',
				'existing',
				'existing',
			]);
			expect(fake.writes()).toHaveLength(0);
		});

		test('limits to the chosen zones (by name or ID) and rejects unknown ones', async () => {
			const fake = storeWithThreeZones();
			const { output } = await run(fake, {
				params: { ...carrierRateParams, options: { zones: ['europe', 'zone-1'] } },
			});
			expect(output.map((item) => [item.json.shippingZoneName, item.json.outcome])).toEqual([
				['Domestic', 'existing'],
				['Europe', 'created'],
			]);

			const error = await runError(fake, {
				params: { ...carrierRateParams, options: { zones: ['Asia'] } },
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/^Only Zone Names or IDs: no zone "Asia"/);
		});

		test("lists a zone's rates when the zone list leaves them out", async () => {
			const fake = storeWithThreeZones();
			fake.omitRatesInZoneList = true;
			const { output } = await run(fake, { params: carrierRateParams });
			expect(output.map((item) => item.json.outcome)).toEqual(['existing', 'created', 'created']);
			expect(
				fake.calls
					.filter((call) => call.options.method === 'GET')
					.map((call) => new URL(call.options.url).pathname),
			).toEqual([
				'/store/shipping-zone',
				'/store/shipping-zone/zone-1/shipping-rate',
				'/store/shipping-zone/zone-3/shipping-rate',
				'/store/shipping-zone/zone-5/shipping-rate',
			]);
		});

		test('a location without zones is an error naming Shipping Zone', async () => {
			const error = await runError(new FakeHighLevel(), { params: carrierRateParams });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/^Shipping Zone: the location has no shipping zones/);
		});
	});

	describe('Delete Carrier Rates', () => {
		test("removes the carrier's rates from every zone and tolerates 404", async () => {
			const fake = new FakeHighLevel();
			fake.addZone({ name: 'Domestic' }, [
				{ name: 'Live Rates', shippingCarrierId: 'car-9' },
				{ name: 'Flat', shippingCarrierId: '' },
			]);
			fake.addZone({ name: 'Europe' }, [{ name: 'Live Rates', shippingCarrierId: 'car-9' }]);
			fake.addZone({ name: 'Other carrier' }, [{ name: 'Other', shippingCarrierId: 'car-1' }]);
			fake.failWhen(
				(options) => options.method === 'DELETE' && options.url.endsWith('/rate-5'),
				httpError(404, { statusCode: 404, message: 'Shipping rate not found' }),
			);
			const { output } = await run(fake, {
				params: { ...rateParams, operation: 'deleteCarrierRates', shippingCarrierId: rl('car-9') },
			});
			expect(output).toEqual([
				{
					json: {
						shippingCarrierId: 'car-9',
						deleted: 1,
						notFound: 1,
						rates: [
							{
								shippingZoneId: 'zone-1',
								shippingZoneName: 'Domestic',
								shippingRateId: 'rate-2',
								outcome: 'deleted',
							},
							{
								shippingZoneId: 'zone-4',
								shippingZoneName: 'Europe',
								shippingRateId: 'rate-5',
								outcome: 'notFound',
							},
						],
					},
					pairedItem: { item: 0 },
				},
			]);
			expect(
				fake.writes().map((call) => [call.options.method, call.options.url, call.options.qs]),
			).toEqual([
				['DELETE', `${BASE_URL}/store/shipping-zone/zone-1/shipping-rate/rate-2`, ALT],
				['DELETE', `${BASE_URL}/store/shipping-zone/zone-4/shipping-rate/rate-5`, ALT],
			]);
			expect(fake.rates.get('zone-1')?.map((rate) => rate.name)).toEqual(['Flat']);
			expect(fake.rates.get('zone-6')?.map((rate) => rate.name)).toEqual(['Other']);
		});

		test('other HighLevel errors stop the run as NodeApiError', async () => {
			const fake = new FakeHighLevel();
			fake.addZone({ name: 'Domestic' }, [{ name: 'Live Rates', shippingCarrierId: 'car-9' }]);
			fake.failWhen(
				(options) => options.method === 'DELETE',
				httpError(500, { statusCode: 500, message: 'Internal error', traceId: 't-9' }),
			);
			const error = await runError(fake, {
				params: { ...rateParams, operation: 'deleteCarrierRates', shippingCarrierId: rl('car-9') },
			});
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).description).toContain('t-9');
		});
	});

	describe('errors', () => {
		test("HighLevel's 422 becomes a NodeApiError with its message and trace id", async () => {
			const fake = new FakeHighLevel();
			fake.addZone({ name: 'Domestic' });
			fake.failWhen(
				() => true,
				httpError(422, { statusCode: 422, message: ['name must be a string'], traceId: 't-1' }),
			);
			const error = await runError(fake, { params: flatRate });
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('name must be a string');
			expect((error as NodeApiError).description).toContain('t-1');
		});

		test('Continue On Fail keeps going and pairs every item', async () => {
			const fake = new FakeHighLevel();
			fake.addZone({ name: 'Domestic' });
			const { output } = await run(fake, {
				items: 2,
				continueOnFail: true,
				params: { ...flatRate, amount: (index: number) => (index === 0 ? -5 : 2) },
			});
			expect(output[0]).toEqual({
				json: { error: expect.stringMatching(/^Amount: /) },
				pairedItem: { item: 0 },
			});
			expect(output[1]).toMatchObject({ json: { amount: 2 }, pairedItem: { item: 1 } });
		});

		test('a missing location is a NodeOperationError naming Location ID', async () => {
			const error = await runError(new FakeHighLevel(), {
				params: carrierRateParams,
				credentials: { oauthTokenData: { companyId: 'agency' } },
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Location ID');
		});
	});
});
