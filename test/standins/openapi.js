'use strict';
/**
 * OpenAPI request validation for the stand-ins, built on Ajv 8 (draft-07 + OpenAPI `nullable` for
 * OpenAPI 3.0 files, JSON Schema 2020-12 for OpenAPI 3.1 files).
 *
 * - Loads a spec (JSON or YAML) and every file it `$ref`s externally (e.g. store.json ->
 *   ../common/common-schemas.json), applies an in-memory overlay (overlays.js), and registers each
 *   document with Ajv under its file URL, so `$ref`s resolve exactly as written in the spec.
 * - Compiles, once, per operation: one params validator (path/query/header, with string coercion as
 *   HTTP parameters need) and one JSON body validator. Schemas are referenced by JSON pointer into the
 *   registered document, so nothing is copied or dereferenced.
 * - `validate(req)` routes a request (method + path template), checks the declared security scheme's
 *   header is present, and returns normalised errors `{ in, field, message }`.
 * Formats are not validated (the brief: types, required, enums, additionalProperties).
 */
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const Ajv = require('ajv').default;
const Ajv2020 = require('ajv/dist/2020').default;
const yaml = require('js-yaml');

/**
 * Folder holding the official specs the stand-ins validate against: env SPECS_DIR, else the
 * copies in test/standins/specs (origin, commit and licence in each folder's SOURCE.md).
 */
function specsDir() {
	return process.env.SPECS_DIR || path.join(__dirname, 'specs');
}

function readDoc(file) {
	const text = fs.readFileSync(file, 'utf8');
	return /\.ya?ml$/i.test(file) ? yaml.load(text) : JSON.parse(text);
}

const ptrEscape = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

function walk(node, visit) {
	if (!node || typeof node !== 'object') return;
	visit(node);
	for (const v of Array.isArray(node) ? node : Object.values(node)) walk(v, visit);
}

/** Resolve a local `#/a/b` pointer inside doc. */
function resolveLocal(doc, ref) {
	return ref
		.slice(2)
		.split('/')
		.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce((o, k) => (o == null ? o : o[k]), doc);
}

/** Compile a path template to a regex; more literal segments = more specific. */
function compilePath(template) {
	const names = [];
	const src = template
		.split('/')
		.map((seg) =>
			seg.replace(/\{([^}]+)\}|[^{]+/g, (m, name) => {
				if (name) {
					names.push(name);
					return '([^/]+)';
				}
				return m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			}),
		)
		.join('/');
	const literals = template.split('/').filter((s) => s && !s.includes('{')).length;
	return { regex: new RegExp(`^${src}$`), names, literals };
}

class OpenApiValidator {
	/**
	 * @param {object} o
	 * @param {string} o.file absolute path of the spec
	 * @param {(docs: Record<string, object>) => void} [o.overlay] mutates loaded documents, keyed by
	 *   path relative to the spec's folder (e.g. 'store.json', '../common/common-schemas.json')
	 * @param {boolean} [o.trailingSlash] also match `/path/` for `/path`
	 * @param {boolean} [o.responses] also compile response validators (self-check of the stand-ins)
	 */
	constructor({ file, overlay, trailingSlash = false, responses = false }) {
		const t0 = process.hrtime.bigint();
		this.file = file;
		this.trailingSlash = trailingSlash;
		this.docs = this._loadAll(file);
		if (overlay) overlay(this._docsByRelPath());
		this.doc = this.docs.get(this.baseUrl);
		const is31 = String(this.doc.openapi).startsWith('3.1');
		const opts = { strict: false, allErrors: true, validateFormats: false, validateSchema: false };
		const Klass = is31 ? Ajv2020 : Ajv;
		this.bodyAjv = new Klass(opts);
		this.paramAjv = new Klass({ ...opts, coerceTypes: 'array' });
		for (const [url, doc] of this.docs) {
			this.bodyAjv.addSchema(doc, url);
			this.paramAjv.addSchema(doc, url);
		}
		this.loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
		const t1 = process.hrtime.bigint();
		this.routes = this._compileRoutes(responses);
		this.compileMs = Number(process.hrtime.bigint() - t1) / 1e6;
	}

	_loadAll(file) {
		const docs = new Map();
		const queue = [pathToFileURL(file).href];
		this.baseUrl = queue[0];
		while (queue.length) {
			const url = queue.shift();
			if (docs.has(url)) continue;
			const doc = readDoc(new URL(url).pathname);
			docs.set(url, doc);
			walk(doc, (n) => {
				if (typeof n.$ref === 'string' && !n.$ref.startsWith('#')) {
					queue.push(new URL(n.$ref.split('#')[0], url).href);
				}
			});
		}
		return docs;
	}

	_docsByRelPath() {
		const dir = path.dirname(this.file);
		const out = {};
		for (const [url, doc] of this.docs) out[path.relative(dir, new URL(url).pathname)] = doc;
		return out;
	}

	_schemaRef(pointer) {
		return { $ref: this.baseUrl + '#' + pointer };
	}

	_compileRoutes(withResponses) {
		const routes = [];
		const doc = this.doc;
		const globalSecurity = doc.security;
		const schemes = (doc.components && doc.components.securitySchemes) || {};
		for (const [template, item] of Object.entries(doc.paths || {})) {
			const tpl = compilePath(template);
			for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
				const op = item[method];
				if (!op) continue;
				const base = `/paths/${ptrEscape(template)}`;
				// Path-level parameters first, overridden by operation-level ones (same name + in).
				const params = new Map();
				const addParams = (list, ptr) =>
					(list || []).forEach((p, i) => {
						let pointer = `${ptr}/${i}`;
						if (p.$ref) {
							pointer = p.$ref.slice(1);
							p = resolveLocal(doc, p.$ref);
						}
						params.set(`${p.in}:${p.name}`, { ...p, pointer });
					});
				addParams(item.parameters, `${base}/parameters`);
				addParams(op.parameters, `${base}/${method}/parameters`);
				const groups = { path: {}, query: {}, header: {} };
				const required = { path: [], query: [], header: [] };
				for (const p of params.values()) {
					if (!groups[p.in]) continue; // cookie params are not used by these APIs
					const name = p.in === 'header' ? p.name.toLowerCase() : p.name;
					groups[p.in][name] = p.schema ? this._schemaRef(`${p.pointer}/schema`) : {};
					if (p.required || p.in === 'path') required[p.in].push(name);
				}
				const paramSchema = { type: 'object', properties: {} };
				for (const k of Object.keys(groups)) {
					paramSchema.properties[k] = {
						type: 'object',
						properties: groups[k],
						required: required[k],
					};
				}
				let body = null;
				let rb = op.requestBody;
				let rbPtr = `${base}/${method}/requestBody`;
				if (rb && rb.$ref) {
					rbPtr = rb.$ref.slice(1);
					rb = resolveLocal(doc, rb.$ref);
				}
				if (rb && rb.content) {
					const jsonType = Object.keys(rb.content).find((t) => /json/.test(t));
					// A form body (application/x-www-form-urlencoded) is validated as an object of strings.
					const formType = jsonType
						? undefined
						: Object.keys(rb.content).find((t) => /x-www-form-urlencoded/.test(t));
					const type = jsonType || formType;
					body = {
						required: !!rb.required,
						json: !!jsonType,
						form: !!formType,
						validate:
							type && rb.content[type].schema
								? this.bodyAjv.compile(
										this._schemaRef(`${rbPtr}/content/${ptrEscape(type)}/schema`),
									)
								: null,
					};
				}
				const security = (op.security !== undefined ? op.security : globalSecurity) || [];
				routes.push({
					method: method.toUpperCase(),
					template,
					...tpl,
					operationId: op.operationId,
					validateParams: this.paramAjv.compile(paramSchema),
					body,
					security: security.map((req) =>
						Object.keys(req)
							.map((n) => schemes[n])
							.filter(Boolean),
					),
					responses: withResponses ? this._compileResponses(op, `${base}/${method}`) : null,
				});
			}
		}
		return routes.sort((a, b) => b.literals - a.literals || a.names.length - b.names.length);
	}

	_compileResponses(op, ptr) {
		const out = {};
		for (const [status, resp0] of Object.entries(op.responses || {})) {
			let resp = resp0;
			let rptr = `${ptr}/responses/${status}`;
			if (resp.$ref) {
				rptr = resp.$ref.slice(1);
				resp = resolveLocal(this.doc, resp.$ref);
			}
			const type = resp.content && Object.keys(resp.content).find((t) => /json/.test(t));
			if (type && resp.content[type].schema) {
				out[status] = this.bodyAjv.compile(
					this._schemaRef(`${rptr}/content/${ptrEscape(type)}/schema`),
				);
			} else out[status] = null;
		}
		return out;
	}

	/** Find the operation for method + path. Returns { route, params } | { route: null, pathKnown }. */
	match(method, pathname) {
		const candidates = [pathname];
		if (this.trailingSlash && pathname.length > 1 && pathname.endsWith('/')) {
			candidates.push(pathname.slice(0, -1));
		}
		let pathKnown = false;
		for (const p of candidates) {
			for (const r of this.routes) {
				const m = r.regex.exec(p);
				if (!m) continue;
				if (r.method !== method) {
					pathKnown = true;
					continue;
				}
				const params = {};
				r.names.forEach((n, i) => {
					try {
						params[n] = decodeURIComponent(m[i + 1]);
					} catch {
						params[n] = m[i + 1];
					}
				});
				return { route: r, params };
			}
		}
		return { route: null, pathKnown };
	}

	/**
	 * Validate a routed request.
	 * @param {object} route from match()
	 * @param {{pathParams: object, query: object, headers: object, body: any, rawBody: string,
	 *   contentType?: string}} req  query values are strings or string arrays; headers lower-cased
	 * @returns {{ errors: Array<{in: string, field: string, message: string, keyword: string}>,
	 *   authMissing: boolean, params: object }} params = coerced path/query/header values
	 */
	validate(route, req) {
		const errors = [];
		let formBody;
		// Security: at least one requirement satisfied (apiKey in header / http bearer|basic).
		let authMissing = false;
		if (route.security.length) {
			const ok = route.security.some((schemes) =>
				schemes.every((s) => {
					if (s.type === 'apiKey' && s.in !== 'header') return true; // query/cookie keys: unused here
					const v =
						req.headers[(s.type === 'http' ? 'authorization' : String(s.name)).toLowerCase()];
					if (typeof v !== 'string' || v.trim() === '') return false;
					// http schemes name the credential type: "Bearer <token>", "Basic <credentials>".
					if (s.type === 'http' && s.scheme) {
						const [scheme, ...rest] = v.trim().split(/\s+/);
						return scheme.toLowerCase() === s.scheme.toLowerCase() && rest.join('') !== '';
					}
					return true;
				}),
			);
			if (!ok) {
				authMissing = true;
				errors.push({
					in: 'header',
					field: 'authorization',
					keyword: 'security',
					message: 'is missing or not of the declared security scheme',
				});
			}
		}
		const params = {
			path: { ...req.pathParams },
			query: { ...req.query },
			header: { ...req.headers },
		};
		if (!route.validateParams(params)) {
			for (const e of normalise(route.validateParams.errors)) {
				const [where, ...rest] = e.path;
				// A missing Authorization header is already reported by the security check.
				if (authMissing && where === 'header' && rest.join('.') === 'authorization') continue;
				errors.push({
					in: where,
					field: rest.join('.'),
					message: e.message,
					keyword: e.keyword,
					params: e.params,
				});
			}
		}
		if (route.body && route.body.form) {
			const hasBody = req.rawBody !== undefined && req.rawBody !== '';
			if (hasBody && !/x-www-form-urlencoded/i.test(req.contentType || '')) {
				errors.push({
					in: 'body',
					field: '',
					keyword: 'contentType',
					message: `content-type ${req.contentType} is not application/x-www-form-urlencoded`,
				});
			} else {
				formBody = Object.fromEntries(new URLSearchParams(hasBody ? req.rawBody : ''));
				if (route.body.validate && !route.body.validate(formBody)) {
					for (const e of normalise(route.body.validate.errors)) {
						errors.push({ in: 'body', field: e.path.join('.'), message: e.message, keyword: e.keyword, params: e.params });
					}
				}
			}
		} else if (route.body) {
			const hasBody = req.rawBody !== undefined && req.rawBody !== '';
			if (hasBody && req.body === undefined) {
				errors.push({ in: 'body', field: '', keyword: 'json', message: 'is not valid JSON' });
			} else if (hasBody && route.body.json && req.contentType && !/json/i.test(req.contentType)) {
				errors.push({
					in: 'body',
					field: '',
					keyword: 'contentType',
					message: `content-type ${req.contentType} is not application/json`,
				});
			} else if (route.body.validate && (hasBody || route.body.required)) {
				const data = hasBody ? req.body : {};
				if (!route.body.validate(data)) {
					for (const e of normalise(route.body.validate.errors)) {
						errors.push({
							in: 'body',
							field: e.path.join('.'),
							message: e.message,
							keyword: e.keyword,
							params: e.params,
						});
					}
				}
				if (!hasBody && route.body.required && !errors.some((e) => e.in === 'body')) {
					errors.push({
						in: 'body',
						field: '',
						keyword: 'required',
						message: 'request body is required',
					});
				}
			}
		}
		return { errors, authMissing, params, formBody };
	}

	/** Self-check: validate a response body against the declared schema; returns error strings. */
	validateResponse(route, status, body) {
		if (!route.responses) return [];
		const v = route.responses[String(status)];
		if (v === undefined) {
			// Error statuses the spec leaves out (403/404/429/5xx) are the service's own behaviour.
			return status < 400
				? [`status ${status} is not declared for ${route.method} ${route.template}`]
				: [];
		}
		if (v === null || v(body)) return [];
		return normalise(v.errors).map((e) => `${e.path.join('.') || '(root)'} ${e.message}`);
	}
}

/**
 * Turn Ajv errors into { path: [...], message, keyword, params }: required / additionalProperties
 * errors point at the property concerned, and `type`/`oneOf`/`anyOf` errors on a value that also
 * has a deeper error are dropped (they are the failed alternatives of a oneOf whose best branch
 * failed further down; a wrong container type cannot itself produce deeper errors), and so are
 * enum errors on a value that already has a type error.
 */
function normalise(ajvErrors) {
	const items = (ajvErrors || []).map((e) => {
		const p = e.instancePath
			.split('/')
			.slice(1)
			.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
		let message = e.message;
		if (e.keyword === 'required') {
			p.push(e.params.missingProperty);
			message = 'is required';
		} else if (e.keyword === 'additionalProperties') {
			p.push(e.params.additionalProperty);
			message = 'is not allowed (additional property)';
		} else if (e.keyword === 'enum') {
			const vals = e.params.allowedValues.map(String);
			message = `must be one of: ${vals.slice(0, 12).join(', ')}${vals.length > 12 ? `, ... (${vals.length} values)` : ''}`;
		}
		return { path: p, message, keyword: e.keyword, params: e.params };
	});
	const deeper = (a, b) => b.path.length > a.path.length && a.path.every((s, i) => b.path[i] === s);
	const noise = new Set(['type', 'oneOf', 'anyOf', 'if']);
	const sameValue = (a, b) =>
		a.path.length === b.path.length && a.path.every((s, i) => b.path[i] === s);
	const kept = items.filter(
		(e) =>
			!(noise.has(e.keyword) && items.some((o) => deeper(e, o))) &&
			// a value of the wrong type also fails its enum: report the type only
			!(e.keyword === 'enum' && items.some((o) => o.keyword === 'type' && sameValue(e, o))),
	);
	const seen = new Set();
	return kept.filter((e) => {
		const k = `${e.path.join('.')}|${e.message}`;
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

module.exports = { OpenApiValidator, specsDir, readDoc };
