/**
 * Authenticity of LaunchMyStore's requests to an app: quote requests and webhooks are signed with
 * the app's client secret over the raw body bytes.
 *
 * - `X-LMS-Signature: <hex(HMAC-SHA256(rawBody, clientSecret))>` (live rate providers §2 and §3;
 *   webhooks per the live-rate page);
 * - `X-LMS-Hmac-SHA256: <base64(HMAC-SHA256(rawBody, clientSecret))>` (webhooks, per the webhook
 *   verification page). The pages disagree, so webhooks accept either; quote requests use the first.
 *
 * Comparisons are constant-time over the decoded digests (32 bytes).
 * Source: LaunchMyStore developer documentation, "Live Rate Providers" and "Webhooks → Verifying".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const LMS_SIGNATURE_HEADER = 'x-lms-signature';
export const LMS_HMAC_HEADER = 'x-lms-hmac-sha256';

export type LaunchMyStoreSignatureCheck = { ok: true } | { ok: false; reason: string };

const digestOf = (rawBody: Buffer, secret: string) => createHmac('sha256', secret).update(rawBody).digest();

function matches(expected: Buffer, presented: Buffer): boolean {
	return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * Checks a request signed by LaunchMyStore. `headers` are lower-case names; `allowBase64` also
 * accepts `X-LMS-Hmac-SHA256` (webhooks). Never throws for bad input.
 */
export function verifyLaunchMyStoreSignature(
	rawBody: Buffer,
	headers: Record<string, string | string[] | undefined>,
	secret: string,
	{ allowBase64 = false }: { allowBase64?: boolean } = {},
): LaunchMyStoreSignatureCheck {
	if (!secret) return { ok: false, reason: 'the LaunchMyStore client secret is empty' };
	const first = (value: string | string[] | undefined) => String((Array.isArray(value) ? value[0] : value) ?? '').trim();
	const hex = first(headers[LMS_SIGNATURE_HEADER]);
	const base64 = allowBase64 ? first(headers[LMS_HMAC_HEADER]) : '';
	if (!hex && !base64) {
		return {
			ok: false,
			reason: `missing signature (${allowBase64 ? 'X-LMS-Signature or X-LMS-Hmac-SHA256' : 'X-LMS-Signature'})`,
		};
	}
	const expected = digestOf(rawBody, secret);
	if (hex && /^[0-9a-fA-F]{64}$/.test(hex) && matches(expected, Buffer.from(hex, 'hex'))) return { ok: true };
	if (base64 && matches(expected, Buffer.from(base64, 'base64'))) return { ok: true };
	return { ok: false, reason: `invalid ${hex ? 'X-LMS-Signature' : 'X-LMS-Hmac-SHA256'} signature` };
}
