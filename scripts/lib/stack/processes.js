'use strict';
/**
 * Child processes and process groups, ports, a minimal HTTP client, and waiting.
 * Everything started here is killed when this process exits, even without a stop().
 */
const childProcess = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { ROOT } = require('./constants');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Free TCP ports on 127.0.0.1 (all held until every one is known, so they differ). */
async function freePorts(count) {
	const servers = [];
	try {
		for (let i = 0; i < count; i++) {
			const server = net.createServer();
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', resolve);
			});
			servers.push(server);
		}
		return servers.map((server) => server.address().port);
	} finally {
		await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	}
}

/** Minimal HTTP client: resolves { status, headers, text, json } for any status. */
function request(method, url, { headers = {}, body, timeoutMs = 10000 } = {}) {
	return new Promise((resolve, reject) => {
		const payload =
			body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
		const req = http.request(
			url,
			{
				method,
				headers: {
					accept: 'application/json',
					...(payload !== undefined
						? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
						: {}),
					...headers,
				},
				timeout: timeoutMs,
			},
			(res) => {
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json;
					try {
						json = text ? JSON.parse(text) : undefined;
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
				res.on('error', reject);
			},
		);
		req.on('timeout', () =>
			req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)),
		);
		req.on('error', reject);
		if (payload !== undefined) req.write(payload);
		req.end();
	});
}

/**
 * Processes started here and still running: helper commands (n8n CLI, npm) and n8n process
 * groups. If this process exits, or is ended by a signal nobody else handles, they are killed,
 * so nothing is left behind even without stop().
 */
const running = new Set();
const n8nGroups = new Set();

function killEverything() {
	for (const child of running) {
		try {
			child.kill('SIGKILL');
		} catch {
			// gone
		}
	}
	for (const pgid of n8nGroups) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// gone
		}
	}
}
process.on('exit', killEverything);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	const onSignal = () => {
		// Another listener (e.g. scripts/demo.js) handles the signal and calls stop().
		if (process.listenerCount(signal) > 1) return;
		killEverything();
		process.removeListener(signal, onSignal);
		process.kill(process.pid, signal);
	};
	process.on(signal, onSignal);
}

function run(command, args, { cwd = ROOT, env = process.env, timeoutMs = 300000, onStderr } = {}) {
	return new Promise((resolve, reject) => {
		const child = childProcess.execFile(
			command,
			args,
			{ cwd, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' },
			(error, stdout, stderr) => {
				running.delete(child);
				if (error) {
					const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
					reject(
						new Error(
							`${path.basename(command)} ${args.join(' ')} failed: ${error.message}\n${output}`,
						),
					);
				} else {
					resolve({ stdout, stderr, output: `${stdout}\n${stderr}` });
				}
			},
		);
		running.add(child);
		if (onStderr) child.stderr.on('data', (chunk) => onStderr(String(chunk)));
	});
}

function tail(file, lines = 60) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * SIGTERM to the process group, SIGKILL after `graceMs`; resolves when the group is gone, with how
 * it ended: 'gone' (it was not running), 'term' (it left within the grace period) or 'kill'.
 */
async function killGroup(pgid, graceMs = 8000) {
	if (!pgid || !groupAlive(pgid)) return 'gone';
	try {
		process.kill(-pgid, 'SIGTERM');
	} catch {
		return 'gone';
	}
	const deadline = Date.now() + graceMs;
	while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
	if (!groupAlive(pgid)) return 'term';
	{
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// already gone
		}
		const hardDeadline = Date.now() + 5000;
		while (groupAlive(pgid) && Date.now() < hardDeadline) await sleep(50);
	}
	return 'kill';
}

function readRss(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

function groupPids(pgid) {
	const pids = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid pgrp ...; comm may hold spaces, so split after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid) pids.push(Number(entry));
		} catch {
			// process ended meanwhile
		}
	}
	return pids;
}

async function waitFor(label, timeoutMs, probe, intervalMs = 250) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		last = await probe();
		if (last && last.done) return last.value;
		if (Date.now() > deadline)
			throw new Error(
				`timed out after ${timeoutMs} ms waiting for ${label}${last && last.why ? `: ${last.why}` : ''}`,
			);
		await sleep(intervalMs);
	}
}

module.exports = { sleep, freePorts, request, run, tail, isAlive, groupAlive, killGroup, readRss, groupPids, waitFor, n8nGroups, running };
