'use strict';
/**
 * Shippo stand-in handlers for orders, transactions (labels), tracks, webhooks and addresses
 * (test/standins/specs/shippo/public-api.yaml; carriers.md §3). State lives in the service's `state`
 * (`orders`, `transactions`, `tracks`, `webhooks`, `addresses`), newest listed first.
 *
 * - Orders echo `order_number` (and every other field sent); `GET /orders` filters `order_status[]`,
 *   `shop_app`, `start_date`/`end_date` on `placed_at`.
 * - Transactions need the `object_id` of a rate of a stored shipment; the label is a small PDF served
 *   by the stand-in itself at `/__standin/labels/<transaction id>.pdf`; each label gets its own
 *   22-digit tracking number (status TRANSIT) and keeps the `order` it was bought for. Buying a
 *   label sends `transaction_created` to the webhooks registered for it (see webhooks.js).
 * - Tracks: test numbers `SHIPPO_<STATUS>` give that status; a transaction's number gives TRANSIT
 *   with its metadata and id; anything else UNKNOWN.
 * - Addresses: `validate: true` adds `validation_results` (street1, city, zip, country, and for
 *   US/CA/AU a state; US ZIPs of 5 or 9 digits).
 */

const TEST_STATUSES = ['PRE_TRANSIT', 'TRANSIT', 'DELIVERED', 'RETURNED', 'FAILURE', 'UNKNOWN'];
const SUBSTATUS = {
	PRE_TRANSIT: ['information_received', 'Information about the package received.'],
	TRANSIT: ['package_accepted', 'Package has been accepted into the carrier network for delivery.'],
	DELIVERED: ['delivered', 'Package has been delivered.'],
	RETURNED: ['return_to_sender', 'Package is en route to be returned to sender.'],
	FAILURE: ['package_undeliverable', 'Package is undeliverable.'],
	UNKNOWN: ['other', 'Status unknown.'],
};

/** A one-page PDF naming the transaction (valid enough for viewers; tests check the bytes). */
function labelPdf(id) {
	const text = `Shippo stand-in label ${id}`;
	const stream = `BT /F1 12 Tf 36 160 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((body, n) => {
		offsets.push(out.length);
		out += `${n + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

/**
 * @param {{ st: () => object, stamps: () => object, paged: Function, detail: Function, bad: Function }} h
 */
function orderHandlers({ st, stamps, paged, detail, bad, webhooks }) {
	const list = (map) => Object.values(map).reverse();

	function trackingStatus(status, created) {
		const [code, text] = SUBSTATUS[status];
		return {
			object_created: created,
			object_updated: created,
			object_id: stamps().object_id,
			status,
			status_details: text,
			status_date: created,
			substatus: { code, text, action_required: status === 'FAILURE' },
			location: { city: 'San Francisco', state: 'CA', zip: '94103', country: 'US' },
		};
	}

	function trackFor(carrier, number, metadata) {
		const tx = list(st().transactions).find((t) => t.tracking_number === number);
		const match = /^SHIPPO_([A-Z_]+)$/.exec(number);
		const status =
			carrier === 'shippo' && match && TEST_STATUSES.includes(match[1])
				? match[1]
				: tx
					? 'TRANSIT'
					: 'UNKNOWN';
		const created = new Date().toISOString();
		const current = trackingStatus(status, created);
		const track = {
			carrier,
			tracking_number: number,
			tracking_status: current,
			tracking_history: [current],
			messages: [],
			metadata: metadata !== undefined ? metadata : tx ? tx.metadata : '',
			eta: null,
		};
		if (tx) track.transaction = tx.object_id;
		if (track.eta === null) delete track.eta;
		return track;
	}

	function validation(a) {
		const messages = [];
		const missing = ['street1', 'city', 'zip'].filter((k) => !String(a[k] || '').trim());
		if (
			['US', 'CA', 'AU'].includes(String(a.country).toUpperCase()) &&
			!String(a.state || '').trim()
		)
			missing.push('state');
		for (const k of missing)
			messages.push({
				source: 'Shippo Address Validator',
				code: `missing_${k}`,
				type: 'address_error',
				text: `The address has no ${k}.`,
			});
		if (String(a.country).toUpperCase() === 'US' && a.zip && !/^\d{5}(-\d{4})?$/.test(a.zip))
			messages.push({
				source: 'Shippo Address Validator',
				code: 'invalid_postal_code',
				type: 'address_error',
				text: `"${a.zip}" is not a US ZIP code.`,
			});
		return { is_valid: messages.length === 0, messages };
	}

	/** The track of a stored label, as `track_updated` carries it (metadata and id of the label). */
	function trackOfTransaction(tx) {
		const rate = st().rates[tx.rate];
		return trackFor((rate && rate.provider ? rate.provider : 'usps').toLowerCase(), tx.tracking_number, tx.metadata);
	}

	const handlers = {
		'POST /orders': (ctx) => {
			const order = {
				...ctx.body,
				...stamps(),
				order_status: ctx.body.order_status || 'UNKNOWN',
				shop_app: 'Shippo',
				to_address: { ...ctx.body.to_address, ...stamps(), is_complete: true, test: true },
				line_items: (ctx.body.line_items || []).map((li) => ({
					...li,
					object_id: stamps().object_id,
				})),
				transactions: [],
			};
			if (ctx.body.from_address)
				order.from_address = {
					...ctx.body.from_address,
					...stamps(),
					is_complete: true,
					test: true,
				};
			delete order.object_updated; // Order has no object_updated in the spec
			delete order.object_created;
			st().orders[order.object_id] = order;
			return { status: 201, body: order };
		},
		'GET /orders': (ctx) => {
			const q = ctx.params.query;
			const statuses = q['order_status[]'];
			const start = q.start_date ? Date.parse(q.start_date) : undefined;
			const end = q.end_date ? Date.parse(q.end_date) : undefined;
			const items = list(st().orders).filter((o) => {
				const placed = Date.parse(o.placed_at);
				return (
					(!statuses || !statuses.length || statuses.includes(o.order_status)) &&
					(!q.shop_app || o.shop_app === q.shop_app) &&
					(start === undefined || placed >= start) &&
					(end === undefined || placed <= end)
				);
			});
			return paged(ctx, items, 25);
		},
		'GET /orders/{OrderId}': (ctx) => {
			const o = st().orders[ctx.pathParams.OrderId];
			return o ? { status: 200, body: o } : detail(404, 'Not found.');
		},

		'POST /transactions': (ctx) => {
			const body = ctx.body;
			if (!body.rate) return bad('rate', 'Instant transactions are not supported by the stand-in.');
			const rate = st().rates[body.rate];
			if (!rate) return bad('rate', `Rate with object_id ${body.rate} not found.`);
			if (body.order && !st().orders[body.order])
				return bad('order', `Order with object_id ${body.order} not found.`);
			const s = stamps();
			// One tracking number per label (22 digits, the USPS format); SHIPPO_* numbers are for tracks.
			const trackingNumber = `9205590${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
			const tx = {
				...s,
				object_state: 'VALID',
				status: 'SUCCESS',
				rate: rate.object_id,
				label_file_type: body.label_file_type || 'PDF_4x6',
				metadata: body.metadata || '',
				tracking_number: trackingNumber,
				tracking_status: 'TRANSIT',
				tracking_url_provider: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${trackingNumber}`,
				label_url: `${ctx.baseUrl}/__standin/labels/${s.object_id}.pdf`,
				commercial_invoice_url: '',
				eta: new Date(Date.now() + (rate.estimated_days || 3) * 86400000).toISOString(),
				messages: [],
				test: true,
			};
			// The label's order id, as Shippo keeps it (carriers.md §3 "Transaction carries order id").
			if (body.order) tx.order = body.order;
			st().transactions[tx.object_id] = tx;
			if (body.order) st().orders[body.order].transactions.push({ object_id: tx.object_id });
			// Shippo tells the account's webhooks about the bought label, after answering.
			if (webhooks) setImmediate(() => void webhooks.emit('transaction_created', tx));
			return { status: 201, body: tx };
		},
		'GET /transactions': (ctx) => {
			const q = ctx.params.query;
			const items = list(st().transactions).filter(
				(t) =>
					(!q.rate || t.rate === q.rate) &&
					(!q.object_status || t.status === q.object_status) &&
					(!q.tracking_status || t.tracking_status === q.tracking_status),
			);
			return paged(ctx, items, 25);
		},
		'GET /transactions/{TransactionId}': (ctx) => {
			const t = st().transactions[ctx.pathParams.TransactionId];
			return t ? { status: 200, body: t } : detail(404, 'Not found.');
		},

		'POST /tracks': (ctx) => {
			const { carrier, tracking_number: number, metadata } = ctx.body;
			const track = trackFor(carrier, number, metadata);
			st().tracks[`${carrier}/${number}`] = { metadata: track.metadata };
			return { status: 200, body: track };
		},
		'GET /tracks/{Carrier}/{TrackingNumber}': (ctx) => {
			const { Carrier: carrier, TrackingNumber: number } = ctx.pathParams;
			const stored = st().tracks[`${carrier}/${number}`];
			return { status: 200, body: trackFor(carrier, number, stored ? stored.metadata : undefined) };
		},

		'POST /webhooks': (ctx) => {
			const { object_id, object_created, object_updated, object_owner } = stamps();
			const hook = {
				event: ctx.body.event,
				url: ctx.body.url,
				active: ctx.body.active !== undefined ? ctx.body.active : true,
				is_test: ctx.body.is_test !== undefined ? ctx.body.is_test : true,
				object_id,
				object_created,
				object_updated,
				object_owner,
			};
			st().webhooks[object_id] = hook;
			return { status: 201, body: hook };
		},
		'GET /webhooks': () => {
			const results = list(st().webhooks);
			return { status: 200, body: { count: results.length, results } };
		},
		'GET /webhooks/{webhookId}': (ctx) => {
			const w = st().webhooks[ctx.pathParams.webhookId];
			return w ? { status: 200, body: w } : detail(404, 'Not found.');
		},
		'DELETE /webhooks/{webhookId}': (ctx) => {
			const id = ctx.pathParams.webhookId;
			if (!st().webhooks[id]) return detail(404, 'Not found.');
			delete st().webhooks[id];
			return { status: 204, body: undefined };
		},

		'POST /addresses': (ctx) => {
			const { validate, ...fields } = ctx.body;
			const address = {
				...fields,
				...stamps(),
				is_complete: !!(fields.street1 && fields.city && fields.zip),
				test: true,
			};
			if (validate) address.validation_results = validation(fields);
			st().addresses[address.object_id] = address;
			return { status: 201, body: address };
		},
		'GET /addresses/{AddressId}': (ctx) => {
			const a = st().addresses[ctx.pathParams.AddressId];
			return a ? { status: 200, body: a } : detail(404, 'Not found.');
		},
	};
	return { handlers, trackOfTransaction };
}

/** `GET /__standin/labels/<id>.pdf` → the label PDF of a stored transaction, else undefined. */
function labelControl(state, method, what) {
	const m = /^labels\/([0-9a-f]{32})\.pdf$/.exec(what);
	if (method !== 'GET' || !m) return undefined;
	if (!state.transactions[m[1]]) return { status: 404, body: { detail: 'Not found.' } };
	const pdf = labelPdf(m[1]);
	return {
		status: 200,
		raw: pdf,
		headers: { 'content-type': 'application/pdf', 'content-length': pdf.length },
	};
}

module.exports = { orderHandlers, labelControl, labelPdf, TEST_STATUSES };
