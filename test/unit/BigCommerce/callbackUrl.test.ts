/** BigCommerce Shipping → Callback URL → Sign, and the URL signing it uses. */
import { NodeOperationError } from 'n8n-workflow';
import { CallbackUrlError, signBigCommerceUrls } from '../../../nodes/shared/bigCommerce/carriers';
import {
	readCallbackQuery,
	verifyLocationToken,
} from '../../../nodes/shared/signatures/callbackToken';
import type { BigCommerceStandin } from './standinContext';
import {
	CALLBACK_SECRET,
	STORE_HASH,
	runBigCommerce,
	runBigCommerceError,
	startBigCommerceStandin,
} from './standinContext';

let standin: BigCommerceStandin;

beforeAll(async () => {
	standin = await startBigCommerceStandin();
});
afterAll(async () => {
	await standin.close();
});

const PRODUCTION_URL = 'https://n8n.example.com/webhook/0b5c7d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e/rates';
const sign = (productionUrl: unknown) => ({
	resource: 'callbackUrl',
	operation: 'sign',
	productionUrl,
});

const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

test('signs the Quote URL and the Check Connection Options URL for the store, sending nothing', async () => {
	const run = await runBigCommerce(standin, { params: sign(PRODUCTION_URL) });
	const { quoteUrl, checkConnectionUrl, storeHash } = run.json[0] as Record<string, string>;
	expect(run.sent).toEqual([]);
	expect(storeHash).toBe(STORE_HASH);
	expect(quoteUrl.startsWith(`${PRODUCTION_URL}?loc=${STORE_HASH}&t=`)).toBe(true);
	expect(checkConnectionUrl).toBe(quoteUrl.replace('/rates?', '/check-connection?'));
	for (const url of [quoteUrl, checkConnectionUrl]) {
		const { locationId, token } = readCallbackQuery(queryOf(url));
		expect(locationId).toBe(STORE_HASH);
		expect(verifyLocationToken(CALLBACK_SECRET, STORE_HASH, token)).toBe(true);
		expect(verifyLocationToken('another-secret', STORE_HASH, token)).toBe(false);
		expect(verifyLocationToken(CALLBACK_SECRET, 'other-store', token)).toBe(false);
	}
});

test('an empty Callback Signing Secret names the credential field', async () => {
	const error = await runBigCommerceError(standin, {
		params: sign(PRODUCTION_URL),
		credentials: { callbackSecret: '' },
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(
		/^Callback Signing Secret is empty: set it on the BigCommerce credential \(callbackSecret\)/,
	);
});

test.each([
	['', /^Production URL: enter/],
	['not a url', /^Production URL: "not a url" is not a URL/],
	['ftp://n8n.example.com/webhook/x/rates', /is not an http\(s\) URL/],
	['https://n8n.example.com/webhook/x', /does not end in \/rates/],
])('Production URL %p is refused naming the field', async (url, message) => {
	const error = await runBigCommerceError(standin, { params: sign(url) });
	expect(error.message).toMatch(message);
});

test('signBigCommerceUrls keeps other query parameters and a trailing slash is tolerated', () => {
	const urls = signBigCommerceUrls('http://localhost:5678/webhook/abc/rates/?x=1', 's', 'store1');
	expect(urls.quoteUrl).toMatch(
		/^http:\/\/localhost:5678\/webhook\/abc\/rates\?x=1&loc=store1&t=[\w-]{43}$/,
	);
	expect(urls.checkConnectionUrl).toMatch(
		/^http:\/\/localhost:5678\/webhook\/abc\/check-connection\?x=1&loc=store1&t=/,
	);
	expect(() => signBigCommerceUrls(PRODUCTION_URL, '', 'store1')).toThrow(CallbackUrlError);
});
