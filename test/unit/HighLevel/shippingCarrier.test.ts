import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { verifyLocationToken } from '../../../nodes/shared/signatures/callbackToken';
import {
	BASE_URL,
	FakeHighLevel,
	HEADERS,
	LOCATION,
	createExecuteContext,
	createNode,
	httpError,
	rl,
	run,
	runError,
} from './fakeHighLevel';

const carrierParams = {
	resource: 'shippingCarrier',
	authentication: 'oAuth2',
	locationId: '',
	name: 'Live Rates',
	callbackUrl: 'https://n8n.example.com/webhook/rates?t=abc',
	services: { service: [{ name: 'Ground', value: 'ground' }] },
	allowsMultipleServiceSelection: false,
};

describe('HighLevel node: Shipping Carrier', () => {
	test('node type name, credentials and tool use', () => {
		const { description } = createNode();
		expect(description.name).toBe('highLevelShipping');
		expect(description.displayName).toBe('HighLevel Store Shipping');
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toBe(
			'={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		);
		expect(description.credentials?.map((credential) => credential.name)).toEqual([
			'highLevelShippingOAuth2Api',
			'highLevelShippingPrivateIntegrationApi',
		]);
	});

	test('Create sends the exact request and returns the carrier', async () => {
		const fake = new FakeHighLevel();
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...carrierParams, operation: 'create' },
		});
		expect(httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		const [credentialType, options] = httpRequestWithAuthentication.mock.calls[0];
		expect(credentialType).toBe('highLevelShippingOAuth2Api');
		expect(options).toEqual({
			method: 'POST',
			url: `${BASE_URL}/store/shipping-carrier`,
			headers: HEADERS,
			body: {
				altId: LOCATION,
				altType: 'location',
				name: 'Live Rates',
				callbackUrl: 'https://n8n.example.com/webhook/rates?t=abc',
				services: [{ name: 'Ground', value: 'ground' }],
				allowsMultipleServiceSelection: false,
			},
			json: true,
		});
		expect(output).toEqual([
			{
				json: expect.objectContaining({ _id: 'car-1', name: 'Live Rates' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Private Integration Token: its credential, location and base URL are used', async () => {
		const fake = new FakeHighLevel();
		const { context, httpRequestWithAuthentication } = createExecuteContext(fake, {
			params: {
				...carrierParams,
				operation: 'getAll',
				authentication: 'privateIntegrationToken',
				returnAll: true,
			},
			credentials: { token: 'pit', locationId: 'loc-pit', baseUrl: 'http://127.0.0.1:4010/' },
		});
		await createNode().execute.call(context);
		const [credentialType, options] = httpRequestWithAuthentication.mock.calls[0];
		expect(credentialType).toBe('highLevelShippingPrivateIntegrationApi');
		expect(options).toEqual({
			method: 'GET',
			url: 'http://127.0.0.1:4010/store/shipping-carrier',
			headers: HEADERS,
			qs: { altId: 'loc-pit', altType: 'location' },
			json: true,
		});
	});

	test('Get uses the explicit Location ID over the credential', async () => {
		const fake = new FakeHighLevel();
		const carrier = fake.addCarrier({ name: 'A', callbackUrl: 'https://a.example.com' });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...carrierParams,
				operation: 'get',
				locationId: 'loc-explicit',
				shippingCarrierId: rl(String(carrier._id), 'list'),
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'GET',
			url: `${BASE_URL}/store/shipping-carrier/car-1`,
			headers: HEADERS,
			qs: { altId: 'loc-explicit', altType: 'location' },
			json: true,
		});
		expect(output[0].json).toEqual(carrier);
	});

	test('Get Many returns every carrier with Return All, else the first Limit', async () => {
		const fake = new FakeHighLevel();
		for (const name of ['A', 'B', 'C'])
			fake.addCarrier({ name, callbackUrl: `https://${name}.example.com` });
		const all = await run(fake, {
			params: { ...carrierParams, operation: 'getAll', returnAll: true },
		});
		expect(all.output.map((item) => item.json.name)).toEqual(['A', 'B', 'C']);
		const limited = await run(fake, {
			params: { ...carrierParams, operation: 'getAll', returnAll: false, limit: 2 },
		});
		expect(limited.output.map((item) => item.json.name)).toEqual(['A', 'B']);
		expect(limited.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		// the API has no paging: one request, no limit/offset
		expect(limited.httpRequestWithAuthentication.mock.calls[0][1].qs).toEqual({
			altId: LOCATION,
			altType: 'location',
		});
	});

	test('Update sends only the fields to change', async () => {
		const fake = new FakeHighLevel();
		fake.addCarrier({ name: 'Old', callbackUrl: 'https://a.example.com' });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: {
				...carrierParams,
				operation: 'update',
				shippingCarrierId: rl('car-1'),
				updateFields: { name: 'New', allowsMultipleServiceSelection: true },
			},
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'PUT',
			url: `${BASE_URL}/store/shipping-carrier/car-1`,
			headers: HEADERS,
			body: {
				altId: LOCATION,
				altType: 'location',
				name: 'New',
				allowsMultipleServiceSelection: true,
			},
			json: true,
		});
		expect(output[0].json).toMatchObject({ _id: 'car-1', name: 'New' });
	});

	test('Update without fields is refused before any request', async () => {
		const fake = new FakeHighLevel();
		const error = await runError(fake, {
			params: {
				...carrierParams,
				operation: 'update',
				shippingCarrierId: rl('car-1'),
				updateFields: {},
			},
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Update Fields: add at least one field to update');
		expect(fake.calls).toHaveLength(0);
	});

	test('Delete sends DELETE with altId/altType in the query', async () => {
		const fake = new FakeHighLevel();
		fake.addCarrier({ name: 'A', callbackUrl: 'https://a.example.com' });
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: { ...carrierParams, operation: 'delete', shippingCarrierId: rl('car-1') },
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toEqual({
			method: 'DELETE',
			url: `${BASE_URL}/store/shipping-carrier/car-1`,
			headers: HEADERS,
			qs: { altId: LOCATION, altType: 'location' },
			json: true,
		});
		expect(output).toEqual([
			{ json: { deleted: true, shippingCarrierId: 'car-1' }, pairedItem: { item: 0 } },
		]);
		expect(fake.carriers).toHaveLength(0);
	});

	test('Create refuses a relative Callback URL, naming the field and the item', async () => {
		const error = await runError(new FakeHighLevel(), {
			params: { ...carrierParams, operation: 'create', callbackUrl: '/webhook/rates' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Callback URL: /);
		expect((error as NodeOperationError).context.itemIndex).toBe(0);
	});

	test('Create refuses a service without a value', async () => {
		const error = await runError(new FakeHighLevel(), {
			params: {
				...carrierParams,
				operation: 'create',
				services: { service: [{ name: 'Ground', value: '' }] },
			},
		});
		expect(error.message).toMatch(/^Services: service 1 needs both a Name and a Value/);
	});

	describe('Register', () => {
		const register = { ...carrierParams, operation: 'register', matchBy: 'callbackUrl' };

		test('signs the Callback URL for the location as the Shipping Rates Trigger verifies it', async () => {
			const fake = new FakeHighLevel();
			const params = {
				...register,
				callbackUrl: 'https://n8n.example.com/webhook/abc/rates',
				matchBy: 'callbackUrlIgnoringQuery',
				signCallbackUrl: true,
			};
			const credentials = { callbackSecret: 's3cret', oauthTokenData: { locationId: LOCATION } };
			const first = await run(fake, { params, credentials });
			const url = new URL(String(first.output[0].json.callbackUrl));
			expect(url.origin + url.pathname).toBe('https://n8n.example.com/webhook/abc/rates');
			expect(url.searchParams.get('loc')).toBe(LOCATION);
			expect(verifyLocationToken('s3cret', LOCATION, String(url.searchParams.get('t')))).toBe(true);
			expect(first.output[0].json.outcome).toBe('created');

			const second = await run(fake, { params, credentials });
			expect(second.output[0].json.outcome).toBe('unchanged');
			expect(fake.carriers).toHaveLength(1);
		});

		test('refuses to sign without a secret on the credential, naming it', async () => {
			const error = await runError(new FakeHighLevel(), {
				params: { ...register, signCallbackUrl: true },
				credentials: { oauthTokenData: { locationId: LOCATION } },
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/Callback Signing Secret/);
		});

		test('creates the carrier when none matches, then is unchanged on the next run', async () => {
			const fake = new FakeHighLevel();
			fake.addCarrier({ name: 'Other', callbackUrl: 'https://other.example.com/rates' });
			const first = await run(fake, { params: register });
			expect(first.output[0].json).toMatchObject({
				_id: 'car-2',
				name: 'Live Rates',
				outcome: 'created',
			});
			expect(fake.writes().map((call) => call.options.method)).toEqual(['POST']);

			fake.calls = [];
			const second = await run(fake, { params: register });
			expect(second.output[0].json).toMatchObject({ _id: 'car-2', outcome: 'unchanged' });
			expect(fake.writes()).toHaveLength(0);
			expect(fake.carriers).toHaveLength(2);
		});

		test('updates the carrier with the same Callback URL when a field differs', async () => {
			const fake = new FakeHighLevel();
			fake.addCarrier({
				name: 'Old name',
				callbackUrl: carrierParams.callbackUrl,
				services: [{ name: 'Ground', value: 'ground' }],
				allowsMultipleServiceSelection: false,
			});
			const { output } = await run(fake, { params: register });
			expect(output[0].json).toMatchObject({
				_id: 'car-1',
				name: 'Live Rates',
				outcome: 'updated',
			});
			const [write] = fake.writes();
			expect(write.options).toMatchObject({
				method: 'PUT',
				url: `${BASE_URL}/store/shipping-carrier/car-1`,
				body: {
					altId: LOCATION,
					altType: 'location',
					name: 'Live Rates',
					callbackUrl: carrierParams.callbackUrl,
					services: [{ name: 'Ground', value: 'ground' }],
					allowsMultipleServiceSelection: false,
				},
			});
		});

		test('matches a URL that differs only in its query string when asked to', async () => {
			const fake = new FakeHighLevel();
			fake.addCarrier({
				name: 'Live Rates',
				callbackUrl: 'https://n8n.example.com/webhook/rates?t=old',
			});
			const exact = await run(fake, { params: register });
			expect(exact.output[0].json.outcome).toBe('created');

			const other = new FakeHighLevel();
			other.addCarrier({
				name: 'Live Rates',
				callbackUrl: 'https://n8n.example.com/webhook/rates?t=old',
			});
			const loose = await run(other, {
				params: { ...register, matchBy: 'callbackUrlIgnoringQuery' },
			});
			expect(loose.output[0].json).toMatchObject({
				_id: 'car-1',
				callbackUrl: carrierParams.callbackUrl,
				outcome: 'updated',
			});
			expect(other.carriers).toHaveLength(1);
		});

		test('matches by name (case-insensitive) when asked to', async () => {
			const fake = new FakeHighLevel();
			fake.addCarrier({ name: 'live rates', callbackUrl: 'https://old.example.com/rates' });
			const { output } = await run(fake, { params: { ...register, matchBy: 'name' } });
			expect(output[0].json).toMatchObject({ _id: 'car-1', outcome: 'updated' });
			expect(fake.carriers[0].callbackUrl).toBe(carrierParams.callbackUrl);
		});
	});

	describe('errors', () => {
		const unprocessable = {
			statusCode: 422,
			message: ['name must be a string'],
			error: 'Unprocessable Entity',
			traceId: 't-1',
		};

		test("HighLevel's 422 becomes a NodeApiError with its message and trace id", async () => {
			const fake = new FakeHighLevel().failWhen(() => true, httpError(422, unprocessable));
			const error = await runError(fake, { params: { ...carrierParams, operation: 'create' } });
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('name must be a string');
			expect((error as NodeApiError).description).toContain('t-1');
			expect((error as NodeApiError).httpCode).toBe('422');
			expect((error as NodeApiError).context.itemIndex).toBe(0);
		});

		test('Continue On Fail turns the failed item into {error} and keeps going', async () => {
			const fake = new FakeHighLevel();
			fake.addCarrier({ name: 'A', callbackUrl: 'https://a.example.com' });
			fake.failWhen((options) => options.url.endsWith('/car-x'), httpError(422, unprocessable));
			const ids = ['car-1', 'car-x', 'car-1'];
			const { output } = await run(fake, {
				items: 3,
				continueOnFail: true,
				params: {
					...carrierParams,
					operation: 'get',
					shippingCarrierId: (index: number) => rl(ids[index]),
				},
			});
			expect(output).toHaveLength(3);
			expect(output[0]).toMatchObject({ json: { _id: 'car-1' }, pairedItem: { item: 0 } });
			expect(output[1].pairedItem).toEqual({ item: 1 });
			expect(String(output[1].json.error)).toContain('name must be a string');
			expect(String(output[1].json.description)).toContain('t-1');
			expect(output[2]).toMatchObject({ json: { _id: 'car-1' }, pairedItem: { item: 2 } });
		});

		test('a missing location is a NodeOperationError naming Location ID', async () => {
			const fake = new FakeHighLevel();
			const error = await runError(fake, {
				params: { ...carrierParams, operation: 'getAll', returnAll: true },
				credentials: { oauthTokenData: {} },
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Location ID');
			expect(fake.calls).toHaveLength(0);
		});
	});
});
