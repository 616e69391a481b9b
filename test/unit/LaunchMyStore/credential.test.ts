/**
 * The LaunchMyStore credential: Access Token or OAuth2 Refresh Token (preAuthentication with an
 * expirable access token, rotated refresh token returned for n8n to store).
 */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { LaunchMyStoreApi } from '../../../credentials/LaunchMyStoreApi.credentials';
import {
	clearLaunchMyStoreRefreshCache,
	LMS_MODE_REFRESH,
	REFRESH_RESULT_REUSE_MS,
	refreshLaunchMyStoreToken,
} from '../../../nodes/shared/launchMyStore/oauth';
import { httpError } from './fakeLaunchMyStore';

const credential = new LaunchMyStoreApi();

const oauth = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	authentication: LMS_MODE_REFRESH,
	clientId: 'lms_app_demo',
	refreshToken: 'refresh-1',
	clientSecret: 'secret-1',
	baseUrl: 'https://api.lms.test/',
	appHandle: 'acme-shipping',
	oauthAccessToken: '',
	...extra,
});

/** A token endpoint that rotates: each call returns access-N / refresh-N+1. */
function tokenEndpoint(answer?: (call: number, request: IHttpRequestOptions) => unknown) {
	const requests: IHttpRequestOptions[] = [];
	const httpRequest = jest.fn(async (request: IHttpRequestOptions) => {
		requests.push(request);
		const call = requests.length;
		if (answer) return answer(call, request);
		return {
			status: 200,
			state: 'success',
			data: { access_token: `access-${call}`, refresh_token: `refresh-${call + 1}`, token_type: 'Bearer', expires_in: 86400, scope: 'read_orders' },
		};
	});
	const helper = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
	return { helper, requests, httpRequest };
}

const preAuthenticate = async (helper: IHttpRequestHelper, data: ICredentialDataDecryptedObject) =>
	await credential.preAuthentication.call(helper, data);

beforeEach(() => clearLaunchMyStoreRefreshCache());

describe('LaunchMyStore credential', () => {
	it('keeps its type name and fields; the expirable token is the only hidden expirable field', () => {
		expect(credential.name).toBe('highLevelShippingLaunchMyStoreApi');
		const names = credential.properties.map((p) => p.name);
		for (const name of ['authentication', 'accessToken', 'clientId', 'refreshToken', 'clientSecret', 'appHandle', 'serviceCodePrefix', 'baseUrl']) {
			expect(names).toContain(name);
		}
		const expirable = credential.properties.filter((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		expect(expirable.map((p) => p.name)).toEqual(['oauthAccessToken']);
		expect(credential.properties.find((p) => p.name === 'authentication')?.default).toBe('accessToken');
		expect(credential.test.request).toEqual({ baseURL: '={{ $credentials.baseUrl }}', url: '/api/v1/shop.json' });
	});

	it('exchanges the refresh token (POST {baseUrl}/apps/oauth/token, JSON) and returns the access token and the rotated refresh token', async () => {
		const { helper, requests } = tokenEndpoint();
		const stored = await preAuthenticate(helper, oauth());
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'POST',
			url: 'https://api.lms.test/apps/oauth/token',
			json: true,
			body: { grant_type: 'refresh_token', client_id: 'lms_app_demo', client_secret: 'secret-1', refresh_token: 'refresh-1' },
		});
		expect(stored).toEqual({ oauthAccessToken: 'access-1', refreshToken: 'refresh-2' });
	});

	it('accepts the tokens at the top level, and keeps the refresh token when none comes back', async () => {
		const top = tokenEndpoint(() => ({ access_token: 'top-access', refresh_token: 'top-refresh' }));
		expect(await preAuthenticate(top.helper, oauth())).toEqual({ oauthAccessToken: 'top-access', refreshToken: 'top-refresh' });
		clearLaunchMyStoreRefreshCache();
		const noRotation = tokenEndpoint(() => ({ data: { access_token: 'only-access' } }));
		expect(await preAuthenticate(noRotation.helper, oauth())).toEqual({ oauthAccessToken: 'only-access', refreshToken: 'refresh-1' });
	});

	it('rotates on every refresh: the next refresh presents the stored (rotated) token', async () => {
		const { helper, requests } = tokenEndpoint();
		const first = await preAuthenticate(helper, oauth());
		const second = await preAuthenticate(helper, oauth({ ...first } as ICredentialDataDecryptedObject));
		expect(requests.map((r) => (r.body as { refresh_token: string }).refresh_token)).toEqual(['refresh-1', 'refresh-2']);
		expect(second).toEqual({ oauthAccessToken: 'access-2', refreshToken: 'refresh-3' });
	});

	it('shares one exchange between concurrent refreshes with the same refresh token, within the reuse time only', async () => {
		let clock = 1_000_000;
		const now = () => clock;
		const { helper, requests } = tokenEndpoint();
		const [a, b] = await Promise.all([
			refreshLaunchMyStoreToken(helper.helpers, oauth(), now),
			refreshLaunchMyStoreToken(helper.helpers, oauth(), now),
		]);
		expect(requests).toHaveLength(1);
		expect(a).toEqual(b);
		clock += REFRESH_RESULT_REUSE_MS + 1;
		await refreshLaunchMyStoreToken(helper.helpers, oauth(), now);
		expect(requests).toHaveLength(2);
	});

	it.each([
		['Client ID', { clientId: ' ' }],
		['Refresh Token', { refreshToken: '' }],
		['Client Secret', { clientSecret: '' }],
	])('names the empty field (%s) and sends nothing', async (field, extra) => {
		const { helper, requests } = tokenEndpoint();
		await expect(preAuthenticate(helper, oauth(extra))).rejects.toThrow(
			`${field} is required on the LaunchMyStore credential to obtain an access token`,
		);
		expect(requests).toHaveLength(0);
	});

	it("reports LaunchMyStore's refusal with its message and status, and does not keep the failure", async () => {
		const { helper, requests } = tokenEndpoint((call) => {
			if (call === 1) throw httpError(401, { status: 401, state: 'error', message: 'Token has been revoked' });
			return { data: { access_token: 'later', refresh_token: 'r' } };
		});
		await expect(preAuthenticate(helper, oauth())).rejects.toThrow(
			/HTTP 401\): Token has been revoked\. If it was already used, revoked or is older than 30 days, paste a new Refresh Token/,
		);
		expect(await preAuthenticate(helper, oauth())).toEqual({ oauthAccessToken: 'later', refreshToken: 'r' });
		expect(requests).toHaveLength(2);
	});

	it('reports an answer without an access token', async () => {
		const { helper } = tokenEndpoint(() => ({ status: 400, state: 'error', message: 'Invalid request' }));
		await expect(preAuthenticate(helper, oauth())).rejects.toThrow(
			'LaunchMyStore returned no access_token from POST /apps/oauth/token: Invalid request',
		);
	});

	it('with Access Token renews nothing (returns no expirable field, sends nothing)', async () => {
		const { helper, requests } = tokenEndpoint();
		expect(await preAuthenticate(helper, { accessToken: 'pasted', clientSecret: 's' })).toEqual({});
		expect(await preAuthenticate(helper, { authentication: 'accessToken', accessToken: 'pasted' })).toEqual({});
		expect(requests).toHaveLength(0);
	});

	it('authenticates with the pasted token, or with the obtained one for OAuth2 Refresh Token', async () => {
		const request = { url: 'https://api.lms.test/api/v1/shop.json', headers: { Accept: 'application/json' } };
		expect((await credential.authenticate({ accessToken: 'pasted' }, request)).headers).toEqual({
			Accept: 'application/json',
			Authorization: 'Bearer pasted',
		});
		const obtained = await credential.authenticate(oauth({ oauthAccessToken: 'access-9', accessToken: 'stale' }), request);
		expect(obtained.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer access-9' });
	});
});
