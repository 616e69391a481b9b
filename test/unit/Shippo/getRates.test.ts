import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import fixture from '../../fixtures/highlevel-rate-request.json';
import { parseHighLevelRateRequest } from '../../../nodes/shared/dialects/highlevel';
import { Shippo } from '../../../nodes/Shippo/Shippo.node';
import {
	shippoRateCache,
	userParcelTemplateCache,
} from '../../../nodes/Shippo/actions/rateQuote/getRates.operation';
import { createContext, httpError } from './context';
import type { ContextOptions } from './context';

const NOW = 1_750_000_000_000;
const request = () => parseHighLevelRateRequest(fixture) as unknown as IDataObject;
const fallbackRates = [{ carrier: 'Flat', serviceName: 'Standard', serviceCode: 'std', amountMinor: 999, currency: 'USD' }];

const shipment = {
	object_id: 'shp_1',
	status: 'SUCCESS',
	messages: [{ source: 'UPS', code: '', text: 'UPS account not connected' }],
	rates: [
		{
			object_id: 'rate_ground',
			amount: '5.50',
			currency: 'USD',
			amount_local: '5.50',
			currency_local: 'USD',
			provider: 'USPS',
			servicelevel: { name: 'Ground Advantage', token: 'usps_ground_advantage' },
			estimated_days: 5,
		},
		{
			object_id: 'rate_priority',
			amount: '12.35',
			currency: 'USD',
			provider: 'USPS',
			servicelevel: { name: 'Priority Mail', token: 'usps_priority' },
			estimated_days: 2,
		},
	],
};

const groundQuote = {
	carrier: 'USPS',
	serviceName: 'Ground Advantage',
	serviceCode: 'usps_ground_advantage',
	amountMinor: 550,
	currency: 'USD',
	minDeliveryDays: 5,
	maxDeliveryDays: 5,
	rateId: 'rate_ground',
	source: 'shippo',
};
const priorityQuote = {
	carrier: 'USPS',
	serviceName: 'Priority Mail',
	serviceCode: 'usps_priority',
	amountMinor: 1235,
	currency: 'USD',
	minDeliveryDays: 2,
	maxDeliveryDays: 2,
	rateId: 'rate_priority',
	source: 'shippo',
};

const baseParams = (extra: IDataObject = {}): IDataObject => ({
	resource: 'rateQuote',
	operation: 'getRates',
	carrierAccounts: [],
	parcelSource: 'items',
	defaultBoxLengthCm: 30,
	defaultBoxWidthCm: 20,
	defaultBoxHeightCm: 10,
	packagingWeightGrams: 150,
	onCarrierError: 'failOpen',
	options: {},
	...extra,
});

async function run(options: Partial<ContextOptions> & { params?: IDataObject }) {
	const context = createContext({
		params: baseParams(),
		items: [{ json: { ...request(), fallbackRates } }],
		http: () => shipment,
		...options,
	});
	const output = await new Shippo().execute.call(context.ctx);
	return { ...context, output: output[0] };
}

beforeEach(() => {
	shippoRateCache.clear();
	userParcelTemplateCache.clear();
	jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => {
	jest.restoreAllMocks();
});

describe('Shippo › Rate Quote › Get Rates', () => {
	it('sends POST /shipments (async false, string weights) and outputs one item with canonical quotes', async () => {
		const { output, requests, credentialTypes } = await run({
			params: baseParams({ carrierAccounts: ['acc_usps'], options: { metadata: 'hl:loc:cart' } }),
		});

		expect(requests).toHaveLength(1);
		expect(credentialTypes).toEqual(['highLevelShippingShippoApi']);
		expect(requests[0]).toMatchObject({ method: 'POST', url: 'https://api.goshippo.com/shipments', timeout: 10000 });
		const body = requests[0].body as IDataObject;
		expect(body).toMatchObject({
			async: false,
			carrier_accounts: ['acc_usps'],
			metadata: 'hl:loc:cart',
			address_from: { zip: '90210', country: 'US', street1: '123 Origin St' },
			address_to: { zip: '10001', country: 'US' },
			parcels: [{ weight: '2350', mass_unit: 'g', length: '30', width: '20', height: '10', distance_unit: 'cm' }],
		});

		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toEqual({
			...request(),
			fallbackRates,
			request: request(),
			quotes: [groundQuote, priorityQuote],
			errors: ['UPS: UPS account not connected'],
			cached: false,
			shipmentId: 'shp_1',
		});
	});

	it('answers an identical second request from the cache without calling Shippo', async () => {
		const context = createContext({
			params: baseParams(),
			items: [{ json: request() }],
			http: () => shipment,
		});
		const first = await new Shippo().execute.call(context.ctx);
		const second = await new Shippo().execute.call(context.ctx);
		expect(context.http).toHaveBeenCalledTimes(1);
		expect(first[0][0].json.cached).toBe(false);
		expect(second[0][0].json).toMatchObject({ cached: true, quotes: [groundQuote, priorityQuote], shipmentId: 'shp_1' });
	});

	it('asks Shippo again for another destination, another account token, or with the cache off', async () => {
		await run({});
		const otherZip = { ...request(), destination: { ...(request().destination as IDataObject), postalCode: '94105' } };
		expect((await run({ items: [{ json: otherZip }] })).requests).toHaveLength(1);
		expect(
			(await run({ credentials: { token: 'shippo_live_other', baseUrl: 'https://api.goshippo.com' } })).requests,
		).toHaveLength(1);
		const off = { params: baseParams({ options: { cacheTtl: 0 } }) };
		expect((await run(off)).requests).toHaveLength(1);
		expect((await run(off)).requests).toHaveLength(1);
	});

	it('shares one Shippo call between carts with other items that make the same parcel', async () => {
		await run({});
		// One line of 2,200 g instead of 2 × 500 g + 1 × 1,200 g: other names, SKUs and prices, same parcel.
		const otherCart = {
			...request(),
			items: [{ name: 'Gift set', sku: 'GIFT-1', quantity: 1, unitWeightGrams: 2200, unitPriceMinor: 4999 }],
			destination: { ...(request().destination as IDataObject), name: 'Another Buyer', street1: '9 Other St' },
		};
		const second = await run({ items: [{ json: otherCart }] });
		expect(second.requests).toHaveLength(0);
		expect(second.output[0].json).toMatchObject({ cached: true, quotes: [groundQuote, priorityQuote] });
	});

	it('asks Shippo again when the parcel weight or the destination ZIP changes', async () => {
		await run({});
		const heavier = { ...request(), items: [{ quantity: 1, unitWeightGrams: 2300, unitPriceMinor: 4999 }] };
		expect((await run({ items: [{ json: heavier }] })).requests).toHaveLength(1);
		const otherZip = { ...request(), destination: { ...(request().destination as IDataObject), postalCode: '10002' } };
		expect((await run({ items: [{ json: otherZip }] })).requests).toHaveLength(1);
	});

	it('ends early without calling Shippo once the callback was answered (deadline passed)', async () => {
		const { output, http } = await run({ items: [{ json: { ...request(), deadlineAt: NOW, fallbackRates } }] });
		expect(http).not.toHaveBeenCalled();
		expect(output[0].json).toMatchObject({ quotes: [], cached: false, fallbackRates });
		expect(output[0].json.errors).toEqual([expect.stringContaining('already answered')]);
	});

	it('does not cache an answer without quotes', async () => {
		const empty = { http: () => ({ object_id: 'shp_2', status: 'SUCCESS', rates: [], messages: [] }) };
		await run(empty);
		expect((await run(empty)).requests).toHaveLength(1);
	});

	it('fails open on a Shippo error: quotes [] and the message in errors', async () => {
		const { output } = await run({
			http: () => {
				throw httpError(400, { address_to: ['zip is invalid'] });
			},
		});
		expect(output[0].json).toMatchObject({
			fallbackRates,
			quotes: [],
			errors: ['Shippo: address_to: zip is invalid'],
			cached: false,
			shipmentId: null,
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('fails open on a timeout error', async () => {
		const { output } = await run({
			http: () => {
				throw Object.assign(new Error('timeout of 1850ms exceeded'), { code: 'ECONNABORTED' });
			},
		});
		expect(output[0].json.quotes).toEqual([]);
		expect(output[0].json.errors).toEqual([expect.stringContaining('timeout of 1850ms exceeded')]);
	});

	it('does not call Shippo when the deadline leaves no budget (deadlineAt - now - 400 ≤ 0)', async () => {
		const { output, http } = await run({ items: [{ json: { ...request(), deadlineAt: NOW + 400, fallbackRates } }] });
		expect(http).not.toHaveBeenCalled();
		expect(output[0].json).toMatchObject({ quotes: [], cached: false, deadlineAt: NOW + 400, fallbackRates });
		expect(output[0].json.errors).toEqual([expect.stringContaining('No time left before the deadline')]);
	});

	it('still serves a cached answer when the deadline has passed', async () => {
		await run({});
		const { output, http } = await run({ items: [{ json: { ...request(), deadlineAt: NOW - 1, fallbackRates } }] });
		expect(http).not.toHaveBeenCalled();
		expect(output[0].json).toMatchObject({ cached: true, quotes: [groundQuote, priorityQuote] });
	});

	it('passes min(Timeout, deadlineAt - now - 400 ms) as the request timeout', async () => {
		const deadline = (at: number, timeout?: number) =>
			run({
				items: [{ json: { ...request(), deadlineAt: at } }],
				params: baseParams({ options: timeout ? { timeout, cacheTtl: 0 } : { cacheTtl: 0 } }),
			});
		expect((await deadline(NOW + 2000)).requests[0].timeout).toBe(1600);
		expect((await deadline(NOW + 2000, 1000)).requests[0].timeout).toBe(1000);
		expect((await deadline(NOW + 60_000)).requests[0].timeout).toBe(10000);
		expect((await deadline(String(NOW + 500) as unknown as number)).requests[0].timeout).toBe(100);
	});

	it('Stop Workflow throws the NodeApiError from Shippo', async () => {
		const promise = run({
			params: baseParams({ onCarrierError: 'stop' }),
			http: () => {
				throw httpError(401, { detail: 'Invalid token.' });
			},
		});
		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toThrow('Shippo: Invalid token.');
	});

	it('Stop Workflow throws a NodeOperationError when no time is left, without calling Shippo', async () => {
		const context = createContext({
			params: baseParams({ onCarrierError: 'stop' }),
			items: [{ json: { ...request(), deadlineAt: NOW } }],
			http: () => shipment,
		});
		await expect(new Shippo().execute.call(context.ctx)).rejects.toBeInstanceOf(NodeOperationError);
		expect(context.http).not.toHaveBeenCalled();
	});

	it('keeps only the services in the Service Filter (applied after the cache)', async () => {
		const filtered = await run({ params: baseParams({ options: { serviceFilter: 'usps_priority' } }) });
		expect(filtered.output[0].json.quotes).toEqual([priorityQuote]);
		const other = await run({ params: baseParams({ options: { serviceFilter: 'usps_ground_advantage, ups_ground' } }) });
		expect(other.requests).toHaveLength(0);
		expect(other.output[0].json).toMatchObject({ cached: true, quotes: [groundQuote] });
	});

	it('rejects an invalid request with a NodeOperationError naming the field', async () => {
		const bad = { ...request(), destination: { country: 'USA' } };
		const promise = run({ items: [{ json: bad }] });
		await expect(promise).rejects.toBeInstanceOf(NodeOperationError);
		await expect(promise).rejects.toThrow(/destination\.country: country must be an ISO 3166-1 alpha-2 code/);
		await expect(run({ items: [{ json: { ...request(), items: [] } }] })).rejects.toThrow(/items: /);
	});

	it('with continueOnFail, outputs the error for the bad item and quotes for the good one, each paired', async () => {
		const items: INodeExecutionData[] = [
			{ json: { ...request(), currency: 'dollars', fallbackRates } },
			{ json: { ...request(), fallbackRates } },
		];
		const { output, requests } = await run({ items, continueOnFail: true });
		expect(requests).toHaveLength(1);
		expect(output).toHaveLength(2);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json.error).toMatch(/^Invalid rate request: currency: /);
		expect(output[0].json.fallbackRates).toEqual(fallbackRates);
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[1].json.quotes).toHaveLength(2);
	});

	it('without continueOnFail, the error carries the item index', async () => {
		const items = [{ json: request() }, { json: { nothing: true } }];
		await expect(run({ items })).rejects.toMatchObject({ context: { itemIndex: 1 } });
	});

	it('reads the request from the Rate Request Field and still passes the item through', async () => {
		const { output, requests } = await run({
			items: [{ json: { rateRequest: request(), deadlineAt: NOW + 5000 } }],
			params: baseParams({ options: { rateRequestField: 'rateRequest' } }),
		});
		expect(requests[0].timeout).toBe(4600);
		expect(output[0].json).toMatchObject({ rateRequest: request(), deadlineAt: NOW + 5000, request: request() });
		await expect(
			run({ items: [{ json: { other: 1 } }], params: baseParams({ options: { rateRequestField: 'rateRequest' } }) }),
		).rejects.toThrow(/Rate Request Field "rateRequest"/);
	});

	it('uses the Origin Override only when the request has no origin', async () => {
		const noOrigin = { ...request() };
		delete noOrigin.origin;
		const override = { originOverride: { address: { zip: '73301', country: 'us', city: 'Austin', state: 'TX' } } };
		const { requests } = await run({ items: [{ json: noOrigin }], params: baseParams(override) });
		expect((requests[0].body as IDataObject).address_from).toEqual({ zip: '73301', country: 'US', city: 'Austin', state: 'TX' });
		await expect(run({ items: [{ json: noOrigin }] })).rejects.toThrow(/^origin: /);
		const withOrigin = await run({ params: baseParams({ ...override, options: { cacheTtl: 0 } }) });
		expect((withOrigin.requests[0].body as IDataObject).address_from).toMatchObject({ zip: '90210' });
	});

	it('uses a user parcel template’s box (fetched once) with the weight in the chosen unit', async () => {
		const http = (options: IHttpRequestOptions) =>
			options.method === 'GET'
				? { object_id: 'upt_1', name: 'Mailer', length: '12', width: '9', height: '3.5', distance_unit: 'in', weight: '4', weight_unit: 'oz' }
				: shipment;
		const params = baseParams({
			parcelSource: 'userTemplate',
			userParcelTemplate: { mode: 'list', value: 'upt_1' },
			packagingWeightGrams: 0,
			options: { weightUnit: 'lb' },
		});
		const first = await run({ params, http });
		expect(first.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
			'GET https://api.goshippo.com/user-parcel-templates/upt_1',
			'POST https://api.goshippo.com/shipments',
		]);
		expect((first.requests[1].body as IDataObject).parcels).toEqual([
			{ length: '12', width: '9', height: '3.5', distance_unit: 'in', weight: '4.8502', mass_unit: 'lb' },
		]);
		shippoRateCache.clear();
		const second = await run({ params, http });
		expect(second.requests.map((r) => r.method)).toEqual(['POST']);
	});

	it('uses a carrier parcel template token', async () => {
		const { requests } = await run({
			params: baseParams({ parcelSource: 'carrierTemplate', carrierParcelTemplate: 'USPS_SmallFlatRateBox' }),
		});
		expect((requests[0].body as IDataObject).parcels).toEqual([
			{ template: 'USPS_SmallFlatRateBox', weight: '2350', mass_unit: 'g' },
		]);
	});

	it('reports unusable rates and a non-SUCCESS status in errors', async () => {
		const { output } = await run({
			http: () => ({
				...shipment,
				status: 'QUEUED',
				messages: [],
				rates: [...shipment.rates, { object_id: 'rate_x', amount: '', currency: 'USD', provider: 'UPS', servicelevel: { name: 'G', token: 'ups_ground' } }],
			}),
		});
		expect(output[0].json.quotes).toHaveLength(2);
		expect(output[0].json.errors).toEqual([
			expect.stringContaining('rate_x'),
			'Shippo shipment status QUEUED: rates may be incomplete',
		]);
	});

	it('pairs every output item with its input item', async () => {
		const items = [0, 1, 2].map((n) => ({ json: { ...request(), n } }));
		const { output } = await run({ items });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.n)).toEqual([0, 1, 2]);
	});
});
