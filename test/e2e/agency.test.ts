/**
 * End to end, agency mode, in a real n8n with the pack and the bundled workflows: one agency
 * credential (a Company token) serves every location the Marketplace app is installed on.
 * - An agency-level INSTALL (sent and signed by the HighLevel stand-in to order-sync.json) runs
 *   marketplace-install.json: the installed locations are listed, and each gets its own carrier
 *   with a callback URL signed for it and a carrier rate in every zone, sent with its own location
 *   token (POST /oauth/locationToken).
 * - A callback for location A carrying B's signature is refused; A's own is answered.
 * - UNINSTALL of one location cleans that location only.
 * - user-context.json decrypts a payload made with crypto-js, as HighLevel makes it, and refuses
 *   one made with another secret.
 * - product-sync.json turns the bundled sample catalog (served by the provider stand-in) into
 *   HighLevel products with one price per SKU, in location A with A's token; twice is the same.
 */
import axios from 'axios';
import CryptoJS from 'crypto-js';
import { sleep } from 'n8n-workflow';
import catalog from '../../samples/dropship-catalog.json';
import rateRequest from '../fixtures/highlevel-rate-request.json';
import orderSyncWorkflow from '../../workflows/order-sync.json';
import type { Stack } from './stack';
import { adaptToStack, setSetting, startStack, until, webhookIdOf } from './stack';

type Json = Record<string, unknown>;

jest.setTimeout(180000);

const COMPANY = 'agency-company-1';
const A = 'loc-store-a';
const B = 'loc-store-b';
const zones = [
	{ name: 'Domestic', countries: [{ code: 'US' }] },
	{ name: 'International', countries: [{ code: 'CA' }, { code: 'GB' }] },
];

describe('agency mode on a real n8n', () => {
	let stack: Stack;
	let eventsUrl: string;
	const hl = () => stack.standins.highlevel.url;

	async function standinSends(body: Json) {
		const response = await axios.post(`${hl()}/__standin/webhooks`, { url: eventsUrl, ...body });
		return response.data as { status: number; body: unknown };
	}

	async function location(id: string) {
		const response = await axios.get(`${hl()}/__standin/state`);
		return (response.data.locations[id] ?? { carriers: {}, rates: {}, zones: {} }) as {
			carriers: Record<string, Json>;
			rates: Record<string, Json>;
			zones: Record<string, Json>;
		};
	}

	const carriersOf = async (id: string) => Object.values((await location(id)).carriers);
	const carrierRatesOf = async (id: string) =>
		Object.values((await location(id)).rates).filter((rate) => rate.isCarrierRate === true);

	const rateCall = (url: string, locationId: string) =>
		axios.post(url, { rate: { ...(rateRequest as Json).rate as Json, altId: locationId } }, { validateStatus: () => true });

	beforeAll(async () => {
		stack = await startStack({
			agency: {
				companyId: COMPANY,
				locations: [
					{ _id: A, name: 'Store A', address: '1 Main St, Springfield' },
					{ _id: B, name: 'Store B', address: '2 High St, Shelbyville' },
				],
			},
			locationId: A,
			seed: { locations: { [A]: { zones }, [B]: { zones } } },
			activate: [
				'claim.json',
				'live-rates.json',
				'order-sync.json',
				'marketplace-install.json',
				'uninstall.json',
				'user-context.json',
				'fulfillment.json',
			],
			workflows: [
				'workflows/claim.json',
				'workflows/fulfillment.json',
				'workflows/live-rates.json',
				'workflows/order-sync.json',
				'workflows/marketplace-install.json',
				'workflows/uninstall.json',
				'workflows/user-context.json',
				'workflows/product-sync.json',
			],
			transformWorkflow: (definition: unknown, file: string, context: { n8nUrl: string }) => {
				const adapted = adaptToStack(definition, file, context) as { nodes: Json[] };
				if (file === 'live-rates.json') {
					// Carriers come from the install workflow, one per location.
					const trigger = adapted.nodes.find((n) => String(n.type).endsWith('.shippingRatesTrigger')) as Json;
					trigger.parameters = { ...(trigger.parameters as Json), registration: 'installWorkflow' };
				}
				// One Shippo account serves both locations: its webhooks stay when one uninstalls.
				if (file === 'uninstall.json') setSetting(adapted, 'deleteShippoWebhooks', false);
				if (file === 'product-sync.json') {
					setSetting(adapted, 'locationId', A);
					setSetting(adapted, 'storeId', 'store-a');
				}
				return adapted;
			},
		});
		eventsUrl = `${stack.n8nUrl}/webhook/${webhookIdOf(orderSyncWorkflow, '.highLevelShippingTrigger')}/events`;
	}, 600000);

	afterAll(async () => {
		if (stack) await stack.stop();
	}, 60000);

	it('an agency-level INSTALL gives every installed location its own signed carrier and a carrier rate per zone', async () => {
		const answer = await standinSends({ type: 'INSTALL', payload: { installType: 'Company', companyId: COMPANY } });
		expect(answer).toMatchObject({ status: 200, body: { received: true, event: 'INSTALL' } });
		for (const id of [A, B]) {
			await until(() => carrierRatesOf(id), (rates) => rates.length === zones.length, 120);
			const carriers = await carriersOf(id);
			expect(carriers).toHaveLength(1);
			const url = new URL(String(carriers[0].callbackUrl));
			expect(url.searchParams.get('loc')).toBe(id);
			expect(await carrierRatesOf(id)).toHaveLength(zones.length);
		}
		const [a] = await carriersOf(A);
		const [b] = await carriersOf(B);
		expect(new URL(String(a.callbackUrl)).searchParams.get('t')).not.toBe(new URL(String(b.callbackUrl)).searchParams.get('t'));
	});

	it("each location's writes went with that location's own token, exchanged from the agency token", async () => {
		const minted = (await axios.get(`${hl()}/__standin/oauth/location-tokens`)).data as Array<{ token: string; locationId: string }>;
		expect(new Set(minted.map((m) => m.locationId))).toEqual(new Set([A, B]));
		const locationOfToken = new Map(minted.map((m) => [m.token, m.locationId]));
		const writes = stack.standins.highlevel.requests.filter(
			(r) => (r.route ?? '').includes('/store/') && (r as Json).method !== 'GET',
		) as Array<Json & { headers: Json; body?: Json; query?: Json }>;
		expect(writes.length).toBeGreaterThanOrEqual(2 * (1 + zones.length));
		for (const write of writes) {
			const token = String(write.headers.authorization).replace(/^Bearer /, '');
			const altId = (write.body?.altId ?? write.query?.altId) as string;
			expect(locationOfToken.get(token)).toBe(altId);
		}
		expect(stack.standins.highlevel.violations).toEqual([]);
	});

	it("refuses a callback for A that carries B's signature, and answers A's own", async () => {
		const [a] = await carriersOf(A);
		const [b] = await carriersOf(B);
		const forged = new URL(String(a.callbackUrl));
		forged.searchParams.set('t', String(new URL(String(b.callbackUrl)).searchParams.get('t')));
		const refused = await rateCall(forged.toString(), A);
		expect(refused.status).toBe(401);
		const answered = await rateCall(String(a.callbackUrl), A);
		expect(answered.status).toBe(200);
		expect((answered.data as { rates: unknown[] }).rates.length).toBeGreaterThan(0);
	});

	it('INSTALL again changes nothing; UNINSTALL of B cleans B only', async () => {
		const before = stack.standins.highlevel.requests.length;
		await standinSends({ type: 'INSTALL', payload: { installType: 'Company', companyId: COMPANY } });
		await sleep(4000);
		const writes = stack.standins.highlevel.requests
			.slice(before)
			.filter((r) => (r.route ?? '').includes('/store/') && (r as Json).method !== 'GET');
		expect(writes).toEqual([]);

		const shippoHooks = async () =>
			((await axios.get(`${stack.standins.shippo.url}/webhooks`, { headers: { Authorization: 'ShippoToken shippo_test_demo' } })).data
				.results as Json[]).length;
		const hooksBefore = await shippoHooks();
		expect(hooksBefore).toBeGreaterThan(0);
		await standinSends({ type: 'UNINSTALL', payload: { locationId: B, companyId: COMPANY } });
		await until(() => carriersOf(B), (carriers) => carriers.length === 0, 120);
		expect(await shippoHooks()).toBe(hooksBefore);
		expect(await carriersOf(B)).toEqual([]);
		expect(await carrierRatesOf(B)).toEqual([]);
		expect(await carriersOf(A)).toHaveLength(1);
		expect(await carrierRatesOf(A)).toHaveLength(zones.length);
	});

	it('decrypts user context made with crypto-js as HighLevel does, and refuses another secret with 401', async () => {
		const url = `${stack.n8nUrl}/webhook/highlevel-user-context`;
		const user = { userId: 'u-1', companyId: COMPANY, role: 'admin', type: 'agency', activeLocation: A, userName: 'Ann Agent', email: 'ann@example.com' };
		const good = await axios.post(url, { encryptedData: CryptoJS.AES.encrypt(JSON.stringify(user), stack.sharedSecret).toString() });
		expect(good.data).toEqual({ userId: 'u-1', companyId: COMPANY, locationId: A, role: 'admin', type: 'agency', userName: 'Ann Agent', email: 'ann@example.com' });
		const bad = await axios.post(
			url,
			{ encryptedData: CryptoJS.AES.encrypt(JSON.stringify(user), 'not-the-shared-secret').toString() },
			{ validateStatus: () => true },
		);
		expect(bad.status).toBe(401);
		expect(JSON.stringify(bad.data)).toMatch(/Shared Secret/);
	});

	it("syncs the sample catalog into A's products, one price per SKU, in the store; a second run writes nothing", async () => {
		const products = catalog.products as Array<{ title: string; variants: Array<{ sku: string }> }>;
		const skus = products.flatMap((p) => p.variants.map((v) => v.sku)).sort();
		const productState = async () => {
			const state = (await axios.get(`${hl()}/__standin/state`)).data.locations[A] as {
				products: Record<string, Json>;
				prices: Record<string, Json>;
				storeProducts: Record<string, string[]>;
			};
			return state;
		};
		await stack.executeWorkflow('product-sync.json');
		const first = await productState();
		expect(Object.values(first.products).map((p) => p.name).sort()).toEqual(products.map((p) => p.title).sort());
		expect(Object.values(first.prices).map((p) => p.sku).sort()).toEqual(skus);
		expect([...(first.storeProducts['store-a'] ?? [])].sort()).toEqual(Object.keys(first.products).sort());
		expect((stack.standins as unknown as { provider: { requests: unknown[] } }).provider.requests.length).toBeGreaterThan(0);

		const before = stack.standins.highlevel.requests.length;
		await stack.executeWorkflow('product-sync.json');
		const second = await productState();
		expect(Object.keys(second.products).sort()).toEqual(Object.keys(first.products).sort());
		expect(Object.keys(second.prices).sort()).toEqual(Object.keys(first.prices).sort());
		const productWrites = stack.standins.highlevel.requests
			.slice(before)
			.filter((r) => (r.route ?? '').startsWith('POST /products') || (r.route ?? '').startsWith('PUT /products') || (r.route ?? '').startsWith('DELETE /products'))
			.filter((r) => !(r.route ?? '').startsWith('POST /products/store/'));
		expect(productWrites).toEqual([]);
	});

	it('n8n is up and every request passed the specs', async () => {
		expect((await axios.get(`${stack.n8nUrl}/healthz`)).status).toBe(200);
		expect(stack.standins.highlevel.violations).toEqual([]);
		expect(stack.standins.shippo.violations).toEqual([]);
	});
});
