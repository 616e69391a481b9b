/**
 * Signed live-rate callback URLs, without a database.
 *
 * The callback URL registered with HighLevel carries the location id and an HMAC of it:
 *   <webhook url>?loc=<locationId>&t=<base64url(HMAC-SHA256(secret, "shipping-rates:v1:" + locationId))>
 * The trigger recomputes the HMAC on every call and compares in constant time, so a URL signed
 * for one location never validates for another, and no token needs storing anywhere.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const CONTEXT = 'shipping-rates:v1:';

/** base64url HMAC-SHA256 of the location id (43 characters). */
export function signLocation(secret: string, locationId: string): string {
	if (!secret) throw new Error('callback signing secret is empty');
	return createHmac('sha256', secret).update(CONTEXT + locationId).digest('base64url');
}

/** Constant-time check of a presented token against the expected one. */
export function verifyLocationToken(secret: string, locationId: string, presented: string): boolean {
	if (!secret || !locationId || !presented) return false;
	const expected = Buffer.from(signLocation(secret, locationId));
	const given = Buffer.from(presented);
	return given.length === expected.length && timingSafeEqual(given, expected);
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
