import type { IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { getCarrierAccounts } from '../../../nodes/Shippo/methods/loadOptions';
import { searchShipments, searchUserParcelTemplates } from '../../../nodes/Shippo/methods/listSearch';
import { call, createContext, httpError, run } from './context';
import { Shippo } from '../../../nodes/Shippo/Shippo.node';


/** Two pages of `{ next, results }`, page size as asked. */
const pagedHttp = (total: number) => (request: IHttpRequestOptions) => {
	const page = Number(request.qs?.page ?? 1);
	const size = Number(request.qs?.results ?? 25);
	const start = (page - 1) * size;
	const results = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, n) => ({
		object_id: `obj_${start + n + 1}`,
	}));
	return { next: start + size < total ? `https://api.goshippo.com/x?page=${page + 1}` : null, results };
};

const address = (city: string, zip: string) => ({ address: { name: 'A B', city, zip, country: 'US', street1: '1 Main St', company: '' } });

describe('Shippo › Shipment', () => {
	it('Create (fields) sends POST /shipments with string sizes and weights, async false, metadata, accounts', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'shipment',
				operation: 'create',
				defineShipment: 'fields',
				addressFrom: address('San Francisco', '94105'),
				addressTo: address('New York', '10001'),
				parcels: {
					parcel: [
						{ length: 10, width: 8.25, height: 4, distanceUnit: 'in', weight: 2.123456, massUnit: 'lb', template: '' },
						{ template: 'USPS_SmallFlatRateBox', weight: 12, massUnit: 'oz' },
					],
				},
				additionalFields: { metadata: 'hl:loc:order-1', carrierAccounts: ['acc_1'], shipmentDate: '2026-01-02T03:04:05.000Z' },
			},
			http: () => ({ object_id: 'shp_9', status: 'SUCCESS', rates: [] }),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'POST',
				url: 'https://api.goshippo.com/shipments',
				qs: undefined,
				body: {
					address_from: { name: 'A B', city: 'San Francisco', zip: '94105', country: 'US', street1: '1 Main St' },
					address_to: { name: 'A B', city: 'New York', zip: '10001', country: 'US', street1: '1 Main St' },
					parcels: [
						{ length: '10', width: '8.25', height: '4', distance_unit: 'in', weight: '2.1235', mass_unit: 'lb' },
						{ template: 'USPS_SmallFlatRateBox', weight: '12', mass_unit: 'oz' },
					],
					carrier_accounts: ['acc_1'],
					metadata: 'hl:loc:order-1',
					shipment_date: '2026-01-02T03:04:05.000Z',
					async: false,
				},
			},
		]);
		expect(output).toEqual([{ json: { object_id: 'shp_9', status: 'SUCCESS', rates: [] }, pairedItem: { item: 0 } }]);
	});

	it('Create (JSON) turns numeric parcel values into strings and keeps other spec fields', async () => {
		const { requests } = await run({
			params: {
				resource: 'shipment',
				operation: 'create',
				defineShipment: 'json',
				shipmentJson: JSON.stringify({
					address_from: 'adr_from',
					address_to: { country: 'DE', zip: '10115' },
					parcels: [{ length: 20, width: '10', height: 5, distance_unit: 'cm', weight: 0.5, mass_unit: 'kg' }],
					extra: { signature_confirmation: 'STANDARD' },
				}),
				additionalFields: {},
			},
		});
		expect(requests[0].body).toEqual({
			address_from: 'adr_from',
			address_to: { country: 'DE', zip: '10115' },
			parcels: [{ length: '20', width: '10', height: '5', distance_unit: 'cm', weight: '0.5', mass_unit: 'kg' }],
			extra: { signature_confirmation: 'STANDARD' },
			async: false,
		});
	});

	it('Create refuses a body Shippo would refuse, naming the field, before any request', async () => {
		const promise = run({
			params: {
				resource: 'shipment',
				operation: 'create',
				defineShipment: 'fields',
				addressFrom: address('San Francisco', '94105'),
				addressTo: {},
				parcels: { parcel: [{ length: 1, width: 1, height: 1, distanceUnit: 'cm', weight: 1, massUnit: 'g' }] },
				additionalFields: {},
			},
		});
		await expect(promise).rejects.toBeInstanceOf(NodeOperationError);
		await expect(promise).rejects.toThrow(/^Invalid shipment: address_to/);
	});

	it('Get sends GET /shipments/{ShipmentId} for a resource locator value', async () => {
		const { requests, output } = await run({
			params: { resource: 'shipment', operation: 'get', shipmentId: { mode: 'id', value: 'shp_abc' } },
			http: () => ({ object_id: 'shp_abc' }),
		});
		expect(requests.map(call)).toEqual([
			{ method: 'GET', url: 'https://api.goshippo.com/shipments/shp_abc', qs: undefined, body: undefined },
		]);
		expect(output).toEqual([{ json: { object_id: 'shp_abc' }, pairedItem: { item: 0 } }]);
	});

	it('Get throws a NodeApiError with Shippo’s words, or outputs it with continueOnFail', async () => {
		const params = { resource: 'shipment', operation: 'get', shipmentId: { mode: 'id', value: 'nope' } };
		const failing = () => {
			throw httpError(404, { detail: 'Not found.' });
		};
		const promise = run({ params, http: failing });
		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toThrow('Shippo: Not found.');
		const { output } = await run({ params, http: failing, continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		expect(output).toEqual([
			{ json: { error: 'Shippo: Not found.' }, pairedItem: { item: 0 } },
			{ json: { error: 'Shippo: Not found.' }, pairedItem: { item: 1 } },
		]);
	});
});

describe('Shippo › Rate › Get Many', () => {
	it('sends GET /shipments/{id}/rates with page and results = limit', async () => {
		const { requests, output } = await run({
			params: { resource: 'rate', operation: 'getMany', shipmentId: { mode: 'list', value: 'shp_1' }, currencyCode: '', returnAll: false, limit: 3 },
			http: pagedHttp(10),
		});
		expect(requests.map(call)).toEqual([
			{ method: 'GET', url: 'https://api.goshippo.com/shipments/shp_1/rates', qs: { page: 1, results: 3 }, body: undefined },
		]);
		expect(output.map((item) => item.json.object_id)).toEqual(['obj_1', 'obj_2', 'obj_3']);
	});

	it('uses /rates/{CurrencyCode} when a currency is chosen', async () => {
		const { requests } = await run({
			params: { resource: 'rate', operation: 'getMany', shipmentId: { mode: 'id', value: 'shp_1' }, currencyCode: 'eur', returnAll: false, limit: 5 },
			http: pagedHttp(2),
		});
		expect(requests[0].url).toBe('https://api.goshippo.com/shipments/shp_1/rates/EUR');
	});

	it('Return All follows the pages until next is empty', async () => {
		const { requests, output } = await run({
			params: { resource: 'rate', operation: 'getMany', shipmentId: { mode: 'id', value: 'shp_1' }, currencyCode: '', returnAll: true },
			http: pagedHttp(150),
		});
		expect(requests.map((request) => request.qs)).toEqual([
			{ page: 1, results: 100 },
			{ page: 2, results: 100 },
		]);
		expect(output).toHaveLength(150);
		expect(output[149]).toEqual({ json: { object_id: 'obj_150' }, pairedItem: { item: 0 } });
	});
});

describe('Shippo › Carrier Account › Get Many', () => {
	it('sends GET /carrier_accounts with the filters as spec query parameters', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'carrierAccount',
				operation: 'getMany',
				returnAll: false,
				limit: 2,
				filters: { carrier: 'usps', accountId: ' acct-9 ', serviceLevels: true },
			},
			http: pagedHttp(5),
		});
		expect(requests.map(call)).toEqual([
			{
				method: 'GET',
				url: 'https://api.goshippo.com/carrier_accounts',
				qs: { carrier: 'usps', account_id: 'acct-9', service_levels: true, page: 1, results: 2 },
				body: undefined,
			},
		]);
		expect(output).toHaveLength(2);
	});

	it('Return All pages through every account, for every input item', async () => {
		const { requests, output } = await run({
			params: { resource: 'carrierAccount', operation: 'getMany', returnAll: true, filters: {} },
			items: [{ json: {} }, { json: {} }],
			http: pagedHttp(120),
		});
		expect(requests).toHaveLength(4);
		expect(output).toHaveLength(240);
		expect(output[239].pairedItem).toEqual({ item: 1 });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Shippo › Parcel Template › Get Many', () => {
	const list = { results: [{ object_id: 'a' }, { object_id: 'b' }, { object_id: 'c' }] };

	it('lists user templates with GET /user-parcel-templates and applies the limit', async () => {
		const { requests, output } = await run({
			params: { resource: 'parcelTemplate', operation: 'getMany', templateSource: 'user', returnAll: false, limit: 2 },
			http: () => list,
		});
		expect(requests.map(call)).toEqual([
			{ method: 'GET', url: 'https://api.goshippo.com/user-parcel-templates', qs: {}, body: undefined },
		]);
		expect(output.map((item) => item.json.object_id)).toEqual(['a', 'b']);
	});

	it('lists carrier templates with GET /parcel-templates?include=&carrier=', async () => {
		const { requests, output } = await run({
			params: {
				resource: 'parcelTemplate',
				operation: 'getMany',
				templateSource: 'carrier',
				returnAll: true,
				filters: { include: 'enabled', carrier: 'fedex' },
			},
			http: () => list,
		});
		expect(requests.map(call)).toEqual([
			{ method: 'GET', url: 'https://api.goshippo.com/parcel-templates', qs: { include: 'enabled', carrier: 'fedex' }, body: undefined },
		]);
		expect(output).toHaveLength(3);
	});
});

describe('Shippo › methods', () => {
	it('getCarrierAccounts lists active accounts by object_id, sorted by name', async () => {
		const { loadOptionsCtx, requests } = createContext({
			params: {},
			http: () => ({
				next: null,
				results: [
					{ object_id: 'ca_ups', carrier: 'ups', carrier_name: 'UPS', account_id: 'u1', active: true, is_shippo_account: true },
					{ object_id: 'ca_off', carrier: 'fedex', account_id: 'f1', active: false },
					{ object_id: 'ca_usps', carrier: 'usps', carrier_name: 'USPS', account_id: 'p1', test: true },
				],
			}),
		});
		expect(await getCarrierAccounts.call(loadOptionsCtx)).toEqual([
			{ name: 'UPS (u1)', value: 'ca_ups', description: 'Shippo-provided account' },
			{ name: 'USPS (p1) [test]', value: 'ca_usps', description: undefined },
		]);
		expect(requests[0].url).toBe('https://api.goshippo.com/carrier_accounts');
	});

	it('searchUserParcelTemplates filters by name and shows the size', async () => {
		const { loadOptionsCtx } = createContext({
			params: {},
			http: () => ({
				results: [
					{ object_id: 'upt_1', name: 'Mailer', length: '12', width: '9', height: '3', distance_unit: 'in' },
					{ object_id: 'upt_2', name: 'Big Box', length: '40', width: '30', height: '30', distance_unit: 'cm' },
				],
			}),
		});
		expect(await searchUserParcelTemplates.call(loadOptionsCtx, 'box')).toEqual({
			results: [{ name: 'Big Box — 40×30×30 cm', value: 'upt_2' }],
		});
	});

	it('searchShipments pages with a page-number token', async () => {
		const { loadOptionsCtx, requests } = createContext({ params: {}, http: pagedHttp(30) });
		const first = await searchShipments.call(loadOptionsCtx);
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBe('2');
		const second = await searchShipments.call(loadOptionsCtx, undefined, '2');
		expect(second.results).toHaveLength(5);
		expect(second.paginationToken).toBeUndefined();
		expect(requests.map((request) => request.qs)).toEqual([
			{ page: 1, results: 25 },
			{ page: 2, results: 25 },
		]);
	});
});

describe('Shippo node description', () => {
	it('is the usable-as-tool action node "shippo" with Get Rates as default', () => {
		const { description } = new Shippo();
		expect(description).toMatchObject({
			name: 'shippo',
			displayName: 'Shippo',
			usableAsTool: true,
			credentials: [{ name: 'highLevelShippingShippoApi', required: true }],
			icon: { light: 'file:../../icons/shippo.svg', dark: 'file:../../icons/shippo.dark.svg' },
		});
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(resource?.default).toBe('rateQuote');
		const operation = description.properties.find(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes('rateQuote'),
		);
		expect(operation?.default).toBe('getRates');
		const names = description.properties.map((p) => p.name);
		expect(names).toEqual(expect.arrayContaining(['carrierAccounts', 'parcelSource', 'onCarrierError', 'originOverride']));
	});
});
