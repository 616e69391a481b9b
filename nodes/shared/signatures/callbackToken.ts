/**
 * Signed live-rate callback URLs, without a database.
 *
 * The callback URL registered with HighLevel carries the location id and an HMAC of it:
 *   <webhook url>?loc=<locationId>&t=<base64url(HMAC-SHA256(secret, "shipping-rates:v1:" + locationId))>
 * The trigger recomputes the HMAC on every call and compares in constant time, so a URL signed
 * for one location never validates for another, and no token needs storing anywhere.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const CALLBACK_PURPOSE = 'shipping-rates:v1';

/**
 * base64url HMAC-SHA256 of `<purpose>:<subject>` (43 characters): a URL token that proves the URL
 * was made by whoever holds `secret`, for one purpose and one subject (a location, a webhook path).
 */
export function signToken(secret: string, purpose: string, subject: string): string {
	if (!secret) throw new Error('signing secret is empty');
	return createHmac('sha256', secret).update(`${purpose}:${subject}`).digest('base64url');
}

/** Constant-time check of a presented token against the expected one. */
export function verifyToken(secret: string, purpose: string, subject: string, presented: string): boolean {
	if (!secret || !subject || !presented) return false;
	const expected = Buffer.from(signToken(secret, purpose, subject));
	const given = Buffer.from(presented);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The live-rate callback token of a location. */
export function signLocation(secret: string, locationId: string): string {
	return signToken(secret, CALLBACK_PURPOSE, locationId);
}

/** Constant-time check of a live-rate callback token for a location. */
export function verifyLocationToken(secret: string, locationId: string, presented: string): boolean {
	return verifyToken(secret, CALLBACK_PURPOSE, locationId, presented);
}

/**
 * Reads `loc` and `t` from a callback's query. HighLevel may append `/rates` to the registered
 * URL as plain text (".../rates?loc=L&t=TOKEN/rates"), which lands inside the last query value;
 * anything from the first "/" on is dropped.
 */
export function readCallbackQuery(query: Record<string, unknown>): { locationId: string; token: string } {
	const first = (value: unknown) => String((Array.isArray(value) ? value[0] : value) ?? '');
	return {
		locationId: first(query.loc).split('/')[0],
		token: first(query.t).split('/')[0],
	};
}

/** Builds the signed callback URL from the trigger's webhook URL. */
export function buildCallbackUrl(webhookUrl: string, secret: string, locationId: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set('loc', locationId);
	url.searchParams.set('t', signLocation(secret, locationId));
	return url.toString();
}

/** The URL without its query string, for matching a registered carrier to this trigger. */
export function withoutQuery(url: string): string {
	const index = url.indexOf('?');
	return (index === -1 ? url : url.slice(0, index)).replace(/\/+$/, '');
}

/**
 * The secret that signs callback URLs, from decrypted HighLevel credential data: the "Callback
 * Signing Secret", else the OAuth2 client secret, else the Private Integration Token ('' when none).
 */
export function signingSecretOf(credentials: Record<string, unknown>): string {
	return String(credentials.callbackSecret || credentials.clientSecret || credentials.token || '');
}
