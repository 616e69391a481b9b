/**
 * End to end, on a real n8n with every bundled workflow imported and published as the demo does
 * (scripts/lib/stack.js, NODE_ENV=production): bad input sent to every webhook of workflows/*.json
 * — malformed JSON, a wrong content type, an empty body, a wrong signature or token — is answered
 * with a 4xx and a reason (or the documented 200 `{ignored}` of the Shippo Trigger for a body it
 * cannot use), never a 5xx, never with a `stacktrace` field or a file path, and n8n keeps answering.
 */
import axios from 'axios';
import rateRequestFixture from '../fixtures/highlevel-rate-request.json';
import lmsRateRequest from '../fixtures/launchmystore-rate-request.json';
import bcRateRequest from '../fixtures/bigcommerce-rate-request.json';
import type { Stack } from './stack';
import { SHIPPO_AUTH, adaptToStack, startStack } from './stack';

type Json = Record<string, unknown>;
interface WorkflowNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters?: Json;
}
interface Target {
	/** "<workflow file> → <node name>" */
	label: string;
	/** URLs of the webhook: with a valid token where the trigger needs one, and without. */
	urls: string[];
	/** A well-formed JSON body that the trigger must refuse for its signature or token. */
	forged: { url: string; body: Json; headers?: Record<string, string> };
}

const PACKAGE = 'n8n-nodes-highlevel-shipping';

/**
 * Every node that n8n serves over HTTP (a webhookId, or a Webhook node) in the workflows the stack
 * imported (all of workflows/*.json), with the workflow's file name and whether it is published.
 */
function webhookNodes(workflows: Stack['workflows']): Array<{ file: string; active: boolean; node: WorkflowNode }> {
	return workflows.flatMap(({ file, active, definition }) =>
		(definition.nodes as WorkflowNode[])
			.filter((node) => node.webhookId || node.type === 'n8n-nodes-base.webhook')
			.map((node) => ({ file: file.split(/[\\/]/).pop() ?? file, active, node })),
	);
}

/** A token of the same length that is not the token. */
const wrongToken = (token: string) => `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

/** Every `stacktrace` key anywhere in a parsed JSON body (paths to it). */
function stacktraceKeys(value: unknown, at = '$'): string[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => stacktraceKeys(v, `${at}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value as Json).flatMap(([key, v]) => [
		...(key.toLowerCase() === 'stacktrace' || key.toLowerCase() === 'stack' ? [`${at}.${key}`] : []),
		...stacktraceKeys(v, `${at}.${key}`),
	]);
}

const BAD_BODIES: Array<{ name: string; body: string; contentType: string }> = [
	{ name: 'malformed JSON', body: '{"type": "OrderCreate", "altId": ', contentType: 'application/json' },
	{ name: 'a wrong content type (text)', body: 'type=OrderCreate', contentType: 'text/plain' },
	{ name: 'a wrong content type (XML)', body: '<order><id>1</id></order>', contentType: 'application/xml' },
	{ name: 'an empty body', body: '', contentType: 'application/json' },
];

jest.setTimeout(180000);

describe('bad input to every webhook of the bundled workflows', () => {
	let stack: Stack;
	let targets: Target[];
	let nodes: ReturnType<typeof webhookNodes>;

	beforeAll(async () => {
		// As the demo: every workflow with a trigger other than a Manual Trigger is published.
		stack = await startStack({ transformWorkflow: adaptToStack });
		if (!stack.callbackUrl) throw new Error('the Shipping Rates Trigger registered no carrier');
		const shippoHooks = (await axios.get(`${stack.standins.shippo.url}/webhooks`, { headers: SHIPPO_AUTH })).data
			.results as Array<{ url: string }>;

		nodes = webhookNodes(stack.workflows);
		targets = nodes.map(({ file, node }) => {
			const label = `${file} → ${node.name}`;
			const base = `${stack.webhookUrl}/webhook`;
			switch (node.type) {
				case `${PACKAGE}.highLevelShippingTrigger`: {
					const url = `${base}/${node.webhookId}/events`;
					return {
						label,
						urls: [url],
						forged: {
							url,
							body: { type: 'OrderCreate', _id: 'forged', altId: stack.locationId, timestamp: new Date().toISOString() },
							headers: { 'x-ghl-signature': Buffer.alloc(64, 7).toString('base64'), 'x-wh-signature': 'forged' },
						},
					};
				}
				case `${PACKAGE}.shippoTrigger`: {
					const signed = shippoHooks.find((hook) => new URL(hook.url).pathname === `/webhook/${node.webhookId}/shippo`);
					if (!signed) throw new Error(`${label}: no Shippo webhook registered for it`);
					const wrong = new URL(signed.url);
					wrong.searchParams.set('t', wrongToken(wrong.searchParams.get('t') ?? ''));
					return {
						label,
						urls: [signed.url, `${base}/${node.webhookId}/shippo`],
						forged: { url: wrong.toString(), body: { event: 'transaction_created', test: true, data: { status: 'SUCCESS' } } },
					};
				}
				case `${PACKAGE}.shippingRatesTrigger`: {
					const platform = String(node.parameters?.platform ?? 'highLevel');
					if (platform === 'launchMyStore') {
						const url = `${base}/${node.webhookId}/rates`;
						// Signed as LaunchMyStore signs, but with another secret.
						return { label, urls: [url], forged: { url, body: lmsRateRequest as unknown as Json, headers: { 'x-lms-signature': 'ab'.repeat(32) } } };
					}
					if (platform === 'bigCommerce') {
						const urls = stack.bigCommerceUrls!;
						const wrong = new URL(urls.quoteUrl);
						wrong.searchParams.set('t', wrongToken(wrong.searchParams.get('t') ?? ''));
						return {
							label,
							urls: [urls.quoteUrl, urls.checkConnectionUrl, `${base}/${node.webhookId}/rates`, `${base}/${node.webhookId}/check-connection`],
							forged: { url: wrong.toString(), body: bcRateRequest as unknown as Json },
						};
					}
					const signed = new URL(stack.callbackUrl as string);
					const wrong = new URL(signed);
					wrong.searchParams.set('t', wrongToken(wrong.searchParams.get('t') ?? ''));
					const appended = new URL(signed);
					appended.pathname = `${appended.pathname}/rates`;
					return {
						label,
						urls: [signed.toString(), appended.toString(), `${base}/${node.webhookId}/rates`],
						forged: { url: wrong.toString(), body: rateRequestFixture as unknown as Json },
					};
				}
				case `${PACKAGE}.launchMyStoreTrigger`: {
					const url = `${base}/${node.webhookId}/events`;
					return {
						label,
						urls: [url],
						forged: {
							url,
							body: { id: 'ord_forged', line_items: [], shipping_lines: [{ source: 'acme-shipping' }] },
							headers: { 'x-lms-topic': 'orders/create', 'x-lms-hmac-sha256': Buffer.alloc(32, 7).toString('base64'), 'x-lms-triggered-at': new Date().toISOString() },
						},
					};
				}
				case 'n8n-nodes-base.webhook': {
					const url = `${base}/${String(node.parameters?.path ?? node.webhookId)}`;
					// Its "signature" is the payload encrypted with the app's shared secret.
					return { label, urls: [url], forged: { url, body: { encryptedData: 'U2FsdGVkX19mb3JnZWRmb3JnZWQ=' } } };
				}
				default:
					throw new Error(`${label}: webhook node type ${node.type} is not covered by this test; add it`);
			}
		});
	}, 600000);

	afterAll(async () => {
		if (stack) await stack.stop();
	}, 60000);

	async function send(url: string, body: string, headers: Record<string, string>) {
		const response = await axios.post(url, body, {
			headers,
			// The bytes as given: axios would otherwise turn a string that is not JSON into a JSON string.
			transformRequest: [(data: string) => data],
			validateStatus: () => true,
			transformResponse: (text: string) => text,
			timeout: 30000,
		});
		const text = String(response.data ?? '');
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// a text answer stays text
		}
		return { status: response.status, text, parsed };
	}

	/** 4xx, or the documented 200 {ignored}; no stack trace, no file path. */
	function expectHonestRefusal(answer: { status: number; text: string; parsed: unknown }, what: string) {
		const ignored =
			answer.status >= 200 && answer.status < 300 && typeof answer.parsed === 'object' && answer.parsed !== null && 'ignored' in answer.parsed;
		expect({ what, status: answer.status, refusedOrIgnored: (answer.status >= 400 && answer.status < 500) || ignored }).toEqual({
			what,
			status: answer.status,
			refusedOrIgnored: true,
		});
		expect({ what, stacktraceKeys: stacktraceKeys(answer.parsed) }).toEqual({ what, stacktraceKeys: [] });
		expect({ what, text: answer.text }).not.toEqual({ what, text: expect.stringMatching(/\/node_modules\/|\.js:|\.ts:|\bat [\w.<>]+ \(/) });
	}

	it('covers every webhook of workflows/*.json (HighLevel, LaunchMyStore, Shippo and Shipping Rates Triggers of every platform, Webhook), each published', () => {
		const types = nodes.map(({ node }) => node.type.replace(`${PACKAGE}.`, ''));
		expect(new Set(types)).toEqual(
			new Set(['highLevelShippingTrigger', 'launchMyStoreTrigger', 'shippoTrigger', 'shippingRatesTrigger', 'n8n-nodes-base.webhook']),
		);
		const platforms = nodes.filter(({ node }) => node.type.endsWith('.shippingRatesTrigger')).map(({ node }) => node.parameters?.platform ?? 'highLevel');
		expect(new Set(platforms)).toEqual(new Set(['highLevel', 'launchMyStore', 'bigCommerce']));
		expect(nodes.filter(({ active }) => !active).map(({ file }) => file)).toEqual([]);
		expect(targets).toHaveLength(types.length);
	});

	it.each(BAD_BODIES.map((bad) => [bad.name, bad] as const))('answers %s with a 4xx (or ignored) and no stack trace', async (_name, bad) => {
		for (const target of targets) {
			for (const url of target.urls) {
				const answer = await send(url, bad.body, { 'content-type': bad.contentType });
				expectHonestRefusal(answer, `${bad.name} → ${target.label} (${new URL(url).pathname}${new URL(url).search ? '?…' : ''})`);
			}
		}
	});

	it('answers a well-formed body with a wrong signature or token with 401 and a reason', async () => {
		for (const target of targets) {
			const { url, body, headers } = target.forged;
			const answer = await send(url, JSON.stringify(body), { 'content-type': 'application/json', ...(headers ?? {}) });
			expectHonestRefusal(answer, `wrong signature → ${target.label}`);
			expect({ label: target.label, status: answer.status }).toEqual({ label: target.label, status: 401 });
			expect(answer.text).toMatch(/signature|token|error/i);
		}
	});

	it('still answers afterwards: health, and a valid rate request with rates', async () => {
		expect((await axios.get(`${stack.n8nUrl}/healthz`)).status).toBe(200);
		const body = JSON.parse(JSON.stringify(rateRequestFixture)) as { rate: Json };
		body.rate.altId = stack.locationId;
		const answer = await send(stack.callbackUrl as string, JSON.stringify(body), { 'content-type': 'application/json' });
		expect(answer.status).toBe(200);
		expect((answer.parsed as { rates?: unknown[] }).rates?.length).toBeGreaterThan(0);
		expect(stack.standins.highlevel.violations).toEqual([]);
		expect(stack.standins.shippo.violations).toEqual([]);
		expect(stack.standins.launchmystore.violations).toEqual([]);
		expect(stack.standins.bigcommerce.violations).toEqual([]);
	});
});
