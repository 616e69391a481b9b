/**
 * The BigCommerce API credential (credentials/BigCommerceApi.credentials.ts): its fields, the
 * headers it adds (X-Auth-Token, Accept) and its test request (GET {baseUrl}/stores/{storeHash}/v2/store).
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { BigCommerceApi } from '../../../credentials/BigCommerceApi.credentials';

const credential = new BigCommerceApi();
const field = (name: string) => credential.properties.find((p) => p.name === name);

describe('BigCommerce API credential', () => {
	it('is the pack type highLevelShippingBigCommerceApi, shown as "BigCommerce API" with themed icons', () => {
		expect(credential.name).toBe('highLevelShippingBigCommerceApi');
		expect(credential.displayName).toBe('BigCommerce API');
		expect(credential.icon).toEqual({ light: 'file:../icons/bigcommerce.svg', dark: 'file:../icons/bigcommerce.dark.svg' });
		expect(credential.documentationUrl).toMatch(/^https:\/\/developer\.bigcommerce\.com\//);
	});

	it('has exactly the fields storeHash, accessToken, baseUrl, callbackSecret and headerSecret', () => {
		expect(credential.properties.map((p) => p.name)).toEqual(['storeHash', 'accessToken', 'baseUrl', 'callbackSecret', 'headerSecret']);
		expect(field('storeHash')).toMatchObject({ type: 'string', required: true, default: '' });
		expect(field('accessToken')).toMatchObject({ type: 'string', required: true, typeOptions: { password: true } });
		expect(field('baseUrl')).toMatchObject({ type: 'string', default: 'https://api.bigcommerce.com' });
		expect(field('callbackSecret')).toMatchObject({ displayName: 'Callback Signing Secret', typeOptions: { password: true } });
		expect(field('callbackSecret')?.required).toBeFalsy();
		expect(field('headerSecret')).toMatchObject({ typeOptions: { password: true }, default: '' });
		expect(field('headerSecret')?.required).toBeFalsy();
		expect(field('headerSecret')?.description).toMatch(/X-Shipping-Secret/);
	});

	it('sends the access token as X-Auth-Token and asks for JSON, keeping the request and its headers', async () => {
		const request: IHttpRequestOptions = { url: 'https://api.bigcommerce.com/stores/abc/v2/store', method: 'GET', headers: { 'X-Extra': '1' } };
		const authenticated = await credential.authenticate(
			{ storeHash: 'abc', accessToken: 'bc-token', baseUrl: 'https://api.bigcommerce.com', callbackSecret: 's' },
			request,
		);
		expect(authenticated).toEqual({
			url: 'https://api.bigcommerce.com/stores/abc/v2/store',
			method: 'GET',
			headers: { 'X-Extra': '1', 'X-Auth-Token': 'bc-token', Accept: 'application/json' },
		});
		// The caller's request is left as it was.
		expect(request.headers).toEqual({ 'X-Extra': '1' });
	});

	it('tests the credential with GET {baseUrl}/stores/{storeHash}/v2/store', () => {
		expect(credential.test.request).toEqual({
			baseURL: '={{ $credentials.baseUrl }}/stores/{{ $credentials.storeHash }}',
			url: '/v2/store',
		});
	});
});
