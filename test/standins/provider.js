'use strict';
/**
 * A tiny dropshipping provider stand-in: serves a product catalog (default
 * samples/dropship-catalog.json) over node:http, without validation or auth.
 *
 *   GET /products        → 200 the catalog as stored (`{provider?, updated_at?, products: [{id,
 *                          title, description, currency, images[], variants[{sku, options{},
 *                          price, compare_at_price?, weight_grams, dimensions_cm{l,w,h}, stock}]}]}`)
 *   GET /products/{id}   → 200 the product, 404 `{error}` if unknown
 *   anything else        → 404 `{error}` (405 for another method on a known path)
 *
 * Controls (not recorded): `GET /__standin/requests`, `PUT /__standin/catalog` (replace the catalog
 * with the JSON body), `POST /__standin/reset` (back to the file; forgets requests).
 *
 *   const { startProviderStandin } = require('./test/standins');
 *   const p = await startProviderStandin({ port, host, catalogFile }); // p.url, p.requests
 *   p.setCatalog({...}); p.catalog; p.reset(); await p.close();
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const DEFAULT_CATALOG_FILE = path.resolve(__dirname, '../../samples/dropship-catalog.json');

const clone = (value) => JSON.parse(JSON.stringify(value));

/**
 * @param {{ port?: number, host?: string, catalogFile?: string, catalog?: object }} [opts]
 *   catalog: use this object instead of reading catalogFile
 * @returns {Promise<{ url: string, port: number, requests: object[], catalog: object,
 *   setCatalog(c: object): void, reset(): void, close(): Promise<void> }>}
 */
async function startProviderStandin(opts = {}) {
	const file = opts.catalogFile || DEFAULT_CATALOG_FILE;
	const load = () => clone(opts.catalog || JSON.parse(fs.readFileSync(file, 'utf8')));
	let catalog = load();
	const requests = [];
	const sockets = new Set();

	const send = (res, status, body) => {
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json; charset=utf-8',
			'content-length': Buffer.byteLength(text),
		});
		res.end(text);
	};

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url, 'http://provider');
			const method = req.method.toUpperCase();
			const raw = Buffer.concat(chunks).toString('utf8');
			if (url.pathname.startsWith('/__standin/')) {
				const what = url.pathname.slice('/__standin/'.length);
				if (method === 'GET' && what === 'requests') return send(res, 200, requests);
				if (method === 'POST' && what === 'reset') {
					api.reset();
					return send(res, 200, { reset: true });
				}
				if (method === 'PUT' && what === 'catalog') {
					try {
						api.setCatalog(JSON.parse(raw));
					} catch (e) {
						return send(res, 400, { error: `catalog: ${e.message}` });
					}
					return send(res, 200, { products: catalog.products.length });
				}
				return send(res, 404, { error: `unknown control endpoint ${method} ${url.pathname}` });
			}
			requests.push({
				time: new Date().toISOString(),
				method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
			});
			const match = /^\/products(?:\/([^/]+))?\/?$/.exec(url.pathname);
			if (!match) return send(res, 404, { error: `no route ${method} ${url.pathname}` });
			if (method !== 'GET') return send(res, 405, { error: `${method} is not allowed here` });
			if (!match[1]) return send(res, 200, catalog);
			const id = decodeURIComponent(match[1]);
			const product = catalog.products.find((p) => String(p.id) === id);
			return product
				? send(res, 200, product)
				: send(res, 404, { error: `product ${id} not found` });
		});
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});

	const host = opts.host || '127.0.0.1';
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port || 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = server.address().port;

	const api = {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		requests,
		get catalog() {
			return catalog;
		},
		/** Replaces the catalog served (must have a `products` array). */
		setCatalog(next) {
			if (!next || !Array.isArray(next.products)) throw new Error('needs a products array');
			catalog = clone(next);
		},
		/** Back to the catalog file (or `opts.catalog`); forgets requests. */
		reset() {
			catalog = load();
			requests.length = 0;
		},
		close() {
			return new Promise((resolve) => {
				if (!server.listening) return resolve();
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
			});
		},
	};
	return api;
}

module.exports = { startProviderStandin, DEFAULT_CATALOG_FILE };
