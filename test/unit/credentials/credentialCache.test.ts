import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import {
	CREDENTIAL_CACHE_TTL_MS,
	clearCredentialCache,
	decryptedCredentialsOf,
	forgetCredentials,
	readCachedCredentials,
} from '../../../nodes/shared/credentials/credentialCache';
import type { CredentialReader } from '../../../nodes/shared/credentials/credentialCache';
import { ShippoApi } from '../../../credentials/ShippoApi.credentials';

function reader(workflowId: string, nodeName: string, credentialId: string | undefined, data: IDataObject = { token: 't1' }) {
	const getCredentials = jest.fn(async () => ({ ...data }));
	const ctx = {
		getNode: () => ({
			name: nodeName,
			credentials: credentialId ? { highLevelShippingShippoApi: { id: credentialId, name: 'Shippo' } } : undefined,
		}),
		getWorkflow: () => ({ id: workflowId }),
		getCredentials,
	} as unknown as CredentialReader;
	return { ctx, getCredentials };
}

beforeEach(() => clearCredentialCache());

describe('credential cache', () => {
	it('reads a node’s credential from n8n once within the time to live', async () => {
		const { ctx, getCredentials } = reader('wf', 'Shippo', 'cred-1');
		const now = 1_000_000;
		expect(await readCachedCredentials(ctx, 'highLevelShippingShippoApi', { now })).toEqual({ token: 't1' });
		expect(await readCachedCredentials(ctx, 'highLevelShippingShippoApi', { now: now + CREDENTIAL_CACHE_TTL_MS - 1 })).toEqual({ token: 't1' });
		expect(getCredentials).toHaveBeenCalledTimes(1);
		await readCachedCredentials(ctx, 'highLevelShippingShippoApi', { now: now + CREDENTIAL_CACHE_TTL_MS });
		expect(getCredentials).toHaveBeenCalledTimes(2);
	});

	it('reads again when the kept copy is older than maxAgeMs, and after forgetCredentials', async () => {
		const { ctx, getCredentials } = reader('wf', 'Shippo', 'cred-1');
		await readCachedCredentials(ctx, 'highLevelShippingShippoApi', { now: 0 });
		await readCachedCredentials(ctx, 'highLevelShippingShippoApi', { now: 4_999, maxAgeMs: 5_000 });
		expect(getCredentials).toHaveBeenCalledTimes(1);
		await readCachedCredentials(ctx, 'highLevelShippingShippoApi', { now: 5_000, maxAgeMs: 5_000 });
		expect(getCredentials).toHaveBeenCalledTimes(2);
		forgetCredentials(ctx, 'highLevelShippingShippoApi');
		await readCachedCredentials(ctx, 'highLevelShippingShippoApi', { now: 5_001 });
		expect(getCredentials).toHaveBeenCalledTimes(3);
	});

	it('never shares a kept credential between workflows or nodes', async () => {
		const a = reader('wf-a', 'Shippo', 'cred-1', { token: 'a' });
		const b = reader('wf-b', 'Shippo', 'cred-1', { token: 'b' });
		const c = reader('wf-a', 'Shippo 2', 'cred-1', { token: 'c' });
		expect(await readCachedCredentials(a.ctx, 'highLevelShippingShippoApi')).toEqual({ token: 'a' });
		expect(await readCachedCredentials(b.ctx, 'highLevelShippingShippoApi')).toEqual({ token: 'b' });
		expect(await readCachedCredentials(c.ctx, 'highLevelShippingShippoApi')).toEqual({ token: 'c' });
	});

	it('does not keep a failed read, nor a node without a credential id', async () => {
		const failing = reader('wf', 'Shippo', 'cred-1');
		failing.getCredentials.mockRejectedValueOnce(new Error('credential not found'));
		await expect(readCachedCredentials(failing.ctx, 'highLevelShippingShippoApi')).rejects.toThrow('credential not found');
		expect(await readCachedCredentials(failing.ctx, 'highLevelShippingShippoApi')).toEqual({ token: 't1' });
		const noId = reader('wf', 'Shippo', undefined);
		await readCachedCredentials(noId.ctx, 'highLevelShippingShippoApi');
		await readCachedCredentials(noId.ctx, 'highLevelShippingShippoApi');
		expect(noId.getCredentials).toHaveBeenCalledTimes(2);
	});

	it('hands n8n a copy of the data as credentialsDecrypted', () => {
		const { ctx } = reader('wf', 'Shippo', 'cred-1');
		const data = { token: 't1' };
		const decrypted = decryptedCredentialsOf(ctx, 'highLevelShippingShippoApi', data);
		expect(decrypted).toEqual({ id: 'cred-1', name: 'Shippo', type: 'highLevelShippingShippoApi', data: { token: 't1' } });
		expect(decrypted?.data).not.toBe(data);
	});
});

describe('Shippo API credential', () => {
	it('authenticates with Authorization: ShippoToken <token>, keeping other headers', async () => {
		const options = await new ShippoApi().authenticate(
			{ token: 'shippo_test_abc' },
			{ url: 'https://api.goshippo.com/shipments', headers: { Accept: 'application/json' } } as IHttpRequestOptions,
		);
		expect(options.headers).toEqual({ Accept: 'application/json', Authorization: 'ShippoToken shippo_test_abc' });
		expect(options.url).toBe('https://api.goshippo.com/shipments');
	});
});
