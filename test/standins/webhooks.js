'use strict';
/**
 * Webhooks the stand-ins send, shaped and signed the way the real services send them.
 *
 * - HighLevel: one JSON body per event, signed with Ed25519 over the exact bytes sent, base64 in
 *   `x-ghl-signature` (GoHighLevel/highlevel-api-docs docs/oauth/WebhookAuthentication.md). The real
 *   service signs with its published key; the stand-in makes its own key pair at start (or takes
 *   one), and publishes the public key (PEM) at `GET /__standin/webhook-key`, so a HighLevel
 *   Trigger configured with it accepts the stand-in's webhooks and nothing else.
 * - Shippo: `{event, test, data}` posted to every active webhook registered for the event (or for
 *   `all`), as `webhooks:` of test/standins/specs/shippo/public-api.yaml describes; no signature (the
 *   URL carries the token the trigger checks).
 */
const crypto = require('node:crypto');
const { call } = require('./http-client');

const DELIVERY_TIMEOUT_MS = 15000;

/** Posts a raw JSON body; never throws (a refused connection is status 0 with the reason). */
async function deliver(url, raw, headers = {}) {
	try {
		const response = await call(url, 'POST', '', { raw, headers, timeoutMs: DELIVERY_TIMEOUT_MS });
		return { status: response.status, body: response.json !== undefined ? response.json : response.text };
	} catch (error) {
		return { status: 0, body: { error: error.message } };
	}
}

/**
 * @param {{ keyPair?: { privateKey: crypto.KeyObject, publicKey: crypto.KeyObject } }} [opts]
 */
function createHighLevelWebhookSender(opts = {}) {
	const keys = opts.keyPair || crypto.generateKeyPairSync('ed25519');
	const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const sign = (raw) => crypto.sign(null, Buffer.from(raw), keys.privateKey).toString('base64');
	return {
		publicKeyPem,
		sign,
		/** The exact bytes and signature of one webhook, without sending it (for replay tests). */
		prepare(payload) {
			const sent = { webhookId: crypto.randomUUID(), timestamp: new Date().toISOString(), ...payload };
			const raw = JSON.stringify(sent);
			return { raw, signature: sign(raw), sent };
		},
		/**
		 * Sends one webhook: `webhookId` and `timestamp` are added unless the payload has them.
		 * @returns {Promise<{ status: number, body: unknown, sent: object }>}
		 */
		async send(url, payload) {
			const { raw, sent } = this.prepare(payload);
			const answer = await deliver(url, raw, { 'content-type': 'application/json', 'x-ghl-signature': sign(raw) });
			return { ...answer, sent };
		},
	};
}

/**
 * Shippo's outgoing webhooks over the stand-in's state (`state.webhooks`, `state.deliveries`).
 * `emit` is fire and forget, as Shippo's are; every attempt is recorded in `state.deliveries`
 * (`{event, url, status, body, payload, at}`), newest last.
 */
function createShippoWebhookEmitter(st) {
	async function post(event, url, payload) {
		const raw = JSON.stringify(payload);
		const answer = await deliver(url, raw, { 'content-type': 'application/json' });
		const record = { event, url, payload, status: answer.status, body: answer.body, at: new Date().toISOString() };
		st().deliveries.push(record);
		return record;
	}
	return {
		/** Posts `{event, test, data}` to every active webhook of the event; resolves when all answered. */
		emit(event, data) {
			const hooks = Object.values(st().webhooks).filter(
				(hook) => hook.active !== false && (hook.event === event || hook.event === 'all'),
			);
			const test = data && data.test !== undefined ? Boolean(data.test) : true;
			return Promise.all(hooks.map((hook) => post(event, hook.url, { event, test, data })));
		},
		/** Sends a recorded delivery again, as Shippo's retries do (index default: the last). */
		redeliver(index) {
			const deliveries = st().deliveries;
			const at = index === undefined ? deliveries.length - 1 : Number(index);
			const original = deliveries[at];
			if (!original) return undefined;
			return post(original.event, original.url, original.payload);
		},
	};
}

module.exports = { createHighLevelWebhookSender, createShippoWebhookEmitter, deliver };
