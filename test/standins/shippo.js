'use strict';
/**
 * Shippo stand-in following test/standins/specs/shippo/public-api.yaml (OpenAPI 3.1; overlay in
 * overlays.js) and reference carriers.md §3: shipments with deterministic rates, rates, carrier
 * accounts, user parcel templates (CRUD) and carrier parcel templates, plus orders, transactions,
 * tracks, webhooks and addresses (shippo-orders.js); in memory, ids are 32-hex
 * `object_id`s. Spec operations not implemented here answer 501 (and are not violations).
 *
 * Auth like the service: `Authorization: ShippoToken <non-empty>`, else 401
 * `{"detail":"Authentication credentials were not provided."}`. Errors: 400 `{"<field>": ["<msg>"]}`,
 * 404 `{"detail":"Not found."}`.
 *
 * Rates come from the pure function `shippoRatesFor(shipmentBody)` in shippo-rates.js.
 */
const http = require('node:http');
const path = require('node:path');
const { OpenApiValidator, specsDir } = require('./openapi');
const { shippoOverlay } = require('./overlays');
const { shippoId } = require('./ids');
const { createShippoWebhookEmitter } = require('./webhooks');
const { orderHandlers, labelControl } = require('./shippo-orders');
const {
	shippoRatesFor,
	templateByToken,
	cents,
	CARRIER_ACCOUNTS,
	CARRIER_TEMPLATES,
	DOMESTIC,
	INTERNATIONAL,
	CURRENCY_PER_USD,
} = require('./shippo-rates');

const SPEC = 'shippo/public-api.yaml';
const OWNER = 'standin@example.com';

// ---- validator (compiled once per process) ---------------------------------------------------
let validatorCache = null;
function shippoValidator(opts = {}) {
	if (!validatorCache || opts.responses) {
		const v = new OpenApiValidator({
			file: path.join(specsDir(), SPEC),
			overlay: shippoOverlay,
			trailingSlash: true, // Shippo's docs use `/shipments/`; the API accepts both forms
			responses: !!opts.responses,
		});
		if (opts.responses) return v;
		validatorCache = v;
	}
	return validatorCache;
}

// ---- errors ---------------------------------------------------------------------------------
const TYPE_MSG = {
	string: 'Not a valid string.',
	number: 'A valid number is required.',
	integer: 'A valid integer is required.',
	boolean: 'Must be a valid boolean.',
	array: 'Expected a list of items.',
	object: 'Invalid data. Expected a dictionary.',
};
/** Django REST framework style `{field: [messages]}` for normalised validation errors. */
function errorBody(errors) {
	const out = {};
	for (const e of errors) {
		const parts = e.field ? e.field.split('.') : [];
		const key = parts[0] || 'non_field_errors';
		let msg;
		if (e.keyword === 'required') msg = 'This field is required.';
		else if (e.keyword === 'type') msg = TYPE_MSG[e.params.type] || `Must be ${e.params.type}.`;
		else if (e.keyword === 'enum') msg = `Not a valid choice (${e.message}).`;
		else if (e.keyword === 'maximum')
			msg = `Ensure this value is less than or equal to ${e.params.limit}.`;
		else if (e.keyword === 'minimum')
			msg = `Ensure this value is greater than or equal to ${e.params.limit}.`;
		else if (e.keyword === 'json') msg = 'JSON parse error.';
		else msg = `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`;
		(out[key] = out[key] || []).push(parts.length > 1 ? `${parts.join('.')}: ${msg}` : msg);
	}
	return out;
}
const detail = (status, text) => ({ status, body: { detail: text } });
const bad = (field, msg) => ({ status: 400, body: { [field]: [msg] } });

// ---- the service ----------------------------------------------------------------------------
/** @param {{ checkResponses?: boolean, maxRecords?: number, shippoTokens?: string[] }} [opts] maxRecords also caps stored shipments; shippoTokens: the only API tokens accepted (default: any) */
function createShippoService(opts = {}) {
	const maxShipments = opts.maxRecords || 5000;
	const service = {
		name: 'shippo',
		validator: shippoValidator({ responses: opts.checkResponses }),
		state: null,
		resetState() {
			service.state = {
				shipments: {},
				rates: {},
				userParcelTemplates: {},
				orders: {},
				transactions: {},
				tracks: {},
				webhooks: {},
				addresses: {},
				deliveries: [],
			};
			for (const t of [
				{
					name: 'Small Box',
					length: '10',
					width: '8',
					height: '4',
					distance_unit: 'in',
					weight: '1',
					weight_unit: 'lb',
				},
				{ template: 'USPS_SmallFlatRateBox', weight: '0.5', weight_unit: 'lb' },
			]) {
				const rec = newUserTemplate(t);
				service.state.userParcelTemplates[rec.object_id] = rec;
			}
		},

		authenticate(ctx) {
			const match = /^ShippoToken\s+(\S+)/.exec(ctx.headers.authorization || '');
			if (!match) return detail(401, 'Authentication credentials were not provided.');
			// opts.shippoTokens: the API tokens this account knows; any other is refused like Shippo does.
			if (opts.shippoTokens && !opts.shippoTokens.includes(match[1])) return detail(401, 'Invalid token.');
			return null;
		},

		invalid(ctx, errors) {
			if (errors.some((e) => e.keyword === 'contentType')) {
				return detail(415, `Unsupported media type "${ctx.headers['content-type']}" in request.`);
			}
			if (errors.some((e) => e.keyword === 'json')) return detail(400, 'JSON parse error.');
			return { status: 400, body: errorBody(errors) };
		},

		notFound(ctx, pathKnown) {
			return pathKnown
				? detail(405, `Method "${ctx.method}" not allowed.`)
				: detail(404, 'Not found.');
		},

		faultBody(status) {
			if (status === 429)
				return { detail: 'Request was throttled. Expected available in 60 seconds.' };
			if (status === 500) return { detail: 'A server error occurred.' };
			return { detail: http.STATUS_CODES[status] || 'Error' };
		},

		faultHeaders(status) {
			return status === 429 ? { 'retry-after': '60' } : {};
		},

		/**
		 * Extra `/__standin/…` endpoints: the label PDFs of transactions; `GET webhooks/deliveries`
		 * (every webhook sent); `POST webhooks/redeliver {index?}` (send a delivery again, default
		 * the last, as Shippo retries); `POST webhooks/emit {event, transactionId}` (send a
		 * transaction or track event for a stored label).
		 */
		control(method, what, body) {
			if (method === 'GET' && what === 'webhooks/deliveries')
				return { status: 200, body: service.state.deliveries };
			if (method === 'POST' && what === 'webhooks/redeliver') {
				const sent = webhooks.redeliver(body && body.index);
				return sent
					? sent.then((record) => ({ status: 200, body: record }))
					: { status: 404, body: { error: 'no such delivery' } };
			}
			if (method === 'POST' && what === 'webhooks/emit') {
				const event = body && body.event;
				const tx = body && service.state.transactions[body.transactionId];
				if (!tx) return { status: 404, body: { error: `no transaction ${body && body.transactionId}` } };
				const data = event === 'track_updated' ? trackOfTransaction(tx) : tx;
				return webhooks.emit(event, data).then((records) => ({ status: 200, body: records }));
			}
			return labelControl(service.state, method, what);
		},

		handle(ctx) {
			const h = handlers[`${ctx.method} ${ctx.route.template}`];
			return h
				? h(ctx)
				: detail(501, `Not implemented by the stand-in: ${ctx.method} ${ctx.route.template}`);
		},
	};

	const st = () => service.state;
	const stamps = () => {
		const t = new Date().toISOString();
		return { object_id: shippoId(), object_owner: OWNER, object_created: t, object_updated: t };
	};
	function newUserTemplate(body) {
		const tpl = body.template ? templateByToken(body.template) : null;
		const dims = tpl
			? {
					name: tpl.name,
					length: tpl.length,
					width: tpl.width,
					height: tpl.height,
					distance_unit: tpl.distance_unit,
				}
			: {};
		const rec = { ...dims, ...body, ...stamps() };
		if (tpl) rec.template = tpl;
		else delete rec.template;
		return rec;
	}
	/** `{next, previous, results}` page of `items` (Shippo's page/results query). */
	function paged(ctx, items, defaultSize) {
		const q = ctx.params.query;
		const size = Math.max(1, Number(q.results) || defaultSize);
		const pageNo = Math.max(1, Number(q.page) || 1);
		const link = (n) => {
			const u = new URL(ctx.path, ctx.baseUrl);
			for (const [k, v] of Object.entries(ctx.query)) {
				if (k !== 'page' && k !== 'results') u.searchParams.set(k, String(v));
			}
			u.searchParams.set('page', String(n));
			u.searchParams.set('results', String(size));
			return u.href;
		};
		const start = (pageNo - 1) * size;
		return {
			status: 200,
			body: {
				next: start + size < items.length ? link(pageNo + 1) : null,
				previous: pageNo > 1 ? link(pageNo - 1) : null,
				results: items.slice(start, start + size),
			},
		};
	}
	const address = (a) => ({ ...a, ...stamps(), is_complete: true, test: true });
	function parcel(p) {
		const tpl = p.template ? templateByToken(p.template) : null;
		const dims = tpl
			? {
					length: tpl.length,
					width: tpl.width,
					height: tpl.height,
					distance_unit: tpl.distance_unit,
				}
			: { length: '10', width: '8', height: '4', distance_unit: 'in' };
		return { ...(p.template ? dims : {}), ...p, ...stamps(), object_state: 'VALID', test: true };
	}

	const handlers = {
		'POST /shipments': (ctx) => {
			const body = ctx.body;
			for (const k of ['address_from', 'address_to', 'address_return']) {
				if (typeof body[k] === 'string')
					return bad(
						k,
						`Address with object_id ${body[k]} not found (the stand-in keeps no addresses).`,
					);
			}
			const idx = body.parcels.findIndex((p) => typeof p === 'string');
			if (idx >= 0)
				return bad(
					'parcels',
					`Parcel with object_id ${body.parcels[idx]} not found (the stand-in keeps no parcels).`,
				);
			const s = stamps();
			const shipment = {
				...body,
				...s,
				status: 'SUCCESS',
				address_from: address(body.address_from),
				address_to: address(body.address_to),
				address_return: address(body.address_return || body.address_from),
				parcels: body.parcels.map(parcel),
				shipment_date: body.shipment_date || s.object_created,
				carrier_accounts: body.carrier_accounts || [],
				metadata: body.metadata || '',
				extra: body.extra || {},
				messages: [],
				test: true,
			};
			shipment.rates = shippoRatesFor(body).map((r) => ({
				...r,
				object_id: shippoId(),
				object_owner: OWNER,
				object_created: s.object_created, // a Rate has no object_updated
				shipment: shipment.object_id,
				messages: [],
				test: true,
			}));
			delete shipment.async;
			for (const r of shipment.rates) st().rates[r.object_id] = r;
			st().shipments[shipment.object_id] = shipment;
			// Keep memory bounded in long benchmarks: forget the oldest shipments (and their rates).
			const ids = Object.keys(st().shipments);
			for (const old of ids.slice(0, Math.max(0, ids.length - maxShipments))) {
				for (const r of st().shipments[old].rates) delete st().rates[r.object_id];
				delete st().shipments[old];
			}
			return { status: 201, body: shipment };
		},
		'GET /shipments': (ctx) => paged(ctx, Object.values(st().shipments).reverse(), 25),
		'GET /shipments/{ShipmentId}': (ctx) => {
			const s = st().shipments[ctx.pathParams.ShipmentId];
			return s ? { status: 200, body: s } : detail(404, 'Not found.');
		},
		'GET /shipments/{ShipmentId}/rates': (ctx) => {
			const s = st().shipments[ctx.pathParams.ShipmentId];
			return s ? paged(ctx, s.rates, 25) : detail(404, 'Not found.');
		},
		'GET /shipments/{ShipmentId}/rates/{CurrencyCode}': (ctx) => {
			const s = st().shipments[ctx.pathParams.ShipmentId];
			if (!s) return detail(404, 'Not found.');
			const cur = String(ctx.pathParams.CurrencyCode).toUpperCase();
			if (!CURRENCY_PER_USD[cur]) return bad('currency', `Currency ${cur} is not supported.`);
			const rates = s.rates.map((r) => ({
				...r,
				amount_local: cents(Number(r.amount) * CURRENCY_PER_USD[cur]),
				currency_local: cur,
			}));
			return paged(ctx, rates, 25);
		},
		'GET /rates/{RateId}': (ctx) => {
			const r = st().rates[ctx.pathParams.RateId];
			return r ? { status: 200, body: r } : detail(404, 'Not found.');
		},
		'GET /carrier_accounts': (ctx) => {
			const q = ctx.params.query;
			const list = CARRIER_ACCOUNTS.filter(
				(a) =>
					(!q.carrier || a.carrier === q.carrier) &&
					(!q.account_id || a.account_id === q.account_id),
			).map((a) => ({
				...a,
				object_owner: OWNER,
				metadata: '',
				test: true,
				object_info: { authentication: { type: 'default', status: 'connected' } },
				...(q.service_levels === true
					? {
							service_levels: [...DOMESTIC, ...INTERNATIONAL]
								.filter((s) => s.provider === a.carrier_name)
								.map((s) => ({ name: s.name, token: s.token, supports_return_labels: true })),
						}
					: {}),
			}));
			return paged(ctx, list, 5);
		},
		'GET /parcel-templates': (ctx) => {
			const carrier = ctx.params.query.carrier;
			const list = CARRIER_TEMPLATES.filter(
				(t) => !carrier || t.carrier.toLowerCase() === String(carrier).toLowerCase(),
			);
			return { status: 200, body: { results: list } };
		},
		'GET /parcel-templates/{CarrierParcelTemplateToken}': (ctx) => {
			const t = templateByToken(ctx.pathParams.CarrierParcelTemplateToken);
			return t ? { status: 200, body: t } : detail(404, 'Not found.');
		},
		'GET /user-parcel-templates': () => ({
			status: 200,
			body: { results: Object.values(st().userParcelTemplates) },
		}),
		'POST /user-parcel-templates': (ctx) => {
			if (ctx.body.template && !templateByToken(ctx.body.template)) {
				return bad('template', `Unknown carrier parcel template "${ctx.body.template}".`);
			}
			const rec = newUserTemplate(ctx.body);
			st().userParcelTemplates[rec.object_id] = rec;
			return { status: 200, body: rec }; // the spec declares 200 (not 201) for this create
		},
		'GET /user-parcel-templates/{UserParcelTemplateObjectId}': (ctx) => {
			const t = st().userParcelTemplates[ctx.pathParams.UserParcelTemplateObjectId];
			return t ? { status: 200, body: t } : detail(404, 'Not found.');
		},
		'PUT /user-parcel-templates/{UserParcelTemplateObjectId}': (ctx) => {
			const t = st().userParcelTemplates[ctx.pathParams.UserParcelTemplateObjectId];
			if (!t) return detail(404, 'Not found.');
			Object.assign(t, ctx.body || {}, { object_updated: new Date().toISOString() });
			if (typeof t.template === 'string') t.template = templateByToken(t.template) || t.template;
			return { status: 200, body: t };
		},
		'DELETE /user-parcel-templates/{UserParcelTemplateObjectId}': (ctx) => {
			const id = ctx.pathParams.UserParcelTemplateObjectId;
			if (!st().userParcelTemplates[id]) return detail(404, 'Not found.');
			delete st().userParcelTemplates[id];
			return { status: 204, body: undefined };
		},
	};

	const webhooks = createShippoWebhookEmitter(st);
	const orders = orderHandlers({ st, stamps, paged, detail, bad, webhooks });
	const trackOfTransaction = orders.trackOfTransaction;
	Object.assign(handlers, orders.handlers);
	service.resetState();
	return service;
}

module.exports = {
	createShippoService,
	shippoRatesFor,
	shippoValidator,
	CARRIER_ACCOUNTS,
	CARRIER_TEMPLATES,
};
