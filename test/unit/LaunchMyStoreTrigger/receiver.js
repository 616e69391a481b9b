'use strict';
/**
 * A local HTTP receiver for webhook tests: hands each request's headers and raw body bytes to
 * `handle({headers, raw})` and answers with the `{status, body}` it resolves to (body: text).
 */
const http = require('node:http');

/**
 * @param {(request: {headers: object, raw: Buffer}) => Promise<{status: number, body: string}>} handle
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
function startReceiver(handle) {
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			handle({ headers: req.headers, raw: Buffer.concat(chunks) }).then(
				(answer) => {
					res.writeHead(answer.status, { 'content-type': 'application/json' });
					res.end(answer.body);
				},
				(error) => {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: String(error && error.message) }));
				},
			);
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${server.address().port}/webhook/events`,
				close: () => new Promise((done) => server.close(() => done())),
			}),
		),
	);
}

module.exports = { startReceiver };
