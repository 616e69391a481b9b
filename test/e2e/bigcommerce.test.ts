/**
 * End to end, BigCommerce: a real n8n with the pack, bigcommerce-live-rates.json published and
 * bigcommerce-install.json run by hand, against the BigCommerce store stand-in (which sends quote
 * and connection-check requests as BigCommerce does and validates every request and answer
 * against the project's schema of the documented contract) and the Shippo stand-in.
 *
 * The quote request is the documented example (test/fixtures/bigcommerce-rate-request.json, its
 * store_id the stand-in's store hash): one 1 in × 1 in × 1 in shirt of 1 oz at 10 USD.
 */
import axios from 'axios';
import { toMinorUnits, fromMinorUnits } from '../../nodes/shared/core/money';
import { applyRateRules } from '../../nodes/shared/core/rules';
import type { RateQuote, RateRules, RoundingMode, SortMode } from '../../nodes/shared/core';
import liveRatesWorkflow from '../../workflows/bigcommerce-live-rates.json';
import rateRequestFixture from '../fixtures/bigcommerce-rate-request.json';
import type { Stack, StandinRecord } from './stack';
import { adaptToStack, startStack } from './stack';

const PACKAGE = 'n8n-nodes-highlevel-shipping';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params = Record<string, any>;

const nodeOfType = (type: string): Params => {
	const node = (liveRatesWorkflow.nodes as Array<{ type: string; parameters?: Params }>).find((n) => n.type === `${PACKAGE}.${type}`);
	if (!node) throw new Error(`bigcommerce-live-rates.json has no ${type} node`);
	return node.parameters ?? {};
};
const responseParams = nodeOfType('shippingRatesResponse');
const getRatesParams = nodeOfType('shippo');

/** The Response node's rules (its parameters, with the node's defaults). */
function rules(currency: string): RateRules {
	const p = responseParams;
	return {
		markupPercent: Number(p.markupPercent ?? 0),
		handlingFeeMinor: toMinorUnits(Number(p.handlingFee ?? 0), currency),
		freeShippingOverMinor: toMinorUnits(Number(p.freeShippingOver ?? 0), currency),
		freeShippingApplies: (p.freeShippingApplies ?? 'cheapest') as 'cheapest' | 'all',
		rounding: (p.rounding ?? 'none') as RoundingMode,
		sort: (p.sort ?? 'price') as SortMode,
		keepCheapest: Number(p.keepCheapest ?? 0),
	};
}

interface ShippoRate {
	provider: string;
	servicelevel: { name?: string; token: string };
	amount: string;
	currency: string;
	estimated_days?: number | null;
}

/** The BigCommerce answer the workflow should give for these Shippo rates: `[carrier, display_name, amount]`. */
function expectedQuotes(shippoRates: ShippoRate[], cartValueMinor: number): Array<[string, string, number]> {
	const currency = shippoRates[0].currency;
	const quotes: RateQuote[] = shippoRates.map((rate) => ({
		carrier: rate.provider,
		serviceName: rate.servicelevel.name || rate.servicelevel.token,
		serviceCode: rate.servicelevel.token,
		amountMinor: toMinorUnits(rate.amount, rate.currency),
		currency: rate.currency,
		source: 'shippo',
	}));
	return applyRateRules(quotes, rules(currency), { orderValueMinor: cartValueMinor, currencyExponent: 2 }).map((quote) => [
		quote.carrier,
		`${quote.carrier} ${quote.serviceName}`,
		fromMinorUnits(quote.amountMinor, quote.currency),
	]);
}

const shipmentCalls = (records: StandinRecord[], from: number) => records.slice(from).filter((r) => r.route === 'POST /shipments');

describe('BigCommerce on a real n8n', () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({
			activate: ['bigcommerce-live-rates.json'],
			workflows: ['workflows/bigcommerce-live-rates.json', 'workflows/bigcommerce-install.json'],
			transformWorkflow: adaptToStack,
		});
		if (!stack.bigCommerceUrls) throw new Error('no BigCommerce URLs signed for the stack');
	}, 600000);

	afterAll(async () => {
		if (stack) await stack.stop();
	}, 60000);

	it('the install workflow connects the carrier (after a real connection check) and adds one method per zone, twice the same', async () => {
		const bigcommerce = stack.standins.bigcommerce;
		await stack.executeWorkflow('bigcommerce-install.json');
		const first = JSON.parse(JSON.stringify(bigcommerce.state));
		expect(Object.keys(first.connections)).toEqual(['carrier_33']);
		expect(first.zones.length).toBeGreaterThanOrEqual(2);
		const carrierMethods = (state: Params) =>
			Object.fromEntries(Object.entries(state.methods as Record<string, Params[]>).map(([zone, methods]) => [zone, methods.filter((m) => m.type === 'carrier_33').map((m) => m.id)]));
		for (const ids of Object.values(carrierMethods(first))) expect(ids).toHaveLength(1);

		await stack.executeWorkflow('bigcommerce-install.json');
		expect(carrierMethods(bigcommerce.state)).toEqual(carrierMethods(first));
		expect(bigcommerce.state.connections).toEqual(first.connections);
		// Each connect asked the n8n's Check Connection Options URL, which tested the key at Shippo.
		const keyTests = stack.standins.shippo.requests.filter((r) => r.route === 'GET /carrier_accounts');
		expect(keyTests.length).toBeGreaterThanOrEqual(2);
		expect(bigcommerce.providerViolations).toEqual([]);
		expect(bigcommerce.violations).toEqual([]);
	}, 180000);

	it("answers seed 004's documented quote request with carrier_quotes grouped by carrier, after the response rules", async () => {
		const shippo = stack.standins.shippo;
		const before = shippo.requests.length;
		const result = await stack.standins.bigcommerce.quote({ url: stack.bigCommerceUrls!.quoteUrl });
		expect(result.status).toBe(200);
		expect(result.violations).toEqual([]);

		const calls = shipmentCalls(shippo.requests, before);
		expect(calls).toHaveLength(1);
		const shippoRates = (calls[0].response as { rates: ShippoRate[] }).rates;
		const item = rateRequestFixture.base_options.items[0];
		const cartValueMinor = toMinorUnits(Number(item.discounted_price.amount), 'USD') * item.quantity;
		const expected = expectedQuotes(shippoRates, cartValueMinor);
		const answer = result.body as { quote_id: string; messages: unknown[]; carrier_quotes: Array<{ carrier_info: { code: string; display_name: string }; quotes: Params[] }> };
		expect(answer.messages).toEqual([]);
		expect(answer.quote_id).toEqual(expect.any(String));
		const got = answer.carrier_quotes.flatMap((group) => group.quotes.map((q) => [group.carrier_info.display_name, q.display_name, q.cost.amount]));
		expect(got.sort()).toEqual(expected.sort());
		// Grouped: one group per carrier, each holding that carrier's quotes only.
		const carriers = answer.carrier_quotes.map((group) => group.carrier_info.display_name);
		expect(new Set(carriers).size).toBe(carriers.length);
		expect(new Set(carriers)).toEqual(new Set(expected.map(([carrier]) => carrier)));
		for (const group of answer.carrier_quotes) for (const quote of group.quotes) expect(quote.cost.currency).toBe('USD');
	});

	it('converts ounces and inches exactly: the parcel Shippo is asked for is the hand-computed one', async () => {
		const shippo = stack.standins.shippo;
		const before = shippo.requests.length;
		// Another destination, so neither the answer cache nor the carrier cache answers it.
		const body = JSON.parse(JSON.stringify(rateRequestFixture)) as Params;
		body.base_options.store_id = 'demo-store';
		body.base_options.destination.zip = '94110';
		body.base_options.items[0].weight = { units: 'lb', value: 2 };
		body.base_options.items[0].length = { units: 'in', value: 10 };
		body.base_options.items[0].width = { units: 'cm', value: 20 };
		body.base_options.items[0].height = { units: 'in', value: 1 };
		const result = await stack.standins.bigcommerce.quote({ url: stack.bigCommerceUrls!.quoteUrl, body });
		expect(result.status).toBe(200);
		expect(result.violations).toEqual([]);
		const [call] = shipmentCalls(shippo.requests, before);
		const parcel = (call.body as { parcels: Params[] }).parcels[0];
		// 2 lb = 907.18474 g, plus the workflow's packaging weight.
		const grams = 2 * 453.59237 + Number(getRatesParams.packagingWeightGrams ?? 0);
		// 10 in = 254 mm, 20 cm = 200 mm, 1 in = 25.4 mm.
		const toGrams: Record<string, number> = { g: 1, kg: 1000, lb: 453.59237, oz: 28.349523125 };
		const toMm: Record<string, number> = { mm: 1, cm: 10, in: 25.4, m: 1000 };
		expect(Number(parcel.weight) * toGrams[parcel.mass_unit]).toBeCloseTo(grams, 1);
		const dims = [parcel.length, parcel.width, parcel.height].map((v: string) => Number(v) * toMm[parcel.distance_unit]).sort((a, b) => b - a);
		expect(dims[0]).toBeCloseTo(254, 1);
		expect(dims[1]).toBeCloseTo(200, 1);
		expect(dims[2]).toBeCloseTo(25.4, 1);
	});

	it('checks connection options for real: a key Shippo knows is valid, another or none is not', async () => {
		const bigcommerce = stack.standins.bigcommerce;
		const url = stack.bigCommerceUrls!.checkConnectionUrl;
		const valid = await bigcommerce.checkConnection({ url, connection_options: { key: 'shippo_test_demo' } });
		expect(valid.status).toBe(200);
		expect(valid.body).toEqual({ valid: true, messages: [] });
		const wrong = await bigcommerce.checkConnection({ url, connection_options: { key: 'shippo_test_wrong' } });
		expect(wrong.body.valid).toBe(false);
		expect(wrong.body.messages).toEqual([{ type: 'ERROR', text: 'Shippo refused the API key in key' }]);
		const none = await bigcommerce.checkConnection({ url, connection_options: {} });
		expect(none.body).toEqual({ valid: false, messages: [{ type: 'ERROR', text: 'Enter your Shippo API key as key' }] });
		expect(bigcommerce.providerViolations).toEqual([]);

		// Connecting with a key Shippo refuses is refused by the store with the carrier's message.
		const refused = await axios.put(
			`${bigcommerce.url}/stores/demo-store/v2/shipping/carrier/connection`,
			{ carrier_id: 'carrier_33', connection: { key: 'shippo_test_wrong' } },
			{ headers: { 'x-auth-token': 'bc-demo-token' }, validateStatus: () => true },
		);
		expect(refused.status).toBe(400);
		expect(JSON.stringify(refused.data)).toContain('Shippo refused the API key in key');
	});

	it('refuses an unsigned or wrongly signed quote URL with 401 and an ERROR message, starting nothing', async () => {
		const unsigned = stack.bigCommerceUrls!.quoteUrl.split('?')[0];
		const shippoBefore = stack.standins.shippo.requests.length;
		for (const url of [unsigned, `${unsigned}?loc=demo-store&t=forged`, stack.bigCommerceUrls!.quoteUrl.replace('loc=demo-store', 'loc=other-store')]) {
			const result = await stack.standins.bigcommerce.quote({ url });
			expect(result.status).toBe(401);
			expect(result.body.carrier_quotes).toEqual([]);
			expect(result.body.messages[0]).toMatchObject({ type: 'ERROR' });
		}
		expect(stack.standins.shippo.requests.length).toBe(shippoBefore);
	});

	it('sent nothing the stand-ins reject', () => {
		expect(stack.standins.bigcommerce.violations).toEqual([]);
		expect(stack.standins.shippo.violations).toEqual([]);
	});
});
