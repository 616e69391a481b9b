/**
 * Authenticity of Shippo webhooks (docs/reference/carriers.md §3, "Webhook security").
 *
 * 1. URL token, always: the webhook URL registered with Shippo carries
 *    `?t=<base64url HMAC-SHA256(secret, "shippo-webhook:v1:" + webhook path)>`; Shippo echoes the
 *    URL on every POST, and the trigger recomputes the token (no token is stored).
 * 2. HMAC header, when Shippo sends one (enabled by Shippo support per account):
 *    `Shippo-Auth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`,
 *    accepted within 5 minutes of `t`. The header format comes from independent implementations,
 *    not Shippo's own docs, so it is checked only when present.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signToken, verifyToken } from './callbackToken';

const URL_PURPOSE = 'shippo-webhook:v1';
export const SHIPPO_SIGNATURE_HEADER = 'shippo-auth-signature';
export const SHIPPO_SIGNATURE_MAX_AGE_S = 300;

/** URL token for a webhook path (e.g. "/webhook/<id>/shippo"). */
export function signShippoWebhookPath(secret: string, path: string): string {
	return signToken(secret, URL_PURPOSE, path);
}

export function verifyShippoWebhookPath(secret: string, path: string, presented: string): boolean {
	return verifyToken(secret, URL_PURPOSE, path, presented);
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Checks `Shippo-Auth-Signature` over the raw body; `nowSeconds` is injectable for tests. */
export function verifyShippoSignature(
	rawBody: Buffer,
	header: string,
	secret: string,
	nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
	const parts = new Map(
		String(header)
			.split(',')
			.map((part) => part.trim().split('=') as [string, string])
			.filter((pair) => pair.length === 2),
	);
	const timestamp = Number(parts.get('t'));
	const given = parts.get('v1') ?? '';
	if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/i.test(given)) {
		return { ok: false, reason: 'malformed Shippo-Auth-Signature header (expected t=<unix>,v1=<hex>)' };
	}
	if (Math.abs(nowSeconds - timestamp) > SHIPPO_SIGNATURE_MAX_AGE_S) {
		return { ok: false, reason: 'Shippo-Auth-Signature timestamp is outside the 5-minute window' };
	}
	const expected = createHmac('sha256', secret)
		.update(`${timestamp}.`)
		.update(rawBody)
		.digest();
	const presented = Buffer.from(given, 'hex');
	if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
		return { ok: false, reason: 'Shippo-Auth-Signature does not match the body' };
	}
	return { ok: true };
}
