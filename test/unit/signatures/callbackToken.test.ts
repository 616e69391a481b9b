import {
	buildCallbackUrl,
	readCallbackQuery,
	signLocation,
	verifyLocationToken,
	withoutQuery,
} from '../../../nodes/shared/signatures/callbackToken';

const secret = 'test-secret';
const location = 'loc_123';

describe('signLocation', () => {
	it('is base64url HMAC-SHA256 of "shipping-rates:v1:" + location id', () => {
		// printf 'shipping-rates:v1:loc_123' | openssl dgst -sha256 -hmac test-secret -binary | base64 | tr '+/' '-_' | tr -d '='
		expect(signLocation(secret, location)).toBe('qz1aG1A9hnPGGfZXpsLVjVdjV_bDwNLJ9LgwaeiakJs');
	});

	it('is 43 URL-safe characters and deterministic', () => {
		const token = signLocation('another secret', 'Ve9EPM428h8vShlRW1KT');
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(signLocation('another secret', 'Ve9EPM428h8vShlRW1KT')).toBe(token);
	});

	it('differs per location and per secret', () => {
		expect(signLocation(secret, 'A')).not.toBe(signLocation(secret, 'B'));
		expect(signLocation('s1', 'A')).not.toBe(signLocation('s2', 'A'));
	});

	it('refuses an empty secret', () => {
		expect(() => signLocation('', location)).toThrow('secret is empty');
	});
});

describe('verifyLocationToken', () => {
	const token = signLocation(secret, location);

	it('accepts the token it signed', () => {
		expect(verifyLocationToken(secret, location, token)).toBe(true);
	});

	it('rejects a token signed for another location', () => {
		expect(verifyLocationToken(secret, 'loc_B', signLocation(secret, 'loc_A'))).toBe(false);
		expect(verifyLocationToken(secret, 'loc_A', signLocation(secret, 'loc_A'))).toBe(true);
	});

	it('rejects a token made with another secret', () => {
		expect(verifyLocationToken('wrong-secret', location, token)).toBe(false);
	});

	it('rejects a tampered token of the same length', () => {
		for (const index of [0, 21, 42]) {
			const swapped = token[index] === 'A' ? 'B' : 'A';
			const tampered = token.slice(0, index) + swapped + token.slice(index + 1);
			expect(tampered).toHaveLength(token.length);
			expect(verifyLocationToken(secret, location, tampered)).toBe(false);
		}
		// the same length in characters but not in bytes must not throw either
		expect(verifyLocationToken(secret, location, 'é'.repeat(43))).toBe(false);
	});

	it('rejects tokens of another length without throwing', () => {
		for (const other of [token.slice(0, -1), token + 'A', token + '/rates', 'x', `${token}=`]) {
			expect(() => verifyLocationToken(secret, location, other)).not.toThrow();
			expect(verifyLocationToken(secret, location, other)).toBe(false);
		}
	});

	it('is false for empty inputs', () => {
		expect(verifyLocationToken('', location, token)).toBe(false);
		expect(verifyLocationToken(secret, '', token)).toBe(false);
		expect(verifyLocationToken(secret, location, '')).toBe(false);
		expect(verifyLocationToken('', '', '')).toBe(false);
	});
});

describe('readCallbackQuery', () => {
	it('reads loc and t', () => {
		expect(readCallbackQuery({ loc: 'L1', t: 'TOKEN' })).toEqual({
			locationId: 'L1',
			token: 'TOKEN',
		});
	});

	it('strips a "/rates" HighLevel appended to the last query value', () => {
		expect(readCallbackQuery({ loc: 'L1', t: 'TOKEN/rates' })).toEqual({
			locationId: 'L1',
			token: 'TOKEN',
		});
		expect(readCallbackQuery({ t: 'TOKEN', loc: 'L1/rates' })).toEqual({
			locationId: 'L1',
			token: 'TOKEN',
		});
		expect(readCallbackQuery({ loc: 'L1', t: 'TOKEN/rates/extra' }).token).toBe('TOKEN');
	});

	it('takes the first value of repeated parameters', () => {
		expect(readCallbackQuery({ loc: ['A', 'B'], t: ['T1/rates', 'T2'] })).toEqual({
			locationId: 'A',
			token: 'T1',
		});
	});

	it('returns empty strings for missing parameters', () => {
		expect(readCallbackQuery({})).toEqual({ locationId: '', token: '' });
		expect(readCallbackQuery({ loc: [], t: null })).toEqual({ locationId: '', token: '' });
	});
});

describe('buildCallbackUrl', () => {
	const webhookUrl = 'https://n8n.example.com/webhook/0f6c2f8e-1111-4c2b-9d55-abcdef012345/rates';

	it('keeps the path and adds loc and a verifying t', () => {
		const url = new URL(buildCallbackUrl(webhookUrl, secret, location));
		expect(url.origin + url.pathname).toBe(webhookUrl);
		expect(url.searchParams.get('loc')).toBe(location);
		expect(url.searchParams.get('t')).toBe(signLocation(secret, location));
		const { locationId, token } = readCallbackQuery(Object.fromEntries(url.searchParams));
		expect(verifyLocationToken(secret, locationId, token)).toBe(true);
		expect(verifyLocationToken(secret, 'other-location', token)).toBe(false);
	});

	it('keeps existing query parameters and replaces a stale loc/t', () => {
		const url = new URL(
			buildCallbackUrl(`${webhookUrl}?mode=test&loc=OLD&t=OLD`, secret, location),
		);
		expect(url.searchParams.get('mode')).toBe('test');
		expect(url.searchParams.getAll('loc')).toEqual([location]);
		expect(url.searchParams.getAll('t')).toEqual([signLocation(secret, location)]);
	});

	it('still verifies when HighLevel appends "/rates" to the registered URL', () => {
		const called = new URL(buildCallbackUrl(webhookUrl, secret, location) + '/rates');
		const { locationId, token } = readCallbackQuery(Object.fromEntries(called.searchParams));
		expect(locationId).toBe(location);
		expect(verifyLocationToken(secret, locationId, token)).toBe(true);
	});

	it('encodes location ids with special characters', () => {
		const url = new URL(buildCallbackUrl(webhookUrl, secret, 'a b&c'));
		expect(url.search).not.toContain('a b&c');
		expect(url.searchParams.get('loc')).toBe('a b&c');
		expect(verifyLocationToken(secret, 'a b&c', url.searchParams.get('t') ?? '')).toBe(true);
	});
});

describe('withoutQuery', () => {
	it.each([
		[
			'https://n8n.example.com/webhook/abc/rates?loc=L&t=T',
			'https://n8n.example.com/webhook/abc/rates',
		],
		['https://n8n.example.com/webhook/abc/?loc=L', 'https://n8n.example.com/webhook/abc'],
		['https://n8n.example.com/webhook/abc//', 'https://n8n.example.com/webhook/abc'],
		['https://n8n.example.com/webhook/abc', 'https://n8n.example.com/webhook/abc'],
	])('%s → %s', (url, expected) => {
		expect(withoutQuery(url)).toBe(expected);
	});

	it('matches a built callback URL to its webhook URL', () => {
		const webhookUrl = 'https://n8n.example.com/webhook/abc/rates';
		expect(withoutQuery(buildCallbackUrl(webhookUrl, secret, location))).toBe(webhookUrl);
	});
});
