'use strict';
/**
 * Generic HTTP stand-in server shared by the HighLevel and Shippo stand-ins: reads and parses the
 * request, routes and validates it against the service's OpenAPI spec (openapi.js), records it
 * (bounded), applies latency and faults, then calls the service's handler. Control endpoints live
 * under /__standin/ (no validation, no auth):
 *   GET /__standin/requests | /violations | /state,  POST|DELETE /__standin/faults,
 *   POST /__standin/latency {ms},  POST /__standin/reset
 *
 * A service is an object { name, validator, authenticate(ctx), invalid(ctx, errors),
 * notFound(ctx, pathKnown), faultBody(status), faultHeaders?(status), handle(ctx), state,
 * resetState() } (see highlevel.js and shippo.js).
 */
const http = require('node:http');

const FAULT_MODES = new Set(['latency', 'hang', 'status', 'malformed']);
const MAX_BODY = 5 * 1024 * 1024;

function parseQuery(searchParams) {
	const q = {};
	for (const [k, v] of searchParams) {
		if (k in q) q[k] = [].concat(q[k], v);
		else q[k] = v;
	}
	return q;
}

class StandinServer {
	/**
	 * @param {object} service see header comment
	 * @param {{ latencyMs?: number, maxRecords?: number, checkResponses?: boolean,
	 *   onViolation?: (v: object) => void }} [opts]
	 */
	constructor(service, opts = {}) {
		this.service = service;
		this.maxRecords = opts.maxRecords || 5000;
		this.initialLatency = Number(opts.latencyMs) || 0;
		this.latencyMs = this.initialLatency;
		this.checkResponses = !!opts.checkResponses;
		this.onViolation = opts.onViolation;
		this.requests = [];
		this.violations = [];
		this.responseViolations = [];
		this.faults = [];
		this.sockets = new Set();
		this.timers = new Set();
		this.server = http.createServer((req, res) => this._onRequest(req, res));
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
	}

	get state() {
		return this.service.state;
	}

	listen(port = 0, host = '127.0.0.1') {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				this.port = this.server.address().port;
				this.host = host;
				this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
				resolve(this);
			});
		});
	}

	/** Stops listening and destroys every open socket (hung requests included). */
	close() {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		return new Promise((resolve) => {
			if (!this.server.listening) return resolve();
			this.server.close(() => resolve());
			for (const s of this.sockets) s.destroy();
		});
	}

	/** @param {{route?: string, mode: string, latencyMs?: number, status?: number, times?: number}} f */
	setFault(f) {
		if (!f || !FAULT_MODES.has(f.mode)) {
			throw new Error(`fault.mode must be one of ${[...FAULT_MODES].join(', ')}`);
		}
		if (f.route !== undefined && !/^[A-Z]+ \/\S*$/.test(f.route)) {
			throw new Error('fault.route must look like "POST /shipments" (method + path template)');
		}
		const fault = { ...f, status: f.mode === 'status' ? Number(f.status) || 500 : f.status };
		this.faults.push(fault);
		return fault;
	}

	clearFaults() {
		this.faults = [];
	}

	setLatency(ms) {
		this.latencyMs = Math.max(0, Number(ms) || 0);
	}

	/** Back to the seeded state; forgets requests, violations, faults and latency changes. */
	reset() {
		this.service.resetState();
		this.requests.length = 0;
		this.violations.length = 0;
		this.responseViolations.length = 0;
		this.clearFaults();
		this.latencyMs = this.initialLatency;
	}

	_push(list, item) {
		list.push(item);
		if (list.length > this.maxRecords) list.splice(0, list.length - this.maxRecords);
	}

	_delay(ms) {
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	_takeFault(routeKey, pathKey) {
		const i = this.faults.findIndex((f) => !f.route || f.route === routeKey || f.route === pathKey);
		if (i < 0) return null;
		const f = this.faults[i];
		if (f.times !== undefined) {
			f.times -= 1;
			if (f.times <= 0) this.faults.splice(i, 1);
		}
		return f;
	}

	_send(res, status, body, headers = {}, raw) {
		if (res.destroyed || res.headersSent) return;
		const text = raw !== undefined ? raw : body === undefined ? '' : JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json; charset=utf-8',
			'content-length': Buffer.byteLength(text),
			...headers,
		});
		res.end(text);
	}

	_onRequest(req, res) {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size <= MAX_BODY) chunks.push(c);
		});
		req.on('end', () => {
			this._dispatch(req, res, Buffer.concat(chunks).toString('utf8')).catch((err) => {
				this._send(res, 500, { error: `stand-in error: ${err.message}` });
			});
		});
	}

	async _dispatch(req, res, rawBody) {
		const url = new URL(req.url, 'http://standin');
		const method = req.method.toUpperCase();
		let body;
		if (rawBody !== '') {
			try {
				body = JSON.parse(rawBody);
			} catch {
				body = undefined;
			}
		}
		if (url.pathname.startsWith('/__standin/')) return this._control(method, url, body, res);

		const ctx = {
			method,
			path: url.pathname,
			query: parseQuery(url.searchParams),
			headers: req.headers,
			rawBody,
			body,
			baseUrl: `http://${req.headers.host || `${this.host}:${this.port}`}`,
		};
		const record = {
			time: new Date().toISOString(),
			method,
			path: ctx.path,
			query: ctx.query,
			headers: { ...req.headers },
			body: body !== undefined ? body : rawBody || undefined,
			route: null,
			status: null,
			valid: true,
			violations: [],
		};
		this._push(this.requests, record);
		const started = Date.now();

		const { route, params, pathKnown } = this.service.validator.match(method, ctx.path);
		let answer;
		if (!route) {
			this._violation(record, [`no operation ${method} ${ctx.path} in the spec`]);
			answer = this.service.notFound(ctx, pathKnown);
		} else {
			record.route = `${method} ${route.template}`;
			ctx.route = route;
			ctx.pathParams = params;
			const result = this.service.validator.validate(route, {
				pathParams: params,
				query: ctx.query,
				headers: ctx.headers,
				body,
				rawBody,
				contentType: req.headers['content-type'],
			});
			ctx.params = result.params;
			// Form bodies (application/x-www-form-urlencoded) reach the handlers as objects.
			if (result.formBody) {
				ctx.body = result.formBody;
				record.body = result.formBody;
			}
			if (result.errors.length) {
				this._violation(
					record,
					result.errors.map((e) => `${e.in}${e.field ? `.${e.field}` : ''} ${e.message}`),
				);
			}
			answer = this.service.authenticate(ctx, result);
			if (!answer && result.errors.length) answer = this.service.invalid(ctx, result.errors);
		}

		const fault = this._takeFault(record.route, `${method} ${ctx.path}`);
		const wait =
			this.latencyMs + (fault && fault.mode === 'latency' ? Number(fault.latencyMs) || 0 : 0);
		if (wait > 0) await this._delay(wait);
		if (fault && fault.mode === 'hang') {
			record.status = 'hang';
			return; // never answered; close() destroys the socket
		}
		if (fault && fault.mode === 'status') {
			answer = {
				status: fault.status,
				body: this.service.faultBody(fault.status),
				headers: this.service.faultHeaders ? this.service.faultHeaders(fault.status) : {},
			};
		}
		// A handler may answer later (e.g. after asking another service, as BigCommerce asks a carrier).
		if (!answer) answer = await this.service.handle(ctx);
		record.status = answer.status;
		record.response = answer.body;
		record.durationMs = Date.now() - started;
		if (this.checkResponses && route && !(fault && fault.mode === 'status')) {
			const errs = this.service.validator.validateResponse(route, answer.status, answer.body);
			if (errs.length)
				this.responseViolations.push({ route: record.route, status: answer.status, errors: errs });
		}
		if (fault && fault.mode === 'malformed') {
			const full = JSON.stringify(answer.body === undefined ? {} : answer.body);
			const status = answer.status < 300 ? answer.status : 200;
			record.status = status;
			return this._send(
				res,
				status,
				undefined,
				answer.headers,
				full.slice(0, Math.max(1, Math.floor(full.length / 2))),
			);
		}
		this._send(res, answer.status, answer.body, answer.headers);
	}

	_violation(record, errors) {
		record.valid = false;
		record.violations = errors;
		const v = { method: record.method, path: record.path, errors };
		this._push(this.violations, v);
		if (this.onViolation) this.onViolation(v);
	}

	_control(method, url, body, res) {
		const what = url.pathname.slice('/__standin/'.length);
		const ok = (status, payload) => this._send(res, status, payload);
		try {
			if (method === 'GET' && what === 'requests') return ok(200, this.requests);
			if (method === 'GET' && what === 'violations') return ok(200, this.violations);
			if (method === 'GET' && what === 'state') return ok(200, this.state);
			if (method === 'POST' && what === 'faults')
				return ok(201, { fault: this.setFault(body), faults: this.faults });
			if (method === 'DELETE' && what === 'faults') {
				this.clearFaults();
				return ok(200, { faults: [] });
			}
			if (method === 'POST' && what === 'latency') {
				this.setLatency(body && body.ms);
				return ok(200, { latencyMs: this.latencyMs });
			}
			if (method === 'POST' && what === 'reset') {
				this.reset();
				return ok(200, { reset: true });
			}
		} catch (err) {
			return ok(400, { error: err.message });
		}
		const extra = this.service.control ? this.service.control(method, what, body) : undefined;
		const send = (answer) => this._send(res, answer.status, answer.body, answer.headers, answer.raw);
		// A control endpoint may answer later (e.g. after sending a webhook and hearing back).
		if (extra && typeof extra.then === 'function') {
			return extra.then(send, (err) => ok(500, { error: `stand-in error: ${err.message}` }));
		}
		if (extra) return send(extra);
		return ok(404, { error: `unknown control endpoint ${method} ${url.pathname}` });
	}
}

module.exports = { StandinServer };
