import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import orderCreate from '../../fixtures/webhooks/OrderCreate.json';
import {
	BoundedIdSet,
	checkReplay,
	DEFAULT_GHL_ED25519_PUBLIC_KEY,
	LEGACY_GHL_RSA_PUBLIC_KEY,
	parseEd25519PublicKey,
	parseRsaPublicKey,
	signatureHeader,
	verifyEd25519,
	verifyHighLevelWebhook,
	verifyRsaSha256,
} from '../../../nodes/shared/signatures/highlevelWebhook';

const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const der = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });
/** The 32 raw bytes of an Ed25519 public key (the SPKI DER is a 12-byte prefix + the key). */
const rawEd = (key: KeyObject) => der(key).subarray(12);

const edPem = pem(ed.publicKey);
const rsaPem = pem(rsa.publicKey);

// Pretty-printed, as bytes on the wire: re-serialising the parsed JSON would not match.
const rawBody = Buffer.from(
	JSON.stringify({ ...orderCreate, timestamp: '2025-01-28T14:35:00.000Z', webhookId: 'wh-1' }, null, 2),
);
const edSig = (body: Buffer, key = ed.privateKey) => sign(null, body, key).toString('base64');
const rsaSig = (body: Buffer, key = rsa.privateKey) => sign('sha256', body, key).toString('base64');
const tampered = Buffer.from(rawBody.toString('utf8').replace('"amount": 150.1', '"amount": 1.1'));

describe('published keys', () => {
	it('loads the default HighLevel key as Ed25519 and the legacy key as RSA-4096', () => {
		const edKey = parseEd25519PublicKey(DEFAULT_GHL_ED25519_PUBLIC_KEY);
		expect('key' in edKey && edKey.key.asymmetricKeyType).toBe('ed25519');
		const rsaKey = parseRsaPublicKey(LEGACY_GHL_RSA_PUBLIC_KEY);
		expect('key' in rsaKey && rsaKey.key.asymmetricKeyDetails?.modulusLength).toBe(4096);
	});
});

describe('verifyEd25519', () => {
	const signature = edSig(rawBody);

	it.each([
		['PEM', edPem],
		['PEM with literal \\n (pasted on one line)', edPem.trim().replace(/\n/g, '\\n')],
		['raw base64 (32 bytes)', rawEd(ed.publicKey).toString('base64')],
		['raw hex (32 bytes)', rawEd(ed.publicKey).toString('hex')],
		['raw hex with 0x prefix', `0x${rawEd(ed.publicKey).toString('hex')}`],
		['SPKI DER base64', der(ed.publicKey).toString('base64')],
		['SPKI DER hex', der(ed.publicKey).toString('hex')],
	])('accepts a valid signature with the key as %s', (_format, key) => {
		expect(verifyEd25519(rawBody, signature, key)).toBe(true);
	});

	it('rejects a tampered body', () => {
		expect(verifyEd25519(tampered, signature, edPem)).toBe(false);
	});

	it('rejects a signature made with another key', () => {
		expect(verifyEd25519(rawBody, edSig(rawBody, otherEd.privateKey), edPem)).toBe(false);
	});

	it('rejects signatures that are not base64 Ed25519 signatures', () => {
		expect(verifyEd25519(rawBody, '', edPem)).toBe(false);
		expect(verifyEd25519(rawBody, 'N/A', edPem)).toBe(false);
		expect(verifyEd25519(rawBody, Buffer.alloc(10).toString('base64'), edPem)).toBe(false);
	});

	it('returns false for unreadable or non-Ed25519 keys', () => {
		expect(verifyEd25519(rawBody, signature, 'not a key')).toBe(false);
		expect(verifyEd25519(rawBody, signature, rsaPem)).toBe(false);
		expect(parseEd25519PublicKey('')).toEqual({ error: 'the Ed25519 public key is empty' });
		expect(parseEd25519PublicKey(rsaPem)).toEqual({ error: 'the Ed25519 public key is not an Ed25519 key' });
		expect(parseEd25519PublicKey('abcd')).toEqual({
			error: 'the Ed25519 public key must be PEM, or 32 raw bytes in base64 or hex',
		});
	});
});

describe('verifyRsaSha256', () => {
	it('accepts a valid signature (PEM or base64 DER key) and rejects tampering or another key', () => {
		const signature = rsaSig(rawBody);
		expect(verifyRsaSha256(rawBody, signature, rsaPem)).toBe(true);
		expect(verifyRsaSha256(rawBody, signature, der(rsa.publicKey).toString('base64'))).toBe(true);
		expect(verifyRsaSha256(tampered, signature, rsaPem)).toBe(false);
		expect(verifyRsaSha256(rawBody, rsaSig(rawBody, otherRsa.privateKey), rsaPem)).toBe(false);
		expect(verifyRsaSha256(rawBody, signature, edPem)).toBe(false);
	});
});

describe('signatureHeader', () => {
	it('reads headers case-insensitively and treats empty and N/A as missing', () => {
		expect(signatureHeader({ 'X-GHL-Signature': 'abc' }, 'x-ghl-signature')).toBe('abc');
		expect(signatureHeader({ 'x-ghl-signature': ['abc', 'def'] }, 'x-ghl-signature')).toBe('abc');
		expect(signatureHeader({ 'x-ghl-signature': 'N/A' }, 'x-ghl-signature')).toBeUndefined();
		expect(signatureHeader({ 'x-ghl-signature': ' n/a ' }, 'x-ghl-signature')).toBeUndefined();
		expect(signatureHeader({ 'x-ghl-signature': '' }, 'x-ghl-signature')).toBeUndefined();
		expect(signatureHeader({}, 'x-ghl-signature')).toBeUndefined();
	});
});

describe('verifyHighLevelWebhook', () => {
	const base = { rawBody, ed25519Key: edPem, rsaKey: rsaPem, acceptLegacy: true };

	it('accepts a valid Ed25519 signature', () => {
		expect(verifyHighLevelWebhook({ ...base, headers: { 'x-ghl-signature': edSig(rawBody) } })).toEqual({
			ok: true,
			scheme: 'ed25519',
			signedBody: 'raw',
		});
	});

	it('prefers Ed25519: an invalid x-ghl-signature fails even with a valid x-wh-signature', () => {
		const result = verifyHighLevelWebhook({
			...base,
			headers: { 'x-ghl-signature': edSig(rawBody, otherEd.privateKey), 'x-wh-signature': rsaSig(rawBody) },
		});
		expect(result).toEqual({ ok: false, reason: 'invalid x-ghl-signature signature' });
	});

	it('checks RSA only when the Ed25519 header is missing (N/A) and legacy is accepted', () => {
		const headers = { 'x-ghl-signature': 'N/A', 'x-wh-signature': rsaSig(rawBody) };
		expect(verifyHighLevelWebhook({ ...base, headers })).toEqual({ ok: true, scheme: 'rsa-sha256', signedBody: 'raw' });
		expect(verifyHighLevelWebhook({ ...base, headers, acceptLegacy: false })).toEqual({
			ok: false,
			reason: 'missing x-ghl-signature signature (legacy x-wh-signature is not accepted)',
		});
	});

	it('rejects an invalid legacy signature', () => {
		const headers = { 'x-wh-signature': rsaSig(rawBody, otherRsa.privateKey) };
		expect(verifyHighLevelWebhook({ ...base, headers })).toEqual({
			ok: false,
			reason: 'invalid x-wh-signature signature',
		});
	});

	it('treats N/A on both headers as missing', () => {
		const headers = { 'x-ghl-signature': 'N/A', 'x-wh-signature': 'N/A' };
		expect(verifyHighLevelWebhook({ ...base, headers })).toEqual({
			ok: false,
			reason: 'missing signature (x-ghl-signature or x-wh-signature)',
		});
		expect(verifyHighLevelWebhook({ ...base, headers, acceptLegacy: false })).toEqual({
			ok: false,
			reason: 'missing x-ghl-signature signature',
		});
	});

	it('reports an unreadable configured key', () => {
		expect(
			verifyHighLevelWebhook({ ...base, ed25519Key: 'garbage!', headers: { 'x-ghl-signature': edSig(rawBody) } }),
		).toEqual({ ok: false, reason: 'the Ed25519 public key must be PEM, or 32 raw bytes in base64 or hex' });
	});

	it('uses the published keys when none is configured (a locally signed body then fails)', () => {
		const result = verifyHighLevelWebhook({ rawBody, headers: { 'x-ghl-signature': edSig(rawBody) } });
		expect(result).toEqual({ ok: false, reason: 'invalid x-ghl-signature signature' });
	});
});

describe('verifyHighLevelWebhook over a re-serialised body (as HighLevel’s SDK checks it)', () => {
	const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
	const compact = Buffer.from(JSON.stringify(parsed));
	// The same JSON as a proxy might pass it on: other spaces and newlines, same keys and values.
	// (Line breaks occur only between tokens: JSON.stringify escapes them inside strings.)
	const reformatted = Buffer.from(`\n  ${JSON.stringify(parsed, null, '\t').replace(/\n/g, '\r\n  \n')}\r\n`);
	const base = { ed25519Key: edPem, rsaKey: rsaPem, acceptLegacy: true };
	const check = (raw: Buffer, parsedBody: unknown, headers: Record<string, string>) =>
		verifyHighLevelWebhook({ ...base, rawBody: raw, parsedBody, headers });

	it('accepts a signature over the raw body (checked first)', () => {
		expect(check(rawBody, parsed, { 'x-ghl-signature': edSig(rawBody) })).toEqual({
			ok: true,
			scheme: 'ed25519',
			signedBody: 'raw',
		});
	});

	it.each([
		['pretty-printed', rawBody],
		['re-formatted with tabs, spaces and newlines', reformatted],
	])('accepts a signature over JSON.stringify(parsed) when the raw body is %s (Ed25519 and RSA)', (_label, raw) => {
		expect(JSON.parse(raw.toString('utf8'))).toEqual(parsed);
		expect(check(raw, parsed, { 'x-ghl-signature': edSig(compact) })).toEqual({
			ok: true,
			scheme: 'ed25519',
			signedBody: 'reserialised',
		});
		expect(check(raw, parsed, { 'x-wh-signature': rsaSig(compact) })).toEqual({
			ok: true,
			scheme: 'rsa-sha256',
			signedBody: 'reserialised',
		});
	});

	it('does not try JSON.stringify without a parsed object (no parsed body, or a string)', () => {
		const headers = { 'x-ghl-signature': edSig(compact) };
		expect(check(rawBody, undefined, headers)).toEqual({ ok: false, reason: 'invalid x-ghl-signature signature' });
		expect(check(rawBody, rawBody.toString('utf8'), headers)).toEqual({
			ok: false,
			reason: 'invalid x-ghl-signature signature',
		});
	});

	it('rejects a tampered body (a changed value) both ways', () => {
		const changed: unknown = JSON.parse(tampered.toString('utf8'));
		expect(changed).not.toEqual(parsed);
		for (const signature of [edSig(rawBody), edSig(compact)]) {
			expect(check(tampered, changed, { 'x-ghl-signature': signature })).toEqual({
				ok: false,
				reason: 'invalid x-ghl-signature signature',
			});
		}
		for (const signature of [rsaSig(rawBody), rsaSig(compact)]) {
			expect(check(tampered, changed, { 'x-wh-signature': signature })).toEqual({
				ok: false,
				reason: 'invalid x-wh-signature signature',
			});
		}
	});

	it.each([
		['missing', {}, 'missing signature (x-ghl-signature or x-wh-signature)'],
		['empty', { 'x-ghl-signature': '' }, 'missing signature (x-ghl-signature or x-wh-signature)'],
		['not base64', { 'x-ghl-signature': 'not a signature!' }, 'invalid x-ghl-signature signature'],
		['base64 of the wrong length', { 'x-ghl-signature': Buffer.from('short').toString('base64') }, 'invalid x-ghl-signature signature'],
		['garbled legacy', { 'x-wh-signature': '%%%' }, 'invalid x-wh-signature signature'],
	])('fails a %s signature header with a reason naming it', (_label, headers, reason) => {
		expect(check(rawBody, parsed, headers as Record<string, string>)).toEqual({ ok: false, reason });
	});
});

describe('checkReplay', () => {
	const now = Date.parse('2025-01-28T14:35:00.000Z');
	const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();

	it('accepts a timestamp within 5 minutes either way, and a payload without timestamp', () => {
		expect(checkReplay({ timestamp: at(-299_000) }, { now })).toEqual({ ok: true });
		expect(checkReplay({ timestamp: at(299_000) }, { now })).toEqual({ ok: true });
		expect(checkReplay({}, { now })).toEqual({ ok: true });
		expect(checkReplay({ timestamp: Math.floor(now / 1000) - 60 }, { now })).toEqual({ ok: true });
	});

	it('rejects stale, future and unreadable timestamps', () => {
		expect(checkReplay({ timestamp: at(-301_000) }, { now })).toMatchObject({ ok: false, kind: 'stale' });
		expect(checkReplay({ timestamp: at(301_000) }, { now })).toMatchObject({ ok: false, kind: 'future' });
		expect(checkReplay({ timestamp: 'yesterday' }, { now })).toMatchObject({ ok: false, kind: 'invalid' });
		expect(checkReplay({ timestamp: at(-61_000) }, { now, maxAgeMs: 60_000 })).toMatchObject({ kind: 'stale' });
	});

	it('rejects a repeated webhookId, per scope, and does not record rejected payloads', () => {
		const seen = new BoundedIdSet(100);
		expect(checkReplay({ webhookId: 'a', timestamp: at(-400_000) }, { now, seen })).toMatchObject({
			kind: 'stale',
		});
		expect(checkReplay({ webhookId: 'a', timestamp: at(0) }, { now, seen })).toEqual({ ok: true });
		expect(checkReplay({ webhookId: 'a', timestamp: at(0) }, { now, seen })).toMatchObject({
			ok: false,
			kind: 'duplicate',
		});
		expect(checkReplay({ webhookId: 'a' }, { now, seen, scope: 'other:' })).toEqual({ ok: true });
		expect(checkReplay({ timestamp: at(0) }, { now, seen })).toEqual({ ok: true });
		expect(checkReplay({ timestamp: at(0) }, { now, seen })).toEqual({ ok: true });
	});
});

describe('BoundedIdSet', () => {
	it('forgets the oldest ids beyond its capacity', () => {
		const set = new BoundedIdSet(3);
		for (const id of ['a', 'b', 'c', 'd']) expect(set.add(id)).toBe(true);
		expect(set.size).toBe(3);
		expect(set.has('a')).toBe(false);
		expect(set.has('d')).toBe(true);
		expect(set.add('b')).toBe(false);
		expect(() => new BoundedIdSet(0)).toThrow(RangeError);
	});
});
