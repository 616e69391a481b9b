/**
 * Authenticity and replay checks for HighLevel webhooks (no n8n imports).
 *
 * Two signing schemes, both checked over the raw request bytes first and, when that fails, over
 * `JSON.stringify` of the parsed body (see verifyHighLevelWebhook for why):
 *  - current: `x-ghl-signature`, Ed25519, base64 signature; key published in the marketplace
 *    Webhook Integration Guide (PEM, raw base64 or hex encodings are accepted, like the official SDK);
 *  - legacy: `x-wh-signature`, RSA-SHA256 (PKCS#1 v1.5), base64 signature; key in
 *    docs/oauth/WebhookAuthentication.md. HighLevel is sunsetting it in 2026.
 * Some configurations send the literal signature "N/A": it counts as missing.
 *
 * Replay (docs/oauth/WebhookAuthentication.md §3): the payload `timestamp` must be within an
 * acceptable window (5 minutes) and a `webhookId` must not be accepted twice.
 *
 * Signatures are checked with `crypto.verify` (no byte comparison of our own); dedupe keys are
 * looked up in a Set, so no secret-dependent comparison is made here.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Ed25519 key HighLevel publishes for `x-ghl-signature` (highlevel.md §5.3 b). */
export const DEFAULT_GHL_ED25519_PUBLIC_KEY = [
	'-----BEGIN PUBLIC KEY-----',
	'MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=',
	'-----END PUBLIC KEY-----',
].join('\n');

/** RSA-4096 key of the legacy `x-wh-signature` (docs/oauth/WebhookAuthentication.md). */
export const LEGACY_GHL_RSA_PUBLIC_KEY = [
	'-----BEGIN PUBLIC KEY-----',
	'MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC',
	'Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6',
	'dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB',
	'csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv',
	'uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF',
	'3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU',
	'J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp',
	'IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN',
	'h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC',
	'HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ',
	'PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk',
	'T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==',
	'-----END PUBLIC KEY-----',
].join('\n');

export const ED25519_SIGNATURE_HEADER = 'x-ghl-signature';
export const RSA_SIGNATURE_HEADER = 'x-wh-signature';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; followed by the 32 raw key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A public key, or why it could not be read (the message never contains the key). */
export type KeyResult = { key: KeyObject } | { error: string };

/** PEM pasted into a one-line field often carries literal "\\n" sequences; restores them. */
function normalisePem(text: string): string {
	return text.replace(/\\n/g, '\n').replace(/\r\n/g, '\n').trim();
}

function readKey(source: string | { der: Buffer }, kind: string): KeyResult {
	try {
		const key =
			typeof source === 'string'
				? createPublicKey(normalisePem(source))
				: createPublicKey({ key: source.der, format: 'der', type: 'spki' });
		return { key };
	} catch {
		return { error: `the ${kind} public key is not a valid key` };
	}
}

/**
 * Reads an Ed25519 public key given as PEM, as base64 or hex of the 32 raw key bytes, or as
 * base64 or hex of the DER SubjectPublicKeyInfo.
 */
export function parseEd25519PublicKey(publicKey: string): KeyResult {
	const text = String(publicKey ?? '').trim();
	if (!text) return { error: 'the Ed25519 public key is empty' };
	let result: KeyResult;
	if (text.includes('-----BEGIN')) {
		result = readKey(text, 'Ed25519');
	} else {
		const compact = text.replace(/\s+/g, '').replace(/^0x/i, '');
		const bytes =
			/^[0-9a-fA-F]+$/.test(compact) && compact.length % 2 === 0
				? Buffer.from(compact, 'hex')
				: Buffer.from(compact, 'base64');
		if (bytes.length === 32) result = readKey({ der: Buffer.concat([ED25519_SPKI_PREFIX, bytes]) }, 'Ed25519');
		else if (bytes.length === 44) result = readKey({ der: bytes }, 'Ed25519');
		else return { error: 'the Ed25519 public key must be PEM, or 32 raw bytes in base64 or hex' };
	}
	if ('key' in result && result.key.asymmetricKeyType !== 'ed25519') {
		return { error: 'the Ed25519 public key is not an Ed25519 key' };
	}
	return result;
}

/** Reads an RSA public key given as PEM, or as base64 of the DER SubjectPublicKeyInfo. */
export function parseRsaPublicKey(pemKey: string): KeyResult {
	const text = String(pemKey ?? '').trim();
	if (!text) return { error: 'the RSA public key is empty' };
	const result = text.includes('-----BEGIN')
		? readKey(text, 'RSA')
		: readKey({ der: Buffer.from(text.replace(/\s+/g, ''), 'base64') }, 'RSA');
	if ('key' in result && result.key.asymmetricKeyType !== 'rsa') {
		return { error: 'the RSA public key is not an RSA key' };
	}
	return result;
}

function signatureBytes(signatureB64: string): Buffer | undefined {
	const text = String(signatureB64 ?? '').trim();
	if (!text || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
	const bytes = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
	return bytes.length > 0 ? bytes : undefined;
}

/** Whether `signatureB64` is a valid Ed25519 signature of `rawBody` (false for an unreadable key). */
export function verifyEd25519(rawBody: Buffer, signatureB64: string, publicKey: string | KeyObject): boolean {
	const parsed = typeof publicKey === 'string' ? parseEd25519PublicKey(publicKey) : { key: publicKey };
	const signature = signatureBytes(signatureB64);
	if (!('key' in parsed) || !signature || signature.length !== 64) return false;
	const key = parsed.key;
	try {
		return verify(null, rawBody, key, signature);
	} catch {
		return false;
	}
}

/** Whether `signatureB64` is a valid RSA-SHA256 signature of `rawBody` (false for an unreadable key). */
export function verifyRsaSha256(rawBody: Buffer, signatureB64: string, pemKey: string | KeyObject): boolean {
	const parsed = typeof pemKey === 'string' ? parseRsaPublicKey(pemKey) : { key: pemKey };
	const signature = signatureBytes(signatureB64);
	if (!('key' in parsed) || !signature) return false;
	const key = parsed.key;
	try {
		return verify('sha256', rawBody, key, signature);
	} catch {
		return false;
	}
}

export type HeaderBag = Record<string, string | string[] | undefined>;

/** A header's value (case-insensitive name); empty and the literal "N/A" count as missing. */
export function signatureHeader(headers: HeaderBag, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, raw] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== wanted) continue;
		const value = String((Array.isArray(raw) ? raw[0] : raw) ?? '').trim();
		if (!value || value.toUpperCase() === 'N/A') return undefined;
		return value;
	}
	return undefined;
}

export type SignatureScheme = 'ed25519' | 'rsa-sha256';
/** Which bytes the signature matched: the raw body, or `JSON.stringify` of the parsed body. */
export type SignedBody = 'raw' | 'reserialised';
export type VerifyResult =
	| { ok: true; scheme: SignatureScheme; signedBody: SignedBody }
	| { ok: false; reason: string };

export interface VerifyHighLevelWebhookInput {
	/** The request body as received (n8n's `req.rawBody`). */
	rawBody: Buffer;
	/**
	 * The body as the host parsed it (n8n's `req.body`). When a plain object or array, its
	 * `JSON.stringify` is checked after the raw bytes fail; anything else (string, Buffer, undefined)
	 * is not.
	 */
	parsedBody?: unknown;
	headers: HeaderBag;
	/** Ed25519 key (PEM, raw base64 or hex); default: the published HighLevel key. */
	ed25519Key?: string;
	/** RSA key (PEM) of the legacy scheme; default: the documented HighLevel key. */
	rsaKey?: string;
	/** Whether a legacy `x-wh-signature` is accepted when no `x-ghl-signature` is sent. */
	acceptLegacy?: boolean;
}

/**
 * `JSON.stringify(parsedBody)` as bytes when it can be a second reading of the signed body: the
 * parsed body is a plain object or array and its compact form differs from the raw bytes.
 * Comparing with `equals` is safe here: both sides are the request itself, no secret.
 */
function reserialisedBody(rawBody: Buffer, parsedBody: unknown): Buffer | undefined {
	if (parsedBody === null || typeof parsedBody !== 'object' || Buffer.isBuffer(parsedBody)) return undefined;
	let text: string | undefined;
	try {
		text = JSON.stringify(parsedBody);
	} catch {
		return undefined;
	}
	if (text === undefined) return undefined;
	const bytes = Buffer.from(text, 'utf8');
	return bytes.equals(rawBody) ? undefined : bytes;
}

/**
 * Checks a webhook's signature; `{ok: true, scheme, signedBody}` or `{ok: false, reason}` (the
 * reason names the header: missing, invalid, or an unreadable configured key). Ed25519
 * (`x-ghl-signature`, base64) is preferred: when that header is present, only it is checked. RSA
 * (`x-wh-signature`, base64 RSA-SHA256) is checked only when the Ed25519 header is missing and
 * legacy signatures are accepted.
 *
 * Which bytes: the raw body first (what HighLevel sent). If the signature does not match them, it
 * is checked once more over `JSON.stringify(parsedBody)`, as HighLevel's own SDK does:
 * `@gohighlevel/api-client` (https://github.com/GoHighLevel/highlevel-api-sdk,
 * https://www.npmjs.com/package/@gohighlevel/api-client), `lib/webhook/webhook-manager` — verifies
 * over `req.rawBody` when the host kept it, else `JSON.stringify(req.body)` (docs/reference/highlevel.md
 * §5.3; an earlier release always used `JSON.stringify(req.body)`). So the compact re-serialisation
 * is a form HighLevel's signature is meant to hold for. A proxy or host that re-formats the JSON
 * (spaces, newlines) before n8n sees it changes the raw bytes but not that form; without this second
 * check such a delivery would be refused with 401 and its order lost.
 *
 * It weakens nothing: the second check still needs HighLevel's signature over exactly those bytes,
 * and they are the body the trigger goes on to use, so a changed value fails both checks. Both are
 * `crypto.verify` calls (no byte comparison of a secret); the second one runs only after the first
 * failed, which reveals nothing secret.
 */
export function verifyHighLevelWebhook(input: VerifyHighLevelWebhookInput): VerifyResult {
	const { rawBody, headers } = input;
	const ed25519Signature = signatureHeader(headers, ED25519_SIGNATURE_HEADER);
	const rsaSignature = signatureHeader(headers, RSA_SIGNATURE_HEADER);
	// The re-serialised body is made only when the raw bytes did not match (the usual case matches).
	const signedBody = (check: (body: Buffer) => boolean): SignedBody | undefined => {
		if (check(rawBody)) return 'raw';
		const reserialised = reserialisedBody(rawBody, input.parsedBody);
		return reserialised && check(reserialised) ? 'reserialised' : undefined;
	};
	if (ed25519Signature) {
		const parsed = parseEd25519PublicKey(
			input.ed25519Key?.trim() ? input.ed25519Key : DEFAULT_GHL_ED25519_PUBLIC_KEY,
		);
		if (!('key' in parsed)) return { ok: false, reason: parsed.error };
		const matched = signedBody((body) => verifyEd25519(body, ed25519Signature, parsed.key));
		return matched
			? { ok: true, scheme: 'ed25519', signedBody: matched }
			: { ok: false, reason: `invalid ${ED25519_SIGNATURE_HEADER} signature` };
	}
	if (rsaSignature) {
		if (!input.acceptLegacy) {
			return {
				ok: false,
				reason: `missing ${ED25519_SIGNATURE_HEADER} signature (legacy ${RSA_SIGNATURE_HEADER} is not accepted)`,
			};
		}
		const parsed = parseRsaPublicKey(input.rsaKey?.trim() ? input.rsaKey : LEGACY_GHL_RSA_PUBLIC_KEY);
		if (!('key' in parsed)) return { ok: false, reason: parsed.error };
		const matched = signedBody((body) => verifyRsaSha256(body, rsaSignature, parsed.key));
		return matched
			? { ok: true, scheme: 'rsa-sha256', signedBody: matched }
			: { ok: false, reason: `invalid ${RSA_SIGNATURE_HEADER} signature` };
	}
	return {
		ok: false,
		reason: input.acceptLegacy
			? `missing signature (${ED25519_SIGNATURE_HEADER} or ${RSA_SIGNATURE_HEADER})`
			: `missing ${ED25519_SIGNATURE_HEADER} signature`,
	};
}

/**
 * A set of ids that remembers at most `capacity` entries, forgetting the oldest first.
 * In memory of one process: a restart, or a second main/webhook process, starts empty.
 */
export class BoundedIdSet {
	private readonly ids = new Set<string>();

	constructor(readonly capacity = 10_000) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
	}

	has(id: string): boolean {
		return this.ids.has(id);
	}

	/** Adds the id; returns false when it was already present. */
	add(id: string): boolean {
		if (this.ids.has(id)) return false;
		this.ids.add(id);
		while (this.ids.size > this.capacity) {
			const oldest = this.ids.values().next().value as string;
			this.ids.delete(oldest);
		}
		return true;
	}

	delete(id: string): boolean {
		return this.ids.delete(id);
	}

	clear(): void {
		this.ids.clear();
	}

	get size(): number {
		return this.ids.size;
	}
}

export type ReplayResult =
	| { ok: true }
	| { ok: false; reason: string; kind: 'stale' | 'future' | 'invalid' | 'duplicate' };

export interface ReplayOptions {
	/** Current time in ms; default Date.now(). */
	now?: number;
	/** Largest accepted distance of `timestamp` from now, in ms (both directions); default 5 minutes. */
	maxAgeMs?: number;
	/** Ids already accepted; the `webhookId` is added when the payload passes. */
	seen?: BoundedIdSet;
	/** Prefix of the dedupe key, to keep ids of different receivers apart. */
	scope?: string;
}

/**
 * Rejects a payload whose `timestamp` is more than `maxAgeMs` old or ahead, or whose
 * `webhookId` was already accepted. A payload without `timestamp` passes the time check (not all
 * events are documented with one); one with an unparseable `timestamp` does not. A payload
 * without `webhookId` cannot be deduplicated and passes that check.
 */
export function checkReplay(payload: unknown, options: ReplayOptions = {}): ReplayResult {
	const now = options.now ?? Date.now();
	const maxAgeMs = options.maxAgeMs ?? 300_000;
	const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};

	const rawTimestamp = body.timestamp;
	if (rawTimestamp !== undefined && rawTimestamp !== null && rawTimestamp !== '') {
		const at =
			typeof rawTimestamp === 'number'
				? rawTimestamp < 1e12
					? rawTimestamp * 1000
					: rawTimestamp
				: Date.parse(String(rawTimestamp));
		if (!Number.isFinite(at)) return { ok: false, kind: 'invalid', reason: 'unreadable timestamp' };
		if (now - at > maxAgeMs) return { ok: false, kind: 'stale', reason: 'timestamp is too old' };
		if (at - now > maxAgeMs) return { ok: false, kind: 'future', reason: 'timestamp is in the future' };
	}

	const webhookId = body.webhookId;
	if (options.seen && webhookId !== undefined && webhookId !== null && String(webhookId) !== '') {
		const key = `${options.scope ?? ''}${String(webhookId)}`;
		if (!options.seen.add(key)) {
			return { ok: false, kind: 'duplicate', reason: 'webhookId already received' };
		}
	}
	return { ok: true };
}
