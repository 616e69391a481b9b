import { createHmac } from 'node:crypto';
import {
	signShippoWebhookPath,
	verifyShippoSignature,
	verifyShippoWebhookPath,
} from '../../../nodes/shared/signatures/shippoWebhook';
import { signLocation } from '../../../nodes/shared/signatures/callbackToken';

const SECRET = 'shippo-webhook-secret';
const body = Buffer.from('{"event":"track_updated","data":{"tracking_number":"SHIPPO_TRANSIT"}}');
const sign = (t: number, raw = body, secret = SECRET) =>
	`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${raw.toString('utf8')}`).digest('hex')}`;

describe('Shippo webhook URL token', () => {
	it('verifies for its path only, and differs from a live-rate token of the same text', () => {
		const token = signShippoWebhookPath(SECRET, '/webhook/abc/shippo');
		expect(verifyShippoWebhookPath(SECRET, '/webhook/abc/shippo', token)).toBe(true);
		expect(verifyShippoWebhookPath(SECRET, '/webhook/other/shippo', token)).toBe(false);
		expect(verifyShippoWebhookPath('other-secret', '/webhook/abc/shippo', token)).toBe(false);
		expect(token).not.toBe(signLocation(SECRET, '/webhook/abc/shippo'));
	});
});

describe('Shippo-Auth-Signature', () => {
	const now = 1_790_000_000;

	it('accepts a signature over the raw body within 5 minutes', () => {
		expect(verifyShippoSignature(body, sign(now - 299), SECRET, now)).toEqual({ ok: true });
	});

	it('rejects a tampered body, a wrong secret and an old timestamp, saying why', () => {
		const tampered = Buffer.from(body.toString().replace('TRANSIT', 'DELIVERED'));
		expect(verifyShippoSignature(tampered, sign(now), SECRET, now)).toEqual({
			ok: false,
			reason: expect.stringMatching(/does not match/),
		});
		expect(verifyShippoSignature(body, sign(now, body, 'wrong'), SECRET, now).ok).toBe(false);
		expect(verifyShippoSignature(body, sign(now - 301), SECRET, now)).toEqual({
			ok: false,
			reason: expect.stringMatching(/5-minute window/),
		});
	});

	it.each(['', 'v1=abc', 't=x,v1=00', `t=${1},v1=zz`])('rejects the malformed header %p', (header) => {
		expect(verifyShippoSignature(body, header, SECRET, now)).toEqual({
			ok: false,
			reason: expect.stringMatching(/malformed/),
		});
	});
});
