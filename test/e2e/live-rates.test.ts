/**
 * End to end: a real n8n (pinned, scripts/install-n8n.sh) with the built pack installed as a
 * package, the bundled live-rates workflow published, and the HighLevel and Shippo stand-ins.
 * Activation registers the Shipping Rates Trigger as a shipping carrier at the HighLevel stand-in;
 * these tests call that carrier's callback URL the way HighLevel does at checkout.
 *
 * Expectations come from the workflow file (trigger deadline and fallback rates, the response
 * node's rules) and from what the Shippo stand-in answered, shaped by applyRateRules.
 */
import axios from 'axios';
import { sleep } from 'n8n-workflow';
import { toMinorUnits, fromMinorUnits } from '../../nodes/shared/core/money';
import { applyRateRules } from '../../nodes/shared/core/rules';
import type { RateQuote, RateRules, RoundingMode, SortMode } from '../../nodes/shared/core';
import liveRatesWorkflow from '../../workflows/live-rates.json';
import rateRequestFixture from '../fixtures/highlevel-rate-request.json';
import type { Stack, Standin } from './stack';
import { pointInstallAtLiveRates, startStack, until } from './stack';
import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/ShippingRatesTrigger/settings';

const PACKAGE = 'n8n-nodes-highlevel-shipping';

interface ShippoRate {
	provider: string;
	servicelevel: { name?: string; token: string };
	amount: string;
	currency: string;
	estimated_days?: number | null;
}
interface HighLevelRate {
	serviceName: string;
	amount: number;
	currency: string;
	estimatedDays?: number;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params = Record<string, any>;


const workflow = liveRatesWorkflow as unknown as {
	nodes: Array<{ type: string; parameters?: Params }>;
};
const nodeOfType = (type: string): Params => {
	const node = workflow.nodes.find((n) => n.type === `${PACKAGE}.${type}`);
	if (!node) throw new Error(`workflows/live-rates.json has no ${type} node`);
	return node.parameters ?? {};
};
const triggerParams = nodeOfType('shippingRatesTrigger');
const responseParams = nodeOfType('shippingRatesResponse');
for (const [name, value] of Object.entries({ ...triggerParams, ...responseParams })) {
	if (typeof value === 'string' && value.startsWith('=')) {
		throw new Error(`parameter ${name} is an expression; this test reads plain values only`);
	}
}

const DEADLINE_MS = Number(triggerParams.deadlineMs ?? 2500);
const MARGIN_MS = 500;
const FALLBACK: Array<{ serviceName: string; amount: number }> = (
	(triggerParams.fallbackRates ?? {}).rate ?? []
).map((rate: Params) => ({
	serviceName: String(rate.serviceName || 'Standard Shipping'),
	amount: Number(rate.amount ?? 0),
}));

/** The response node's rules as it reads them (same defaults as its parameters). */
function rulesFor(currency: string): { rules: RateRules; nameFormat: string } {
	const p = responseParams;
	const rules: RateRules = {
		markupPercent: Number(p.markupPercent ?? 0),
		handlingFeeMinor: toMinorUnits(Number(p.handlingFee ?? 0), currency),
		freeShippingOverMinor: toMinorUnits(Number(p.freeShippingOver ?? 0), currency),
		freeShippingApplies: (p.freeShippingApplies ?? 'cheapest') as 'cheapest' | 'all',
		rounding: (p.rounding ?? 'none') as RoundingMode,
		sort: (p.sort ?? 'price') as SortMode,
		keepCheapest: Number(p.keepCheapest ?? 0),
	};
	if (rules.rounding === 'upToStep')
		rules.roundingStepMinor = toMinorUnits(Number(p.roundingStep ?? 0.5), currency);
	return { rules, nameFormat: String((p.options ?? {}).nameFormat ?? 'carrierService') };
}

/** The documented HighLevel rate request, for the stack's location; `zip` varies the shipment. */
function rateRequest(locationId: string, zip?: string): Params {
	const body = JSON.parse(JSON.stringify(rateRequestFixture)) as Params;
	body.rate.altId = locationId;
	if (zip) body.rate.destination.zip = zip;
	return body;
}

/** Cart value in minor units: Σ unit price × quantity (as the response node computes it). */
function cartValueMinor(body: Params): number {
	const { items, currency } = body.rate;
	return items.reduce(
		(sum: number, item: Params) =>
			sum + toMinorUnits(Number(item.unitPrice), currency) * Number(item.quantity),
		0,
	);
}

/** What the workflow should answer for these Shippo rates. */
function expectedAnswer(shippoRates: ShippoRate[], body: Params): HighLevelRate[] {
	const currency = shippoRates[0].currency;
	const quotes: RateQuote[] = shippoRates.map((rate) => {
		const days = typeof rate.estimated_days === 'number' ? rate.estimated_days : undefined;
		return {
			carrier: rate.provider,
			serviceName: rate.servicelevel.name || rate.servicelevel.token,
			serviceCode: rate.servicelevel.token,
			amountMinor: toMinorUnits(rate.amount, rate.currency),
			currency: rate.currency,
			...(days !== undefined ? { minDeliveryDays: days, maxDeliveryDays: days } : {}),
			source: 'shippo',
		} as RateQuote;
	});
	const { rules, nameFormat } = rulesFor(currency);
	return applyRateRules(quotes, rules, {
		orderValueMinor: cartValueMinor(body),
		currencyExponent: 2,
	}).map((quote) => ({
		serviceName:
			nameFormat === 'carrierService' ? `${quote.carrier} ${quote.serviceName}` : quote.serviceName,
		amount: fromMinorUnits(quote.amountMinor, quote.currency),
		currency: quote.currency,
		...(quote.maxDeliveryDays !== undefined ? { estimatedDays: quote.maxDeliveryDays } : {}),
	}));
}

const shown = (rates: HighLevelRate[]) =>
	rates.map(({ serviceName, amount, currency, estimatedDays }) => ({
		serviceName,
		amount,
		currency,
		...(estimatedDays !== undefined ? { estimatedDays } : {}),
	}));

async function post(url: string, body: unknown) {
	const started = Date.now();
	const response = await axios.post(url, body, {
		validateStatus: () => true,
		timeout: 20000,
		headers: { 'content-type': 'application/json' },
	});
	return {
		status: response.status,
		data: response.data,
		source: String(response.headers['x-shipping-rates-source'] ?? ''),
		elapsedMs: Date.now() - started,
	};
}

function expectFallbackOrEmpty(rates: HighLevelRate[]) {
	expect(Array.isArray(rates)).toBe(true);
	if (rates.length > 0) {
		expect(rates.map(({ serviceName, amount }) => ({ serviceName, amount }))).toEqual(FALLBACK);
	}
}

const shipmentCalls = (standin: Standin, from: number) =>
	standin.requests.slice(from).filter((record) => record.route === 'POST /shipments');

describe('live rates on a real n8n', () => {
	let stack: Stack;
	let callbackUrl: string;
	let firstAnswer: HighLevelRate[] = [];

	beforeAll(async () => {
		stack = await startStack({
			activate: ['live-rates.json'],
			// The install workflow registers the live-rates trigger's production URL of this n8n.
			transformWorkflow: pointInstallAtLiveRates,
		});
		if (!stack.callbackUrl) throw new Error('the Shipping Rates Trigger registered no carrier');
		callbackUrl = stack.callbackUrl;
	}, 600000);

	afterAll(async () => {
		if (stack) await stack.stop();
	}, 60000);

	afterEach(() => {
		stack?.standins.shippo.clearFaults();
	});

	it('registered the callback URL as a carrier of the location, under n8n', () => {
		const url = new URL(callbackUrl);
		expect(`${url.protocol}//${url.host}`).toBe(stack.n8nUrl);
		expect(url.pathname).toMatch(/^\/webhook\/[^/]+\/rates$/);
		expect(url.searchParams.get('loc')).toBe(stack.locationId);
		expect(url.searchParams.get('t')).toBeTruthy();
	});

	it('answers the HighLevel rate request with the Shippo rates after the configured rules', async () => {
		// (first call for this cart: the workflow answers, not the trigger's answer cache)
		// HighLevel's documented example as published (its altId is the stack's location).
		expect(rateRequestFixture.rate.altId).toBe(stack.locationId);
		const body = rateRequest(stack.locationId);
		const before = stack.standins.shippo.requests.length;
		const response = await post(callbackUrl, body);

		expect(response.status).toBe(200);
		expect(Array.isArray(response.data.rates)).toBe(true);
		expect(response.data.rates.length).toBeGreaterThan(0);
		for (const rate of response.data.rates) {
			expect(rate).toEqual(
				expect.objectContaining({
					serviceName: expect.any(String),
					amount: expect.any(Number),
					currency: 'USD',
					estimatedDays: expect.any(Number),
				}),
			);
		}

		const calls = shipmentCalls(stack.standins.shippo, before);
		expect(calls).toHaveLength(1);
		expect(calls[0].status).toBe(201);
		expect(response.source).toBe('workflow');
		const shippoRates = (calls[0].response?.rates as ShippoRate[] | undefined) ?? [];
		expect(shippoRates.length).toBeGreaterThan(0);
		const expected = expectedAnswer(shippoRates, body);
		expect(expected.length).toBeGreaterThan(0);
		expect(shown(response.data.rates)).toEqual(expected);
		firstAnswer = shown(response.data.rates);
	});

	it("answers the same cart again from the trigger's answer cache, without an execution or a Shippo call", async () => {
		const before = stack.standins.shippo.requests.length;
		const response = await post(callbackUrl, rateRequest(stack.locationId));
		expect(response.status).toBe(200);
		expect(response.source).toBe('cache');
		expect(shown(response.data.rates)).toEqual(firstAnswer);
		expect(stack.standins.shippo.requests.length).toBe(before);
	});

	it('rejects a callback URL with a wrong token (401) without calling Shippo', async () => {
		const url = new URL(callbackUrl);
		const token = url.searchParams.get('t') ?? '';
		url.searchParams.set('t', `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`);
		const before = stack.standins.shippo.requests.length;

		const response = await post(url.toString(), rateRequest(stack.locationId, '10010'));
		await sleep(500);

		expect(response.status).toBe(401);
		expect(stack.standins.shippo.requests.length).toBe(before);
	});

	it('answers when HighLevel appends /rates to the callback path', async () => {
		const url = new URL(callbackUrl);
		url.pathname = `${url.pathname}/rates`;
		const response = await post(url.toString(), rateRequest(stack.locationId));

		expect(response.status).toBe(200);
		expect(response.data.rates.length).toBeGreaterThan(0);
		expect(shown(response.data.rates)).toEqual(firstAnswer);
	});

	it('answers when HighLevel appends /rates to the callback URL as text (after the query)', async () => {
		const response = await post(`${callbackUrl}/rates`, rateRequest(stack.locationId));

		expect(response.status).toBe(200);
		expect(shown(response.data.rates)).toEqual(firstAnswer);
	});

	it(`answers within the trigger's deadline (${DEADLINE_MS} ms) when Shippo hangs, with the fallback rates`, async () => {
		stack.standins.shippo.setFault({ route: 'POST /shipments', mode: 'hang' });
		const before = stack.standins.shippo.requests.length;

		const response = await post(callbackUrl, rateRequest(stack.locationId, '10002'));

		expect(shipmentCalls(stack.standins.shippo, before).length).toBeGreaterThan(0);
		expect(response.elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
		expect(response.status).toBe(200);
		expectFallbackOrEmpty(response.data.rates);
		expect(response.data.rates.length).toBe(FALLBACK.length);
		// Fallback answers are never cached: the same cart asks the carrier again.
		stack.standins.shippo.clearFaults();
		const again = await post(callbackUrl, rateRequest(stack.locationId, '10002'));
		expect(again.source).toBe('workflow');
		expect(again.data.rates.map((r: HighLevelRate) => r.serviceName)).not.toEqual(FALLBACK.map((r) => r.serviceName));
	});

	it('answers 200 with the fallback rates when Shippo answers 500', async () => {
		stack.standins.shippo.setFault({ route: 'POST /shipments', mode: 'status', status: 500 });
		const before = stack.standins.shippo.requests.length;

		const response = await post(callbackUrl, rateRequest(stack.locationId, '10003'));

		expect(shipmentCalls(stack.standins.shippo, before).length).toBeGreaterThan(0);
		expect(response.status).toBe(200);
		expect(response.elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
		expectFallbackOrEmpty(response.data.rates);
	});

	it('answers a burst beyond Max Executions in Flight within the deadline, the excess at once with fallback-overload and no execution', async () => {
		const bound = Number(triggerParams.options?.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
		// A slow carrier keeps the admitted executions in flight while the burst arrives.
		stack.standins.shippo.setFault({ route: 'POST /shipments', mode: 'latency', latencyMs: 1200 });
		const before = stack.standins.shippo.requests.length;
		const burst = bound + 16;

		const answers = await Promise.all(
			Array.from({ length: burst }, (_, i) => post(callbackUrl, rateRequest(stack.locationId, String(30000 + i)))),
		);

		for (const answer of answers) {
			expect(answer.status).toBe(200);
			expect(answer.elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
			expect(answer.data.rates.length).toBeGreaterThan(0);
		}
		const bySource = (source: string) => answers.filter((a) => a.source === source);
		const overload = bySource('fallback-overload');
		expect(overload.length).toBeGreaterThanOrEqual(burst - bound);
		for (const answer of overload) {
			expect(answer.data.rates.map(({ serviceName, amount }: HighLevelRate) => ({ serviceName, amount }))).toEqual(FALLBACK);
		}
		expect(bySource('workflow').length + bySource('fallback-deadline').length).toBe(burst - overload.length);
		expect(bySource('workflow').length).toBeGreaterThan(0);
		// Only admitted callbacks started an execution, so at most `bound` carts reached Shippo.
		await sleep(1500);
		const quoted = shipmentCalls(stack.standins.shippo, before).length;
		expect(quoted).toBe(burst - overload.length);
		expect(quoted).toBeLessThanOrEqual(bound);
	}, 60000);

	it('answers 400 naming the field for a body it cannot read, and n8n stays up', async () => {
		const body = rateRequest(stack.locationId);
		body.rate.items = [];
		const response = await post(callbackUrl, body);
		expect(response.status).toBe(400);
		expect(response.data).toEqual({ error: expect.stringMatching(/items/), field: 'items' });
	});

	describe('install workflow (install-carrier.json, run once)', () => {
		const location = () => {
			const state = stack.standins.highlevel.state?.locations[stack.locationId];
			if (!state) throw new Error('the HighLevel stand-in has no state for the location');
			return state;
		};
		const carrierRatesByZone = () => {
			const { zones, rates } = location();
			return Object.values(zones).map((zone) => ({
				zone: zone.name,
				carrierRates: Object.values(rates).filter((r) => r.shippingZoneId === zone._id && r.isCarrierRate),
			}));
		};

		it('keeps the one carrier and adds one carrier rate to every shipping zone, twice without duplicates', async () => {
			const carriersBefore = Object.values(location().carriers);
			expect(carriersBefore).toHaveLength(1);

			await stack.executeWorkflow('install-carrier.json');
			const carriers = Object.values(location().carriers);
			expect(carriers).toHaveLength(1);
			expect(carriers[0]._id).toBe(carriersBefore[0]._id);
			expect(carriers[0].callbackUrl).toBe(callbackUrl);
			const first = carrierRatesByZone();
			expect(first.length).toBeGreaterThanOrEqual(2);
			for (const { carrierRates } of first) {
				expect(carrierRates).toHaveLength(1);
				expect(carrierRates[0].shippingCarrierId).toBe(carriers[0]._id);
			}

			await stack.executeWorkflow('install-carrier.json');
			expect(Object.values(location().carriers)).toHaveLength(1);
			expect(carrierRatesByZone()).toEqual(first);
		}, 240000);
	});

	describe('importing live-rates.json a second time into the same n8n', () => {
		// The editor's Import from File keeps a node's webhookId, and the bundled templates carry
		// fixed ones (the other templates' Settings and the README name these URLs). A second copy
		// is saved, but n8n refuses to publish it: its trigger would take the first copy's URL.
		// Without the webhookId (the README's remedy), the copy gets a URL of its own.
		const carriers = () => Object.values(stack.standins.highlevel.state?.locations[stack.locationId]?.carriers ?? {});
		const copyOf = (definition: Record<string, unknown>, withWebhookIds: boolean) => {
			const nodes = JSON.parse(JSON.stringify(definition.nodes)) as Array<Record<string, unknown>>;
			if (!withWebhookIds) for (const node of nodes) delete node.webhookId;
			return { name: `${String(definition.name)} (copy)`, nodes, connections: definition.connections, settings: definition.settings };
		};
		const imported = () => {
			const workflow = stack.workflows.find((w) => w.file.split(/[\\/]/).pop() === 'live-rates.json');
			if (!workflow) throw new Error('live-rates.json was not imported');
			return workflow.definition;
		};

		it("is refused with n8n's webhook conflict, and the first copy keeps answering", async () => {
			const before = carriers().map((c) => c.callbackUrl);
			const copy = await stack.api('POST', '/rest/workflows', copyOf(imported(), true));
			try {
				// n8n refuses at once (4xx), or accepts the request and then reports the trigger failed.
				let outcome: string;
				try {
					await stack.api('POST', `/rest/workflows/${copy.id}/activate`, { versionId: copy.versionId });
					await sleep(3000);
					const status = await stack.api('GET', `/rest/workflows/${copy.id}/publication-status`);
					outcome = `accepted; publication status ${JSON.stringify(status)}`;
				} catch (error) {
					outcome = (error as Error).message;
				}
				expect(outcome).toMatch(/HTTP 409/);
				expect(outcome).toContain('There is a conflict with one of the webhooks.');
			} finally {
				await stack.api('DELETE', `/rest/workflows/${copy.id}`).catch(() => undefined);
			}
			expect(carriers().map((c) => c.callbackUrl)).toEqual(before);
			const again = await axios.post(callbackUrl, rateRequest(stack.locationId), { validateStatus: () => true });
			expect(again.status).toBe(200);
			expect(again.data.rates.length).toBeGreaterThan(0);
		});

		it('publishes a copy whose trigger has no webhookId, under a URL of its own', async () => {
			const before = carriers().map((c) => c.callbackUrl);
			const copy = await stack.api('POST', '/rest/workflows', copyOf(imported(), false));
			try {
				await stack.api('POST', `/rest/workflows/${copy.id}/activate`, { versionId: copy.versionId });
				const registered = await until(
					async () => carriers().map((c) => c.callbackUrl),
					(urls) => urls.length > before.length,
					120,
				);
				const added = registered.filter((url) => !before.includes(url));
				expect(added).toHaveLength(1);
				expect(new URL(added[0]).pathname).not.toBe(new URL(callbackUrl).pathname);
			} finally {
				await stack.api('POST', `/rest/workflows/${copy.id}/deactivate`, {}).catch(() => undefined);
				await until(async () => carriers().length, (n) => n <= before.length, 120);
				await stack.api('DELETE', `/rest/workflows/${copy.id}`).catch(() => undefined);
			}
			expect(carriers().map((c) => c.callbackUrl)).toEqual(before);
		}, 120000);
	});

	describe("names in n8n's node and credential lists", () => {
		// What n8n serves the editor (GET /types/nodes.json and /types/credentials.json, behind the
		// owner's session): every node and credential type it loaded, n8n's own and the pack's.
		type TypeEntry = { name: string; displayName: string; supportedNodes?: string[] };
		let nodeTypes: TypeEntry[];
		let credentialTypes: TypeEntry[];
		const ownNode = (entry: TypeEntry) => entry.name.startsWith(`${PACKAGE}.`);
		const ownCredentialNames = [
			'highLevelShippingBigCommerceApi',
			'highLevelShippingLaunchMyStoreApi',
			'highLevelShippingOAuth2Api',
			'highLevelShippingPrivateIntegrationApi',
			'highLevelShippingShippoApi',
		];

		beforeAll(async () => {
			nodeTypes = (await stack.api('GET', '/types/nodes.json')) as TypeEntry[];
			credentialTypes = (await stack.api('GET', '/types/credentials.json')) as TypeEntry[];
		}, 60000);

		it('lists the pack beside n8n-nodes-base and @n8n/n8n-nodes-langchain only', () => {
			const packages = new Set(nodeTypes.map((entry) => entry.name.slice(0, entry.name.lastIndexOf('.'))));
			expect([...packages].sort()).toEqual(['@n8n/n8n-nodes-langchain', 'n8n-nodes-base', PACKAGE].sort());
			// n8n's own HighLevel node is there, so the comparisons below are not vacuous.
			expect(nodeTypes.find((entry) => entry.name === 'n8n-nodes-base.highLevel')?.displayName).toBe('HighLevel');
		});

		it("no node display name of the pack (tool variants included) equals one of n8n's", () => {
			const builtIn = new Set(nodeTypes.filter((entry) => !ownNode(entry)).map((entry) => entry.displayName));
			const own = nodeTypes.filter(ownNode);
			expect(own.length).toBeGreaterThanOrEqual(6);
			expect(own.filter((entry) => builtIn.has(entry.displayName)).map((entry) => entry.displayName)).toEqual([]);
		});

		it('offers the action nodes to AI agents as tools, not the Shipping Rates Response', () => {
			const names = new Set(nodeTypes.filter(ownNode).map((entry) => entry.name));
			expect(names).toContain(`${PACKAGE}.highLevelShippingTool`);
			expect(names).toContain(`${PACKAGE}.shippoTool`);
			expect(names).not.toContain(`${PACKAGE}.shippingRatesResponseTool`);
		});

		it("lists every credential type of the pack exactly once, by names and display names unlike n8n's", () => {
			for (const name of ownCredentialNames) {
				expect(credentialTypes.filter((entry) => entry.name === name)).toHaveLength(1);
			}
			const own = credentialTypes.filter((entry) => ownCredentialNames.includes(entry.name));
			// The pack's credentials are the ones its nodes use; every other type is n8n's own.
			for (const entry of own) {
				expect(entry.supportedNodes?.length).toBeGreaterThan(0);
				for (const node of entry.supportedNodes ?? []) expect(node.startsWith(`${PACKAGE}.`)).toBe(true);
			}
			const builtIn = credentialTypes.filter((entry) => !ownCredentialNames.includes(entry.name));
			expect(builtIn.map((entry) => entry.displayName)).toContain('HighLevel OAuth2 API');
			const builtInNames = new Set(builtIn.map((entry) => entry.name.toLowerCase()));
			const builtInDisplayNames = new Set(builtIn.map((entry) => entry.displayName));
			for (const entry of own) {
				expect(builtInNames.has(entry.name.toLowerCase())).toBe(false);
				expect(builtInDisplayNames.has(entry.displayName)).toBe(false);
			}
			// No credential of any package claims a pack node but under another type name.
			const claimingPackNodes = credentialTypes
				.filter((entry) => (entry.supportedNodes ?? []).some((node) => node.startsWith(`${PACKAGE}.`)))
				.map((entry) => entry.name);
			expect(claimingPackNodes.sort()).toEqual([...ownCredentialNames].sort());
		});
	});

	it('keeps n8n up', async () => {
		const response = await axios.get(`${stack.n8nUrl}/healthz`, { validateStatus: () => true });
		expect(response.status).toBe(200);
	});

	it('sent only requests that pass the HighLevel and Shippo specs', () => {
		expect(stack.standins.highlevel.violations).toEqual([]);
		expect(stack.standins.shippo.violations).toEqual([]);
	});
});
