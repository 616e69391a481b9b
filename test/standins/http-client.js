'use strict';
/** Minimal JSON HTTP client for the stand-in tests (node:http, no keep-alive, optional timeout). */
const http = require('node:http');

/**
 * @param {string} base e.g. server.url
 * @param {string} method
 * @param {string} path path + query
 * @param {{ body?: any, raw?: string, headers?: object, timeoutMs?: number }} [o]
 * @returns {Promise<{ status: number, headers: object, text: string, json: any }>}
 */
function call(base, method, path, o = {}) {
	return new Promise((resolve, reject) => {
		const data =
			o.raw !== undefined ? o.raw : o.body !== undefined ? JSON.stringify(o.body) : undefined;
		const headers = {
			...(data !== undefined ? { 'content-type': 'application/json' } : {}),
			...o.headers,
		};
		const req = http.request(new URL(path, base), { method, headers, agent: false }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (text += c));
			res.on('end', () => {
				let json;
				try {
					json = text ? JSON.parse(text) : undefined;
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode, headers: res.headers, text, json });
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		if (o.timeoutMs) {
			req.setTimeout(o.timeoutMs, () =>
				req.destroy(Object.assign(new Error('client timeout'), { code: 'TIMEOUT' })),
			);
		}
		if (data !== undefined) req.write(data);
		req.end();
	});
}

module.exports = { call };
