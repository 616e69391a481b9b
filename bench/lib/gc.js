'use strict';
/**
 * A full garbage collection in a running n8n, from outside: SIGUSR1 opens Node's inspector on
 * 127.0.0.1:<port> (Node does this on SIGUSR1; nothing runs while it is closed), then the
 * Chrome DevTools Protocol's HeapProfiler.collectGarbage runs one. The benchmark uses it after the
 * "30 s after" sample, to tell garbage V8 has not collected yet from memory that is still held.
 * The client runs in a child process of the given Node.js (22+ has a global WebSocket).
 */
const childProcess = require('node:child_process');

const CLIENT = `
const [pid, port] = process.argv.slice(1).map(Number);
process.kill(pid, 'SIGUSR1');
const deadline = Date.now() + 10000;
(async () => {
	let list;
	while (!list) {
		try { list = await (await fetch('http://127.0.0.1:' + port + '/json/list')).json(); }
		catch (error) { if (Date.now() > deadline) throw error; await new Promise((r) => setTimeout(r, 100)); }
	}
	const ws = new WebSocket(list[0].webSocketDebuggerUrl);
	await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
	const call = (id, method) => new Promise((resolve) => {
		ws.addEventListener('message', function onMessage(event) {
			const message = JSON.parse(event.data);
			if (message.id === id) { ws.removeEventListener('message', onMessage); resolve(message); }
		});
		ws.send(JSON.stringify({ id, method }));
	});
	await call(1, 'HeapProfiler.enable');
	await call(2, 'HeapProfiler.collectGarbage');
	ws.close();
})().then(() => process.exit(0), (error) => { console.error(String(error)); process.exit(1); });
`;

/** Resolves true when one full GC ran in process `pid` (its inspector on `port`, default 9229). */
function forceGc(node, pid, port = 9229) {
	return new Promise((resolve) => {
		childProcess.execFile(node, ['-e', CLIENT, String(pid), String(port)], { timeout: 30000 }, (error) => resolve(!error));
	});
}

module.exports = { forceGc };
