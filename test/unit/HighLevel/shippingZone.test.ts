import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	BASE_URL,
	FakeHighLevel,
	HEADERS,
	LOCATION,
	NODE,
	httpError,
	rl,
	run,
	runError,
} from './fakeHighLevel';

const zoneParams = { resource: 'shippingZone', authentication: 'oAuth2', locationId: '' };

describe('HighLevel node: Shipping Zone', () => {
	test('Create sends ISO codes and states parsed from the fixed collection', async () => {
		const fake = new FakeHighLevel();
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...zoneParams,
				operation: 'create',
				name: 'North America',
				countries: {
					country: [
						{ code: ' us ', states: 'ca, NY ,' },
						{ code: 'CA', states: '' },
						{ code: '', states: '' },
					],
				},
			},
		});
		const [credentialType, options] = httpRequestWithAuthentication.mock.calls[0];
		expect(credentialType).toBe('highLevelShippingOAuth2Api');
		expect(options).toEqual({
			method: 'POST',
			url: `${BASE_URL}/store/shipping-zone`,
			headers: HEADERS,
			body: {
				altId: LOCATION,
				altType: 'location',
				name: 'North America',
				countries: [{ code: 'US', states: [{ code: 'CA' }, { code: 'NY' }] }, { code: 'CA' }],
			},
			json: true,
		});
		expect(output).toEqual([
			{
				json: expect.objectContaining({ _id: 'zone-1', name: 'North America' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Create accepts countries as an array from an expression', async () => {
		const fake = new FakeHighLevel();
		await run(fake, {
			params: {
				...zoneParams,
				operation: 'create',
				name: 'EU',
				countries: [{ code: 'de' }, { code: 'FR', states: [] }],
			},
		});
		expect(fake.calls[0].options.body).toMatchObject({
			countries: [{ code: 'DE' }, { code: 'FR' }],
		});
	});

	test('Create without countries names the field', async () => {
		const fake = new FakeHighLevel();
		const error = await runError(fake, {
			params: { ...zoneParams, operation: 'create', name: 'Empty', countries: {} },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Countries: add at least one country code (ISO 3166-1 alpha-2, e.g. US)',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(0);
		expect(fake.calls).toHaveLength(0);
	});

	test('Create refuses a 3-letter country code', async () => {
		const error = await runError(new FakeHighLevel(), {
			params: {
				...zoneParams,
				operation: 'create',
				name: 'X',
				countries: { country: [{ code: 'USA' }] },
			},
		});
		expect(error.message).toBe(
			'Countries: "USA" is not an ISO 3166-1 alpha-2 country code (e.g. US)',
		);
	});

	test('Get asks for the rates when Include Shipping Rates is on', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Domestic' }, [{ name: 'Flat', amount: 4.99 }]);
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...zoneParams,
				operation: 'get',
				shippingZoneId: rl('zone-1', 'list'),
				options: { withShippingRate: true },
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'GET',
			url: `${BASE_URL}/store/shipping-zone/zone-1`,
			headers: HEADERS,
			qs: { altId: LOCATION, altType: 'location', withShippingRate: true },
			json: true,
		});
		expect(output[0].json).toMatchObject({ _id: 'zone-1', shippingRates: [{ name: 'Flat' }] });
	});

	test('Get Many with Return All pages through {total, data} with limit/offset', async () => {
		const fake = new FakeHighLevel();
		for (let index = 0; index < 250; index++) fake.addZone({ name: `Zone ${index}` });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...zoneParams, operation: 'getAll', returnAll: true, options: {} },
		});
		expect(output).toHaveLength(250);
		expect(output[249].json.name).toBe('Zone 249');
		expect(
			output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		expect(httpRequestWithAuthentication.mock.calls.map(([, options]) => options.qs)).toEqual([
			{ altId: LOCATION, altType: 'location', limit: 100, offset: 0 },
			{ altId: LOCATION, altType: 'location', limit: 100, offset: 100 },
			{ altId: LOCATION, altType: 'location', limit: 100, offset: 200 },
		]);
	});

	test('Get Many with a Limit asks for that many only', async () => {
		const fake = new FakeHighLevel();
		for (let index = 0; index < 30; index++) fake.addZone({ name: `Zone ${index}` });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...zoneParams,
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				options: { withShippingRate: true },
			},
		});
		expect(output.map((item) => item.json.name)).toEqual([
			'Zone 0',
			'Zone 1',
			'Zone 2',
			'Zone 3',
			'Zone 4',
		]);
		expect(httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		expect(httpRequestWithAuthentication.mock.calls[0][1].qs).toEqual({
			altId: LOCATION,
			altType: 'location',
			withShippingRate: true,
			limit: 5,
			offset: 0,
		});
	});

	test('Get Many keeps paging when the server caps the page below the asked size', async () => {
		const fake = new FakeHighLevel();
		for (let index = 0; index < 45; index++) fake.addZone({ name: `Zone ${index}` });
		const handle = fake.handle.bind(fake);
		fake.handle = async (credentialType, options) =>
			await handle(credentialType, { ...options, qs: { ...options.qs, limit: 20 } });
		const { output } = await run(fake, {
			params: { ...zoneParams, operation: 'getAll', returnAll: true, options: {} },
		});
		expect(output).toHaveLength(45);
		expect(fake.calls.map((call) => (call.options.qs as { offset: number }).offset)).toEqual([
			0, 20, 40,
		]);
	});

	test('Update replaces name and countries', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Old', countries: [{ code: 'US' }] });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...zoneParams,
				operation: 'update',
				shippingZoneId: rl('zone-1'),
				updateFields: { name: 'New', countries: { country: [{ code: 'gb', states: '' }] } },
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'PUT',
			url: `${BASE_URL}/store/shipping-zone/zone-1`,
			headers: HEADERS,
			body: { altId: LOCATION, altType: 'location', name: 'New', countries: [{ code: 'GB' }] },
			json: true,
		});
		expect(output[0].json).toMatchObject({ name: 'New', countries: [{ code: 'GB' }] });
	});

	test('Delete sends DELETE with altId/altType in the query', async () => {
		const fake = new FakeHighLevel();
		fake.addZone({ name: 'Old' });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...zoneParams, operation: 'delete', shippingZoneId: rl('zone-1') },
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'DELETE',
			url: `${BASE_URL}/store/shipping-zone/zone-1`,
			headers: HEADERS,
			qs: { altId: LOCATION, altType: 'location' },
			json: true,
		});
		expect(output).toEqual([
			{ json: { deleted: true, shippingZoneId: 'zone-1' }, pairedItem: { item: 0 } },
		]);
	});

	describe('errors', () => {
		const unprocessable = { statusCode: 422, message: ['name must be a string'], traceId: 't-1' };

		test("HighLevel's 422 becomes a NodeApiError with its message and trace id", async () => {
			const fake = new FakeHighLevel().failWhen(() => true, httpError(422, unprocessable));
			const error = await runError(fake, {
				params: {
					...zoneParams,
					operation: 'create',
					name: 'X',
					countries: { country: [{ code: 'US' }] },
				},
			});
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('name must be a string');
			expect((error as NodeApiError).description).toContain('t-1');
		});

		test('also when n8n already wrapped the HTTP error in a NodeApiError', async () => {
			const wrapped = new NodeApiError(
				NODE,
				httpError(422, unprocessable) as unknown as JsonObject,
			);
			const fake = new FakeHighLevel().failWhen(() => true, wrapped);
			const error = await runError(fake, {
				params: { ...zoneParams, operation: 'getAll', returnAll: true, options: {} },
			});
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('name must be a string');
			expect((error as NodeApiError).description).toContain('t-1');
		});

		test('Continue On Fail keeps every item paired', async () => {
			const fake = new FakeHighLevel();
			fake.addZone({ name: 'A' });
			const { output } = await run(fake, {
				items: 2,
				continueOnFail: true,
				params: {
					...zoneParams,
					operation: 'get',
					options: {},
					shippingZoneId: (index: number) => rl(index === 0 ? 'zone-missing' : 'zone-1'),
				},
			});
			expect(output).toEqual([
				{
					json: {
						error: 'HighLevel: Shipping zone not found',
						description: 'HTTP 404, traceId nf-1',
					},
					pairedItem: { item: 0 },
				},
				{ json: expect.objectContaining({ _id: 'zone-1' }), pairedItem: { item: 1 } },
			]);
		});

		test('Continue On Fail also covers bad input', async () => {
			const { output } = await run(new FakeHighLevel(), {
				continueOnFail: true,
				params: { ...zoneParams, operation: 'create', name: 'X', countries: {} },
			});
			expect(output).toEqual([
				{
					json: { error: 'Countries: add at least one country code (ISO 3166-1 alpha-2, e.g. US)' },
					pairedItem: { item: 0 },
				},
			]);
		});

		test('a missing location is a NodeOperationError naming Location ID', async () => {
			const error = await runError(new FakeHighLevel(), {
				params: { ...zoneParams, operation: 'delete', shippingZoneId: rl('zone-1') },
				credentials: {},
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Location ID');
		});
	});
});
