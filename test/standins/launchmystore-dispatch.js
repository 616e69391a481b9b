'use strict';
/**
 * What LaunchMyStore sends to an app, as the LaunchMyStore stand-in sends it (launchmystore.js):
 *
 * - Live-rate quote (https://docs.launchmystore.io/extensions/live-rate-providers): POST of a
 *   Carrier-Service-shaped JSON body, `X-LMS-Signature: hex(HMAC-SHA256(rawBody, clientSecret))`,
 *   `X-LMS-Request-Id`; `timeoutMs` per attempt (default 5,000, at most 9,000); 5xx answers and
 *   network errors are retried 3 times after 250, 500 and 1,000 ms (a timeout is not retried: the
 *   checkout cannot wait). LaunchMyStore falls back to the merchant's zones ("fellBack") on a
 *   timeout, a non-2xx answer (after the retries for 5xx), malformed JSON, or an answer without a
 *   `rates` list or with an empty one. Every 2xx answer is checked against `QuoteResponse` of
 *   specs/launchmystore/openapi.yaml; what it rejects (and malformed JSON) is recorded as a
 *   violation of the provider's answer. The documented 10-minute quote cache is NOT reproduced:
 *   every call reaches the provider, so tests see each quote.
 * - Webhooks (https://docs.launchmystore.io/api-reference/webhooks/verification, …/overview): POST
 *   of the JSON body with `X-LMS-Topic`, `X-LMS-Shop-Domain`, `X-LMS-API-Version`,
 *   `X-LMS-Webhook-Id`, `X-LMS-Delivery-Attempt`, `X-LMS-Triggered-At`, and the signature as
 *   `X-LMS-Hmac-SHA256` (base64, verification page) and/or `X-LMS-Signature` (hex, live-rate page).
 *   The documented retries (after 1, 5 and 15 minutes) are not waited for: a test redelivers by
 *   sending the same `webhookId` again.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'launchmystore-rate-request.json');
const USER_AGENT = 'LaunchMyStore-Dispatcher/1.0 (stand-in)';
const QUOTE_TIMEOUT_DEFAULT_MS = 5000;
const QUOTE_TIMEOUT_MAX_MS = 9000;
const RETRY_DELAYS_MS = [250, 500, 1000];
const WEBHOOK_TIMEOUT_MS = 10000;
const API_VERSION = '2024-01';
const SIGNATURE_MODES = new Set(['hex', 'base64', 'both', 'none', 'wrong']);

/** An error the control endpoint answers with its `status` (400 bad input, 404 unknown order). */
class DispatchError extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

const hmac = (raw, secret) => crypto.createHmac('sha256', secret).update(raw, 'utf8').digest();

/**
 * One POST with an overall deadline. Never throws: `{status, headers, text}` for an HTTP answer,
 * `{error: 'timeout' | 'network', message}` otherwise.
 */
function postOnce(url, raw, headers, timeoutMs) {
	return new Promise((resolve) => {
		let done = false;
		let timer;
		const finish = (value) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			resolve(value);
		};
		let req;
		try {
			const target = new URL(url);
			const mod = target.protocol === 'https:' ? https : http;
			req = mod.request(
				target,
				{
					method: 'POST',
					agent: false,
					headers: { ...headers, 'content-length': Buffer.byteLength(raw) },
				},
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (chunk) => (text += chunk));
					res.on('end', () => finish({ status: res.statusCode, headers: res.headers, text }));
					res.on('error', (e) => finish({ error: 'network', message: e.message }));
				},
			);
		} catch (e) {
			finish({ error: 'network', message: e.message });
			return;
		}
		timer = setTimeout(() => {
			finish({ error: 'timeout', message: `no answer within ${timeoutMs} ms` });
			req.destroy();
		}, timeoutMs);
		req.on('error', (e) => finish({ error: 'network', message: e.message }));
		req.end(raw);
	});
}

const parseJson = (text) => {
	try {
		return { ok: true, value: text === '' ? undefined : JSON.parse(text) };
	} catch {
		return { ok: false };
	}
};

/**
 * @param {object} o
 * @param {() => {domainSlug: string, domain: string, name: string}} o.shop the stand-in's shop
 * @param {() => string} o.clientSecret the app's client secret
 * @param {(id: string) => object | undefined} o.orderView an order as the API answers it
 * @param {(data: unknown) => string[]} o.checkAnswer QuoteResponse errors of a provider's answer
 * @param {(v: object) => void} o.recordViolation records a violation of a provider's answer
 * @param {(ms: number) => Promise<void>} o.delay waits (cancelled when the server closes)
 * @param {(record: object) => void} o.recordDelivery keeps what was sent and heard back
 */
function createLaunchMyStoreDispatcher(o) {
	const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

	/** The fixture's quote request for the stand-in's shop, with a fresh request id. */
	function defaultQuoteBody() {
		const shop = o.shop();
		return {
			...JSON.parse(JSON.stringify(fixture)),
			shop: { domainSlug: shop.domainSlug, name: shop.name, url: shop.domain },
			request_id: crypto.randomUUID(),
		};
	}

	function signatureMode(value, fallback) {
		const mode = value === undefined ? fallback : value;
		if (!SIGNATURE_MODES.has(mode)) {
			throw new DispatchError(400, `signature must be one of ${[...SIGNATURE_MODES].join(', ')}`);
		}
		return mode;
	}

	function requireUrl(url) {
		if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
			throw new DispatchError(400, 'url (http or https) is required');
		}
		return url;
	}

	/**
	 * Sends one quote request like LaunchMyStore's dispatcher.
	 * @param {{ url: string, body?: object | string, timeoutMs?: number, requestId?: string,
	 *   signature?: 'hex' | 'none' | 'wrong' }} opts `body` default: the fixture for the stand-in's
	 *   shop; a string body is sent as is
	 * @returns {Promise<{ status: number, headers: object, body: unknown, attempts: number,
	 *   durationMs: number, fellBack: boolean, reason?: string, requestId: string,
	 *   violations: string[] }>} `status` 0 when no HTTP answer came
	 */
	async function quote(opts = {}) {
		const url = requireUrl(opts.url);
		const mode = signatureMode(opts.signature, 'hex');
		if (mode === 'base64' || mode === 'both') {
			throw new DispatchError(400, 'quote requests are signed in hex only (signature: hex, none or wrong)');
		}
		const asked = Number(opts.timeoutMs);
		const timeoutMs = Math.min(QUOTE_TIMEOUT_MAX_MS, asked > 0 ? asked : QUOTE_TIMEOUT_DEFAULT_MS);
		const body = opts.body !== undefined ? opts.body : defaultQuoteBody();
		const raw = typeof body === 'string' ? body : JSON.stringify(body);
		const requestId =
			opts.requestId ||
			(body && typeof body === 'object' && typeof body.request_id === 'string' && body.request_id) ||
			crypto.randomUUID();
		const headers = {
			'content-type': 'application/json',
			'user-agent': USER_AGENT,
			'x-lms-request-id': requestId,
		};
		if (mode === 'hex') headers['x-lms-signature'] = hmac(raw, o.clientSecret()).toString('hex');
		if (mode === 'wrong') headers['x-lms-signature'] = hmac(raw, `${o.clientSecret()}-wrong`).toString('hex');

		const started = Date.now();
		let attempts = 0;
		let last;
		for (;;) {
			attempts += 1;
			last = await postOnce(url, raw, headers, timeoutMs);
			const retryable = last.error === 'network' || (last.status !== undefined && last.status >= 500);
			if (!retryable || attempts > RETRY_DELAYS_MS.length) break;
			await o.delay(RETRY_DELAYS_MS[attempts - 1]);
		}
		const result = {
			status: last.status || 0,
			headers: last.headers || {},
			body: undefined,
			attempts,
			durationMs: Date.now() - started,
			fellBack: false,
			requestId,
			violations: [],
		};
		const fallBack = (reason) => Object.assign(result, { fellBack: true, reason });
		if (last.error === 'timeout') fallBack(`timeout: ${last.message}`);
		else if (last.error === 'network') fallBack(`network error after ${attempts} attempts: ${last.message}`);
		else {
			const parsed = parseJson(last.text);
			result.body = parsed.ok ? parsed.value : last.text;
			if (last.status >= 500) fallBack(`status ${last.status} after ${attempts} attempts`);
			else if (last.status < 200 || last.status >= 300) fallBack(`status ${last.status}`);
			else if (!parsed.ok) {
				fallBack('malformed JSON');
				result.violations = ['(root) is not valid JSON'];
			} else {
				result.violations = o.checkAnswer(parsed.value);
				const rates = parsed.value && parsed.value.rates;
				if (!Array.isArray(rates)) fallBack('the answer has no rates array');
				else if (rates.length === 0) fallBack('the answer has an empty rates list');
			}
		}
		if (result.violations.length) {
			o.recordViolation({ method: 'POST', path: url, kind: 'quote-answer', requestId, errors: result.violations });
		}
		o.recordDelivery({ kind: 'quote', url, requestId, headers, raw, at: new Date(started).toISOString(), result });
		return result;
	}

	/**
	 * Delivers one webhook like LaunchMyStore.
	 * @param {{ url: string, topic: string, payload?: unknown, orderId?: string,
	 *   signature?: 'hex' | 'base64' | 'both' | 'none' | 'wrong', webhookId?: string,
	 *   triggeredAt?: string, attempt?: number, timeoutMs?: number }} opts for `orders/*` topics
	 *   with `orderId` the body is that order (404 if unknown); else `payload` (default `{}`)
	 * @returns {Promise<{ status: number, body: unknown, durationMs: number, webhookId: string }>}
	 *   `status` 0 when the receiver did not answer
	 */
	async function webhook(opts = {}) {
		const url = requireUrl(opts.url);
		if (typeof opts.topic !== 'string' || !opts.topic.includes('/')) {
			throw new DispatchError(400, 'topic (e.g. orders/create) is required');
		}
		const mode = signatureMode(opts.signature, 'base64');
		let payload = opts.payload !== undefined ? opts.payload : {};
		if (opts.orderId !== undefined && opts.topic.startsWith('orders/')) {
			payload = o.orderView(String(opts.orderId));
			if (!payload) throw new DispatchError(404, `Order ${opts.orderId} not found`);
		}
		const raw = JSON.stringify(payload);
		const webhookId = opts.webhookId || crypto.randomUUID();
		const headers = {
			'content-type': 'application/json',
			'user-agent': USER_AGENT,
			'x-lms-topic': opts.topic,
			'x-lms-shop-domain': o.shop().domain,
			'x-lms-api-version': API_VERSION,
			'x-lms-webhook-id': webhookId,
			'x-lms-delivery-attempt': String(Number(opts.attempt) || 1),
			'x-lms-triggered-at': opts.triggeredAt || new Date().toISOString(),
		};
		const digest = hmac(raw, mode === 'wrong' ? `${o.clientSecret()}-wrong` : o.clientSecret());
		if (mode === 'base64' || mode === 'both' || mode === 'wrong') headers['x-lms-hmac-sha256'] = digest.toString('base64');
		if (mode === 'hex' || mode === 'both') headers['x-lms-signature'] = digest.toString('hex');

		const started = Date.now();
		const answer = await postOnce(url, raw, headers, Number(opts.timeoutMs) > 0 ? Number(opts.timeoutMs) : WEBHOOK_TIMEOUT_MS);
		let body;
		if (answer.error) body = { error: answer.message };
		else {
			const parsed = parseJson(answer.text);
			body = parsed.ok ? parsed.value : answer.text;
		}
		const result = { status: answer.status || 0, body, durationMs: Date.now() - started, webhookId };
		o.recordDelivery({ kind: 'webhook', url, topic: opts.topic, webhookId, headers, raw, at: new Date(started).toISOString(), result });
		return result;
	}

	return { quote, webhook, defaultQuoteBody };
}

module.exports = { createLaunchMyStoreDispatcher, DispatchError, RETRY_DELAYS_MS };
