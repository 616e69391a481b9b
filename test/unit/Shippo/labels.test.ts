import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { call, httpError, run } from './context';


const transaction = {
	object_id: 'tx_1',
	status: 'SUCCESS',
	label_file_type: 'PDF_4x6',
	label_url: 'https://shippo-delivery.example/labels/tx_1.pdf?Signature=abc',
	tracking_number: 'SHIPPO_TRANSIT',
	metadata: 'hl:loc-1:ord-2',
};
const PDF = Buffer.from('%PDF-1.4\nlabel\n%%EOF\n', 'latin1');

describe('Shippo › Transaction', () => {
	it('Create sends POST /transactions {rate, label_file_type, metadata, order, async:false}', async () => {
		const { requests, output, downloads } = await run({
			params: {
				resource: 'transaction',
				operation: 'create',
				rateId: ' rate_1 ',
				labelFileType: 'PDF_4x6',
				additionalFields: { metadata: 'hl:loc-1:ord-2', order: 'ord_9' },
				downloadLabel: false,
			},
			http: () => transaction,
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'POST',
				url: 'https://api.goshippo.com/transactions',
				qs: undefined,
				body: {
					rate: 'rate_1',
					async: false,
					label_file_type: 'PDF_4x6',
					metadata: 'hl:loc-1:ord-2',
					order: 'ord_9',
				},
			},
		]);
		expect(downloads).toHaveLength(0);
		expect(output).toEqual([{ json: transaction, pairedItem: { item: 0 } }]);
	});

	it('Create with Download Label puts the label_url file into binary data, fetched without credentials', async () => {
		const { output, downloads, credentialTypes } = await run({
			params: {
				resource: 'transaction',
				operation: 'create',
				rateId: 'rate_1',
				labelFileType: '',
				additionalFields: {},
				downloadLabel: true,
				binaryPropertyName: 'label',
			},
			http: () => transaction,
			download: () => PDF,
		});
		expect(credentialTypes).toEqual(['highLevelShippingShippoApi']);
		expect(downloads).toEqual([
			{ method: 'GET', url: transaction.label_url, encoding: 'arraybuffer', json: false },
		]);
		expect(output).toEqual([
			{
				json: transaction,
				binary: {
					label: {
						data: PDF.toString('base64'),
						fileName: 'label-tx_1.pdf',
						mimeType: 'application/pdf',
						fileSize: String(PDF.length),
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Create turns an ERROR transaction into an error with Shippo’s messages; metadata over 100 is refused', async () => {
		const failed = run({
			params: {
				resource: 'transaction',
				operation: 'create',
				rateId: 'rate_1',
				labelFileType: 'PDF',
				additionalFields: {},
			},
			http: () => ({
				object_id: 'tx_2',
				status: 'ERROR',
				messages: [{ source: 'USPS', text: 'Address not found' }],
			}),
		});
		await expect(failed).rejects.toThrow('Shippo could not buy the label: Address not found');
		const long = run({
			params: {
				resource: 'transaction',
				operation: 'create',
				rateId: 'rate_1',
				labelFileType: 'PDF',
				additionalFields: { metadata: 'm'.repeat(101) },
			},
		});
		await expect(long).rejects.toThrow('metadata: must be at most 100 characters (got 101)');
		const noRate = run({
			params: { resource: 'transaction', operation: 'create', rateId: ' ', additionalFields: {} },
		});
		await expect(noRate).rejects.toBeInstanceOf(NodeOperationError);
		await expect(noRate).rejects.toThrow('rate: Rate ID is required');
	});

	it('Get sends GET /transactions/{id}; a PNG label gets a .png name; no label_url is an error naming it', async () => {
		const png = { ...transaction, label_file_type: 'PNG', label_url: 'https://x.example/l.png' };
		const { requests, output } = await run({
			params: {
				resource: 'transaction',
				operation: 'get',
				transactionId: 'tx_1',
				downloadLabel: true,
				binaryPropertyName: 'data',
			},
			http: () => png,
			download: () => Buffer.from([137, 80, 78, 71]),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'GET',
				url: 'https://api.goshippo.com/transactions/tx_1',
				qs: undefined,
				body: undefined,
			},
		]);
		expect(output[0].binary?.data).toMatchObject({
			fileName: 'label-tx_1.png',
			mimeType: 'image/png',
		});

		const { output: failed } = await run({
			params: {
				resource: 'transaction',
				operation: 'get',
				transactionId: 'tx_3',
				downloadLabel: true,
			},
			http: () => ({ object_id: 'tx_3', status: 'QUEUED', label_url: '' }),
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});
		expect(failed).toEqual([
			{
				json: { error: 'label_url: the transaction has no label (status QUEUED)' },
				pairedItem: { item: 0 },
			},
			{
				json: { error: 'label_url: the transaction has no label (status QUEUED)' },
				pairedItem: { item: 1 },
			},
		]);
	});

	it('a failed label download is a NodeApiError', async () => {
		const promise = run({
			params: {
				resource: 'transaction',
				operation: 'get',
				transactionId: 'tx_1',
				downloadLabel: true,
			},
			http: () => transaction,
			download: () => {
				throw httpError(403, 'AccessDenied');
			},
		});
		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toThrow(/^Could not download the label/);
	});

	it('Get Many sends GET /transactions with rate, object_status, tracking_status', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'transaction',
				operation: 'getMany',
				returnAll: false,
				limit: 1,
				filters: { rate: 'rate_1', objectStatus: 'SUCCESS', trackingStatus: 'DELIVERED' },
			},
			http: () => ({ next: null, results: [transaction, { object_id: 'tx_9' }] }),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'GET',
				url: 'https://api.goshippo.com/transactions',
				qs: {
					rate: 'rate_1',
					object_status: 'SUCCESS',
					tracking_status: 'DELIVERED',
					page: 1,
					results: 1,
				},
				body: undefined,
			},
		]);
		expect(output).toEqual([{ json: transaction, pairedItem: { item: 0 } }]);
	});
});

describe('Shippo › Track', () => {
	it('Register sends POST /tracks {carrier, tracking_number, metadata}', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'track',
				operation: 'register',
				carrier: ' Shippo ',
				trackingNumber: ' SHIPPO_TRANSIT ',
				metadata: 'hl:loc-1:ord-2',
			},
			http: () => ({ carrier: 'shippo', tracking_number: 'SHIPPO_TRANSIT' }),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'POST',
				url: 'https://api.goshippo.com/tracks',
				qs: undefined,
				body: { carrier: 'shippo', tracking_number: 'SHIPPO_TRANSIT', metadata: 'hl:loc-1:ord-2' },
			},
		]);
		expect(output).toEqual([
			{ json: { carrier: 'shippo', tracking_number: 'SHIPPO_TRANSIT' }, pairedItem: { item: 0 } },
		]);
	});

	it('Get sends GET /tracks/{carrier}/{tracking_number} (encoded); a missing number names the field', async () => {
		const { requests } = await run({
			params: {
				resource: 'track',
				operation: 'get',
				carrier: 'usps',
				trackingNumber: '9400 1000/1',
			},
			http: () => ({}),
		});
		expect(requests[0].url).toBe('https://api.goshippo.com/tracks/usps/9400%201000%2F1');
		const promise = run({
			params: { resource: 'track', operation: 'get', carrier: 'usps', trackingNumber: '' },
		});
		await expect(promise).rejects.toThrow('tracking_number: is required');
	});
});

describe('Shippo › Webhook', () => {
	it('Create sends POST /webhooks {event, url, active, is_test}', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'webhook',
				operation: 'create',
				event: 'track_updated',
				url: ' https://example.com/hook?token=t ',
				active: true,
				isTest: true,
			},
			http: () => ({ object_id: 'wh_1', event: 'track_updated' }),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'POST',
				url: 'https://api.goshippo.com/webhooks',
				qs: undefined,
				body: {
					event: 'track_updated',
					url: 'https://example.com/hook?token=t',
					active: true,
					is_test: true,
				},
			},
		]);
		expect(output[0]).toEqual({
			json: { object_id: 'wh_1', event: 'track_updated' },
			pairedItem: { item: 0 },
		});
	});

	it('Create refuses a non-http URL or one of 200+ characters, naming url', async () => {
		await expect(
			run({ params: { resource: 'webhook', operation: 'create', event: 'all', url: 'ftp://x' } }),
		).rejects.toThrow('url: must be an http(s) address');
		await expect(
			run({
				params: {
					resource: 'webhook',
					operation: 'create',
					event: 'all',
					url: `https://example.com/${'a'.repeat(180)}`,
				},
			}),
		).rejects.toThrow(/^url: must be under 200 characters/);
	});

	it('Get Many sends GET /webhooks and cuts to the limit; Delete sends DELETE /webhooks/{id}', async () => {
		const { requests, output } = await run({
			params: { resource: 'webhook', operation: 'getMany', returnAll: false, limit: 1 },
			http: () => ({ count: 2, results: [{ object_id: 'a' }, { object_id: 'b' }] }),
		});
		expect(requests.map(call)).toEqual([
			{ method: 'GET', url: 'https://api.goshippo.com/webhooks', qs: undefined, body: undefined },
		]);
		expect(output).toEqual([{ json: { object_id: 'a' }, pairedItem: { item: 0 } }]);
		const deleted = await run({
			params: { resource: 'webhook', operation: 'delete', webhookId: 'wh_1' },
			http: () => '',
		});
		expect(deleted.requests.map(call)).toEqual([
			{
				method: 'DELETE',
				url: 'https://api.goshippo.com/webhooks/wh_1',
				qs: undefined,
				body: undefined,
			},
		]);
		expect(deleted.output).toEqual([
			{ json: { deleted: true, object_id: 'wh_1' }, pairedItem: { item: 0 } },
		]);
	});
});

describe('Shippo › Address › Create', () => {
	const address = {
		address: {
			name: 'A B',
			street1: '1 Main St',
			city: 'New York',
			state: 'NY',
			zip: '10001',
			country: 'us',
			company: '',
		},
	};

	it('sends POST /addresses with validate: true and surfaces the validation result', async () => {
		const validation = {
			is_valid: false,
			messages: [{ code: 'invalid_postal_code', text: 'bad zip' }],
		};
		const { requests, output } = await run({
			params: {
				resource: 'address',
				operation: 'create',
				address,
				validate: true,
				additionalFields: { metadata: 'hl:loc-1:ord-2' },
			},
			http: () => ({ object_id: 'adr_1', validation_results: validation }),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'POST',
				url: 'https://api.goshippo.com/addresses',
				qs: undefined,
				body: {
					name: 'A B',
					street1: '1 Main St',
					city: 'New York',
					state: 'NY',
					zip: '10001',
					country: 'US',
					metadata: 'hl:loc-1:ord-2',
					validate: true,
				},
			},
		]);
		expect(output).toEqual([
			{
				json: {
					is_valid: false,
					validation_messages: validation.messages,
					object_id: 'adr_1',
					validation_results: validation,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('without a country refuses naming it; 400 from Shippo names the field', async () => {
		await expect(
			run({
				params: { resource: 'address', operation: 'create', address: { address: { city: 'X' } } },
			}),
		).rejects.toThrow('country: is required');
		const promise = run({
			params: {
				resource: 'address',
				operation: 'create',
				address,
				validate: false,
				additionalFields: {},
			},
			http: () => {
				throw httpError(400, { zip: ['This field is required.'] });
			},
		});
		await expect(promise).rejects.toThrow('Shippo: zip: This field is required.');
	});
});

describe('Shippo › Webhook › Delete Matching', () => {
	const hooks = [
		{ object_id: 'wh_1', event: 'transaction_created', url: 'https://n8n.example.com/webhook/abc/shippo?t=1' },
		{ object_id: 'wh_2', event: 'track_updated', url: 'https://n8n.example.com/webhook/abc/shippo?t=1' },
		{ object_id: 'wh_3', event: 'track_updated', url: 'https://other.example.com/hooks' },
	];

	it('deletes only the webhooks whose URL contains the text, counting one already gone as notFound', async () => {
		const { requests, output } = await run({
			params: { resource: 'webhook', operation: 'deleteMatching', urlContains: '/webhook/abc/shippo' },
			http: (options) => {
				if (options.method === 'GET') return { count: 3, results: hooks };
				if (String(options.url).endsWith('/wh_2')) throw httpError(404, { detail: 'Not found.' });
				return undefined;
			},
		});
		expect(requests.map((r) => `${String(r.method)} ${String(r.url)}`)).toEqual([
			'GET https://api.goshippo.com/webhooks',
			'DELETE https://api.goshippo.com/webhooks/wh_1',
			'DELETE https://api.goshippo.com/webhooks/wh_2',
		]);
		expect(output[0].json).toMatchObject({
			deleted: 1,
			notFound: 1,
			webhooks: [
				{ object_id: 'wh_1', outcome: 'deleted' },
				{ object_id: 'wh_2', outcome: 'notFound' },
			],
		});
	});

	it('refuses a text shorter than 3 characters, naming the field, before any request', async () => {
		await expect(
			run({ params: { resource: 'webhook', operation: 'deleteMatching', urlContains: ' / ' } }),
		).rejects.toThrow(/^URL Contains:/);
	});
});
