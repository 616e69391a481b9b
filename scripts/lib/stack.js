'use strict';
/**
 * A real n8n with this node pack installed, the bundled workflows imported and published, and the
 * HighLevel and Shippo stand-ins it talks to. Used by the demo (scripts/demo.js), the end-to-end
 * tests (test/e2e) and the benchmark. CommonJS; runs on the Node.js of the repository (20+) and
 * starts n8n with the pinned Node.js 24 that n8n 2.41 needs.
 *
 *   const { startStack } = require('./scripts/lib/stack');
 *   const stack = await startStack();          // temporary user folder, free ports
 *   // stack.callbackUrl: the signed live-rates URL the trigger registered at the HighLevel stand-in
 *   await stack.stop();
 *
 * Steps of startStack(options):
 *  1. Build: `npm run build` (or `npx n8n-node build` without gulpfile.js) when a file listed in
 *     package.json's `n8n` section is missing or older than the sources (options.build: 'auto'
 *     (default), true = always, false = never).
 *  2. n8n: scripts/install-n8n.sh (pinned n8n and Node.js 24; returns at once when installed),
 *     which prints NODE24_BIN and N8N_APP.
 *  3. User folder: a new temporary folder, or options.userFolder (kept, reused on later runs).
 *     The pack is installed as n8n installs community packages: `npm pack` of the repository,
 *     extracted into <userFolder>/.n8n/nodes/node_modules/n8n-nodes-highlevel-shipping, so its
 *     node types are `n8n-nodes-highlevel-shipping.<name>`; n8n-workflow and zod resolve from n8n.
 *  4. Stand-ins: test/standins started in this process (options.standinPorts, default free
 *     ports; options.seed), unless options.standins = { highlevelUrl, shippoUrl } names running ones.
 *  5. Credentials (`n8n import:credentials`, data encrypted with the encryption key):
 *     "HighLevel (stand-in)" (highLevelShippingOAuth2Api, id highlevelStandin: stand-in base URL,
 *     a location token for options.locationId, callbackSecret = options.callbackSecret or random)
 *     and "Shippo (stand-in)" (highLevelShippingShippoApi, id shippoStandin).
 *  6. Workflows: workflows/*.json (or options.workflows). Every node's `credentials` entry is
 *     filled by credential type with the imported { id, name }; a workflow without an id gets a
 *     fixed one derived from its file name; `n8n import:workflow --separate`, then
 *     `n8n publish:workflow --id=…` for those in options.activate (default: every workflow with a
 *     trigger other than a Manual Trigger; those run on demand with executeWorkflow()).
 *  7. n8n: `n8n start` in its own process group (n8n and its task runner), output to
 *     <userFolder>/n8n.log; waits for GET /healthz/readiness.
 *  8. Owner: sets up the instance owner (options.owner, default a generated one) or logs in, then
 *     waits, per published workflow, for GET /rest/workflows/<id>/publication-status to report
 *     every trigger activated.
 *  9. Registrations: activating the Shipping Rates Trigger runs its webhookMethods (checkExists,
 *     create), which register a shipping carrier with the signed callback URL at the HighLevel
 *     stand-in. n8n runs them when it activates a freshly published workflow at boot (activation
 *     mode "init"), but not on later boots of the same user folder: the trigger's webhook_entity
 *     row already exists, so registration is skipped, while the stand-ins start empty. So on a
 *     reused user folder, every published workflow with a trigger of this pack that has webhooks
 *     is unpublished and published again over n8n's REST API, as the editor does (runs `delete`,
 *     then `checkExists`/`create`); the same happens if no carrier shows up after a fresh boot.
 *     The registered carrier's callbackUrl is returned as `callbackUrl`: the URL HighLevel calls
 *     at checkout.
 *
 * Returns { n8nUrl, webhookUrl (where production webhooks arrive), queue (queue mode: redisUrl,
 * processes, healthy(), pauseWorkers(), resumeWorkers(); else null), editorUrl, callbackUrl, carrier, activatedBy ('boot' | 'rest'), userFolder,
 * reused, standins, credentials, callbackSecret, locationId, workflows, owner, n8nPid, logFile,
 * executeWorkflow(idOrFile) (one run with `n8n execute`), and options.installPack = false boots n8n
 * without the pack (no workflows then),
 * ports, bootMs, startMs, api(method, path, body) (REST as the owner), rssBytes({ withChildren }),
 * isRunning(), stop() }. stop() resolves with how each process ended ({ main: 'term' | 'exit <code>' | 'kill' | 'gone', … }):
 * it ends n8n (SIGTERM to its process group, SIGKILL after a grace
 * period), closes stand-ins started here and removes a temporary user folder. A failed start
 * cleans up the same way and throws with the end of n8n's log. If this process exits (or gets a
 * signal no one else handles) without stop(), n8n and helper commands are killed anyway.
 *
 * Ports: n8n on 127.0.0.1:<options.port> (default a free port; the demo uses 5678), its task
 * runner broker on <options.brokerPort> (default a free port), stand-ins on options.standinPorts
 * (default free ports; the demo uses 4010 and 4020). Everything listens on loopback only.
 *
 * Environment of n8n (fixed; options.env adds or overrides):
 *   N8N_USER_FOLDER, N8N_LISTEN_ADDRESS=127.0.0.1, N8N_HOST=127.0.0.1, N8N_PORT, N8N_PROTOCOL=http,
 *   N8N_RUNNERS_BROKER_PORT, N8N_WEBHOOK_URL=http://127.0.0.1:<port>/, N8N_EDITOR_BASE_URL,
 *   N8N_ENCRYPTION_KEY (options.encryptionKey or a fixed development key), N8N_SECURE_COOKIE=false,
 *   N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true, N8N_DIAGNOSTICS_ENABLED=false (and empty
 *   N8N_DIAGNOSTICS_CONFIG_FRONTEND/BACKEND, EXTERNAL_FRONTEND_HOOKS_URLS),
 *   N8N_VERSION_NOTIFICATIONS_ENABLED=false, N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=false,
 *   N8N_TEMPLATES_ENABLED=false, N8N_PERSONALIZATION_ENABLED=false, N8N_DYNAMIC_BANNERS_ENABLED=false,
 *   N8N_HIRING_BANNER_ENABLED=false, N8N_AI_ENABLED=false, N8N_DISABLED_MODULES=mcp-registry,
 *   N8N_VERIFIED_PACKAGES_ENABLED=false, N8N_LOG_LEVEL=info (options.logLevel),
 *   N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (the README's live-rates setting); chosen so that n8n
 *   makes no outbound connection at start-up. NODE_ENV=production, as production runs n8n (without
 *   it n8n puts a `stacktrace` with file paths into webhook error answers; Jest's "test" silences its
 *   logs); N8N_*, DB_*, EXECUTIONS_*, QUEUE_* and WEBHOOK_URL from outside are removed.
 * scripts/install-n8n.sh sees this process's environment: N8N_HOME (install folder), N8N_VERSION,
 * NODE24_VERSION.
 * In queue mode (options.queue) each process adds DB_TYPE=postgresdb and DB_POSTGRESDB_* (pool of
 * 10), EXECUTIONS_MODE=queue, QUEUE_BULL_REDIS_HOST/PORT, OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true
 * and N8N_WEBHOOK_URL = the webhook process; main adds N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true, the
 * webhook process its own N8N_PORT and task-runner broker port, each worker its broker port and
 * QUEUE_HEALTH_CHECK_ACTIVE/PORT. Logs: n8n.log (main), n8n-webhook.log, n8n-worker-<n>.log,
 * redis.log and postgres.log in the user folder.
 *
 * The modules under scripts/lib/stack/: constants, processes (children, ports, HTTP, waiting),
 * install (build, n8n, pack), credentials, workflows, standins, n8n (environment, start,
 * readiness, REST), services (Redis, PostgreSQL).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, PACKAGE, TRIGGER_TYPE, DEV_ENCRYPTION_KEY } = require('./stack/constants');
const { sleep, freePorts, request, run, tail, isAlive, killGroup, readRss, groupPids, waitFor, n8nGroups } = require('./stack/processes');
const { isBuildFresh, ensureBuilt, installN8n, installPack } = require('./stack/install');
const { credentialRecords } = require('./stack/credentials');
const { enableClaims, fixedWorkflowId, loadDescriptions, prepareWorkflow, adaptToStack, setSetting, pointInstallAtLiveRates, standinWebhookKey, hasActivatableTrigger, defaultWorkflowFiles } = require('./stack/workflows');
const { n8nEnvironment, ownerSession, waitPublished, republish, spawnN8n, waitReady } = require('./stack/n8n');
const { installServices, startRedis, startPostgres, queueEnvironment } = require('./stack/services');

/** Workers in queue mode. */
const QUEUE_WORKERS = 2;
const { listCarriers, carrierOf, defaultSeed, startStandins } = require('./stack/standins');
const { BIGCOMMERCE_STORE_HASH } = require('./stack/credentials');

/** The carrier id BigCommerce issued to the app in the stack's BigCommerce store (its seed 004 example). */
const BIGCOMMERCE_CARRIER_ID = 'carrier_33';

/**
 * The signed BigCommerce Quote and Check Connection Options URLs of the imported BigCommerce
 * live-rates trigger on this n8n, signed by the pack's own code (BigCommerce Shipping → Callback
 * URL → Sign, nodes/shared/bigCommerce/carriers.ts); null without that workflow or the pack.
 */
function bigCommerceCarrierUrls(workflows, webhookUrl, callbackSecret, packageDir) {
	if (!packageDir) return null;
	for (const { definition } of workflows) {
		const trigger = (definition.nodes || []).find(
			(n) => n.type === `${PACKAGE}.shippingRatesTrigger` && n.parameters && n.parameters.platform === 'bigCommerce',
		);
		if (!trigger) continue;
		const { signBigCommerceUrls } = require(path.join(packageDir, 'dist', 'nodes', 'shared', 'bigCommerce', 'carriers.js'));
		return signBigCommerceUrls(`${webhookUrl}/webhook/${trigger.webhookId}/rates`, callbackSecret, BIGCOMMERCE_STORE_HASH);
	}
	return null;
}

/* ------------------------------------------------------------------------------------------------
 * startStack
 * --------------------------------------------------------------------------------------------- */

/**
 * @param {object} [options]
 * @param {string} [options.userFolder] persistent user folder (kept on stop); default a temp folder
 * @param {number} [options.port] n8n port (default: free port)
 * @param {number} [options.brokerPort] task runner broker port (default: free port)
 * @param {{highlevel?: number, shippo?: number, provider?: number, launchmystore?: number, bigcommerce?: number}} [options.standinPorts] (default: free ports)
 * @param {{highlevelUrl: string, shippoUrl: string}} [options.standins] use running stand-ins
 * @param {object} [options.seed] seed data of the HighLevel stand-in (see test/standins); default: zones Domestic (US) and International (CA, GB) for the location
 * @param {string[]} [options.workflows] workflow files (default workflows/*.json)
 * @param {'all'|'triggered'|string[]|false} [options.activate] ids or file names to publish (default 'triggered')
 * @param {string} [options.callbackSecret] default: random per stack
 * @param {string} [options.locationId] default 'LOCATION_ID_HERE' (the altId of HighLevel's documented callback example)
 * @param {{companyId: string, locations: Array<{_id: string, name: string, address?: string}>}} [options.agency]
 *   agency mode: the HighLevel credential holds an agency token of this company, and the stand-in
 *   knows the app as installed on these locations (location tokens via POST /oauth/locationToken)
 * @param {string} [options.encryptionKey]
 * @param {{email: string, password: string, firstName: string, lastName: string}} [options.owner]
 * @param {'auto'|boolean} [options.build] default 'auto'
 * @param {string} [options.packDir] folder to `npm pack` and read node descriptions from (default: the repository)
 * @param {object} [options.env] extra environment for n8n
 * @param {string} [options.logLevel] default 'info'
 * @param {number} [options.timeoutMs] per wait (readiness, publication, registration); default 180000
 * @param {(message: string) => void} [options.log] progress messages
 * @param {boolean} [options.queue] n8n's queue mode: Redis and PostgreSQL (scripts/lib/stack/services.js),
 *   then main (`n8n start`, production webhooks off), one webhook process (`n8n webhook`, where
 *   production webhooks and the carrier's callback URL go) and two workers (`n8n worker
 *   --concurrency=<options.workerConcurrency, default 10>`), sharing the user folder and encryption
 *   key, each health-checked; claim.json's Redis nodes are turned on with a Redis credential on the
 *   queue's Redis unless options.claims === false
 */
async function startStack(options = {}) {
	const log = options.log || (() => {});
	const started = Date.now();
	const timeoutMs = options.timeoutMs || 180000;
	const locationId = options.locationId || 'LOCATION_ID_HERE';
	const persistent = Boolean(options.userFolder);
	const userFolder = persistent
		? path.resolve(options.userFolder)
		: fs.mkdtempSync(path.join(os.tmpdir(), 'hls-n8n-'));
	fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	const reused = fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	const logFile = path.join(userFolder, 'n8n.log');

	let standinsRun = null;
	// The n8n processes started (main; in queue mode also the webhook process and the workers) and
	// the queue-mode services (Redis, PostgreSQL), in start order.
	const processes = [];
	const services = [];
	const mainProcess = () => processes.find((p) => p.role === 'main');

	let stopping = null;
	const cleanup = () => {
		if (!stopping) stopping = stopAll();
		return stopping;
	};
	/** Stops every n8n process (webhook processes and workers first, main last), then the services. */
	const stopAll = async () => {
		const shutdown = {};
		for (const p of processes.filter((q) => q.role === 'worker')) {
			try {
				process.kill(-p.pid, 'SIGCONT');
			} catch {
				// gone
			}
		}
		// 'term' = left within the grace period with exit code 0; 'exit <code>' = left with an error
		// (n8n exits 1 when its own graceful-shutdown timeout passes); 'kill' = SIGKILL was needed.
		const stopOne = async (p) => {
			let how = await killGroup(p.pid, options.queue ? 40000 : 8000);
			n8nGroups.delete(p.pid);
			for (let i = 0; i < 20 && !p.exit(); i++) await sleep(50);
			const exit = p.exit();
			if (how === 'term' && exit && exit.code !== 0 && exit.code !== null) how = `exit ${exit.code}`;
			shutdown[p.label || p.role] = how;
		};
		await Promise.all(processes.filter((p) => p.role !== 'main').map(stopOne));
		if (mainProcess()) await stopOne(mainProcess());
		for (const service of [...services].reverse()) {
			try {
				shutdown[service.label] = await service.stop();
			} catch (error) {
				shutdown[service.label] = `failed: ${error.message}`;
			}
		}
		if (standinsRun && standinsRun.owned) {
			try {
				await standinsRun.handle.close();
			} catch {
				// closing is best effort
			}
		}
		if (!persistent) fs.rmSync(userFolder, { recursive: true, force: true });
		return shutdown;
	};

	try {
		await ensureBuilt(options.build === undefined ? 'auto' : options.build, log);
		const n8n = await installN8n(log);

		const [port, brokerPort, hlPort, shippoPort, webhookPort, ...queuePorts] = await freePorts(5 + (options.queue ? 1 + 2 * QUEUE_WORKERS : 0));
		const n8nPort = options.port || port;
		const runnerPort = options.brokerPort || brokerPort;
		const n8nUrl = `http://127.0.0.1:${n8nPort}`;
		// Production webhooks: n8n's own port, or in queue mode the webhook process's.
		const webhookUrl = options.queue ? `http://127.0.0.1:${options.webhookPort || webhookPort}` : n8nUrl;
		let queueEnv = {};
		let redis = null;
		if (options.queue) {
			const { redisServer } = await installServices(log);
			redis = await startRedis({ redisServer, logFile: path.join(userFolder, 'redis.log') });
			services.push({ label: 'redis', stop: redis.stop });
			const postgres = await startPostgres({ logFile: path.join(userFolder, 'postgres.log') });
			services.push({ label: 'postgres', stop: postgres.stop });
			log(`Redis on 127.0.0.1:${redis.port}, PostgreSQL on 127.0.0.1:${postgres.port}`);
			queueEnv = { ...queueEnvironment({ redis, postgres }), N8N_WEBHOOK_URL: `${webhookUrl}/` };
		}
		const env = n8nEnvironment({
			userFolder,
			port: n8nPort,
			brokerPort: runnerPort,
			encryptionKey: options.encryptionKey || DEV_ENCRYPTION_KEY,
			logLevel: options.logLevel || 'info',
			extra: { ...queueEnv, ...(options.env || {}) },
		});
		const cli = async (...args) => {
			const result = await run(n8n.node, [n8n.n8nBin, ...args], {
				env,
				cwd: userFolder,
				timeoutMs: 300000,
			});
			if (/An error occurred|Error updating database|There was an error/i.test(result.output)) {
				throw new Error(
					`n8n ${args.join(' ')} reported an error:\n${result.output.trim().split('\n').slice(-30).join('\n')}`,
				);
			}
			return result.output;
		};

		log(`installing the pack into ${userFolder}`);
		// options.installPack === false boots n8n without the pack (the benchmark's memory baseline).
		const packageDir =
			options.installPack === false
				? (fs.rmSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true, force: true }), null)
				: await installPack(userFolder, options.packDir || ROOT);

		const standinPorts = {
			highlevel: (options.standinPorts && options.standinPorts.highlevel) || hlPort,
			shippo: (options.standinPorts && options.standinPorts.shippo) || shippoPort,
			provider: (options.standinPorts && options.standinPorts.provider) || 0,
			launchmystore: (options.standinPorts && options.standinPorts.launchmystore) || 0,
			bigcommerce: (options.standinPorts && options.standinPorts.bigcommerce) || 0,
		};
		standinsRun = await startStandins({
			standins: options.standins,
			standinPorts,
			seed: options.seed || defaultSeed(locationId),
			locationId,
			agency: options.agency,
		});
		const standins = standinsRun.handle;
		log(`stand-ins: HighLevel ${standins.highlevel.url}, Shippo ${standins.shippo.url}`);

		// 5. Credentials
		const callbackSecret = options.callbackSecret || crypto.randomBytes(32).toString('base64url');
		// The app's Shared Secret, which decrypts user context (user-context.json).
		const sharedSecret = options.sharedSecret || crypto.randomBytes(24).toString('base64url');
		const records = credentialRecords({
			highlevelUrl: standins.highlevel.url,
			shippoUrl: standins.shippo.url,
			launchMyStoreUrl: standins.launchmystore ? standins.launchmystore.url : undefined,
			bigCommerceUrl: standins.bigcommerce ? standins.bigcommerce.url : undefined,
			callbackSecret,
			sharedSecret,
			locationId,
			agency: options.agency,
			redisPort: redis ? redis.port : undefined,
		});
		const stackDir = path.join(userFolder, 'stack');
		fs.rmSync(stackDir, { recursive: true, force: true });
		fs.mkdirSync(path.join(stackDir, 'workflows'), { recursive: true, mode: 0o700 });
		const credentialsFile = path.join(stackDir, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(records, null, 2), { mode: 0o600 });
		log('importing credentials');
		try {
			await cli('import:credentials', `--input=${credentialsFile}`);
		} finally {
			fs.rmSync(credentialsFile, { force: true });
		}
		const credentialsByType = Object.fromEntries(
			records.map((r) => [r.type, { id: r.id, name: r.name }]),
		);

		// 6. Workflows
		const descriptions = loadDescriptions(options.packDir || ROOT);
		const files = (options.workflows || defaultWorkflowFiles()).map((file) =>
			path.resolve(ROOT, file),
		);
		const highlevelWebhookKey = await standinWebhookKey(standinsRun.handle.highlevel.url);
		const workflows = files.map((file) => {
			let prepared = prepareWorkflow(
				JSON.parse(fs.readFileSync(file, 'utf8')),
				file,
				credentialsByType,
				descriptions,
			);
			// Queue mode: the claim workflow's Redis nodes on (options.claims === false leaves them off).
			if (options.queue && options.claims !== false) prepared = enableClaims(prepared);
			if (options.transformWorkflow) {
				prepared =
					options.transformWorkflow(prepared, path.basename(file), {
						// Where production webhooks arrive (the webhook process in queue mode).
						n8nUrl: webhookUrl,
						highlevelWebhookKey,
						providerUrl: standinsRun.handle.provider ? standinsRun.handle.provider.url : null,
						shippoUrl: standinsRun.handle.shippo.url,
					}) ||
					prepared;
			}
			fs.writeFileSync(
				path.join(stackDir, 'workflows', `${prepared.id}.json`),
				JSON.stringify(prepared, null, 2),
			);
			return { id: prepared.id, name: prepared.name, file, definition: prepared, active: false };
		});
		const activate = options.activate === undefined ? 'triggered' : options.activate;
		for (const workflow of workflows) {
			workflow.active =
				activate === 'all' ||
				(activate === 'triggered' && hasActivatableTrigger(workflow.definition)) ||
				(Array.isArray(activate) &&
					(activate.includes(workflow.id) ||
						activate.includes(path.basename(workflow.file)) ||
						activate.includes(path.basename(workflow.file, '.json'))));
		}
		if (workflows.length) {
			log(`importing ${workflows.length} workflow(s)`);
			const output = await cli(
				'import:workflow',
				'--separate',
				`--input=${path.join(stackDir, 'workflows')}`,
			);
			if (!/Successfully imported/.test(output))
				throw new Error(`n8n import:workflow did not confirm the import:\n${output.slice(-2000)}`);
		}
		for (const workflow of workflows.filter((w) => w.active)) {
			log(`publishing ${workflow.id} (${workflow.name})`);
			await cli('publish:workflow', `--id=${workflow.id}`);
		}

		// 7. n8n start (queue mode: main first, which owns migrations and activation, then the
		// webhook process and the workers)
		log(`starting n8n on ${n8nUrl} (log: ${logFile})`);
		const main = spawnN8n({
			n8n,
			args: ['start'],
			env: options.queue ? { ...env, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } : env,
			cwd: userFolder,
			logFile,
			label: 'main',
		});
		processes.push({ ...main, role: 'main', url: n8nUrl, healthUrl: `${n8nUrl}/healthz/readiness` });
		await waitReady(main, `${n8nUrl}/healthz/readiness`, timeoutMs);
		if (options.queue) {
			const [webhookBroker, ...workerPorts] = queuePorts;
			const others = [
				{
					role: 'webhook',
					label: 'webhook',
					args: ['webhook'],
					env: { ...env, N8N_PORT: String(new URL(webhookUrl).port), N8N_RUNNERS_BROKER_PORT: String(webhookBroker) },
					healthUrl: `${webhookUrl}/healthz/readiness`,
					url: webhookUrl,
				},
				...Array.from({ length: QUEUE_WORKERS }, (_, i) => {
					const [broker, health] = workerPorts.slice(2 * i, 2 * i + 2);
					return {
						role: 'worker',
						label: `worker-${i + 1}`,
						args: ['worker', `--concurrency=${options.workerConcurrency || 10}`],
						env: {
							...env,
							N8N_RUNNERS_BROKER_PORT: String(broker),
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(health),
							N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						},
						healthUrl: `http://127.0.0.1:${health}/healthz/readiness`,
					};
				}),
			];
			const started = others.map((p) => {
				const proc = spawnN8n({ n8n, args: p.args, env: p.env, cwd: userFolder, logFile: path.join(userFolder, `n8n-${p.label}.log`), label: p.label });
				const entry = { ...proc, role: p.role, url: p.url, healthUrl: p.healthUrl };
				processes.push(entry);
				return entry;
			});
			await Promise.all(started.map((p) => waitReady(p, p.healthUrl, timeoutMs)));
			log(`queue mode: webhook process on ${webhookUrl}, ${QUEUE_WORKERS} workers`);
		}
		const bootMs = Date.now() - started;
		log(`n8n ready after ${bootMs} ms`);

		// 8. Owner and publication
		const owner = options.owner || {
			email: 'owner@example.com',
			firstName: 'Stack',
			lastName: 'Owner',
			password: `Owner-${crypto.randomBytes(9).toString('base64url')}1`,
		};
		const session = await ownerSession(n8nUrl, owner);
		for (const workflow of workflows.filter((w) => w.active)) {
			workflow.publication = await waitPublished(session.api, workflow.id, timeoutMs);
		}

		// 9. Registrations made by trigger webhookMethods. n8n runs them when it activates a
		// freshly published workflow at boot, not on later boots of the same user folder, while
		// the stand-ins start empty every time: on a reused folder, publish such workflows again.
		const webhookTypes = new Set([TRIGGER_TYPE]);
		for (const [type, description] of descriptions)
			if ((description.webhooks || []).length) webhookTypes.add(type);
		const republished = new Set();
		const republishAll = async (ids, why) => {
			for (const id of ids) {
				if (republished.has(id)) continue;
				log(`publishing ${id} again over the REST API (${why})`);
				workflows.find((w) => w.id === id).publication = await republish(
					session.api,
					id,
					timeoutMs,
				);
				republished.add(id);
			}
		};
		if (reused) {
			const ids = workflows
				.filter(
					(w) =>
						w.active &&
						(w.definition.nodes || []).some(
							(node) => webhookTypes.has(node.type) && !node.disabled,
						),
				)
				.map((w) => w.id);
			await republishAll(ids, 'reused user folder: re-register webhooks');
		}

		const triggers = workflows
			.filter((w) => w.active)
			.flatMap((w) =>
				(w.definition.nodes || [])
					.filter((node) => node.type === TRIGGER_TYPE && !node.disabled)
					// Only HighLevel triggers register a carrier (the Platform option's default is HighLevel).
					.filter((node) => ((node.parameters || {}).platform || 'highLevel') === 'highLevel')
					.filter((node) => ((node.parameters || {}).registration || 'automatic') === 'automatic')
					.map((node) => ({ workflow: w, node, webhookId: node.webhookId })),
			);
		let carrier = null;
		let activatedBy = null;
		if (triggers.length) {
			const firstTrigger = triggers[0];
			carrier = carrierOf(await listCarriers(standins, locationId), firstTrigger, webhookUrl);
			activatedBy = republished.has(firstTrigger.workflow.id) ? 'rest' : 'boot';
			if (!carrier) {
				await republishAll(
					[...new Set(triggers.map((t) => t.workflow.id))],
					'no carrier registered',
				);
				carrier = await waitFor(
					`a shipping carrier for ${locationId} at the HighLevel stand-in`,
					timeoutMs,
					async () => {
						const found = carrierOf(await listCarriers(standins, locationId), firstTrigger, webhookUrl);
						return found ? { done: true, value: found } : { why: 'none registered yet' };
					},
				);
				activatedBy = 'rest';
			}
			log(`carrier registered (activation: ${activatedBy}): ${carrier.callbackUrl}`);
		}

		// BigCommerce: the carrier (carrier_33) the stand-in store knows asks this n8n's signed Check
		// Connection Options URL before it connects, as BigCommerce asks a registered carrier's URL.
		const bigCommerceUrls = bigCommerceCarrierUrls(workflows, webhookUrl, callbackSecret, packageDir);
		if (bigCommerceUrls && standins.bigcommerce && standins.bigcommerce.service) {
			standins.bigcommerce.service.carriers[BIGCOMMERCE_CARRIER_ID] = { checkConnectionUrl: bigCommerceUrls.checkConnectionUrl, quoteUrl: bigCommerceUrls.quoteUrl };
		}

		const pid = main.pid;
		const signalWorkers = (signal) => {
			for (const p of processes.filter((q) => q.role === 'worker')) process.kill(-p.pid, signal);
		};
		const handle = {
			n8nUrl,
			webhookUrl,
			queue: options.queue
				? {
						redisUrl: redis.url,
						processes: processes.map(({ role, label, pid, url, healthUrl, logFile: file }) => ({ role, label, pid, url, healthUrl, logFile: file })),
						/** Whether every n8n process answers its readiness check. */
						healthy: async () => {
							const checks = await Promise.all(
								processes.map(async (p) => {
									try {
										return (await request('GET', p.healthUrl, { timeoutMs: 5000 })).status === 200;
									} catch {
										return false;
									}
								}),
							);
							return checks.every(Boolean);
						},
						/** SIGSTOP / SIGCONT to the workers' process groups (no job is picked up while paused). */
						pauseWorkers: () => signalWorkers('SIGSTOP'),
						resumeWorkers: () => signalWorkers('SIGCONT'),
					}
				: null,
			editorUrl: `${n8nUrl}/`,
			callbackUrl: carrier ? carrier.callbackUrl : null,
			/** BigCommerce's signed Quote and Check Connection Options URLs of bigcommerce-live-rates.json (or null). */
			bigCommerceUrls,
			sharedSecret,
			carrier,
			activatedBy,
			userFolder,
			persistent,
			reused,
			packageDir,
			standins,
			credentials: records.map(({ id, name, type }) => ({ id, name, type })),
			callbackSecret,
			locationId,
			workflows: workflows.map(({ id, name, file, active, definition }) => ({
				id,
				name,
				file,
				active,
				definition,
			})),
			owner: { email: owner.email, password: owner.password, created: session.createdOwner },
			n8nPid: pid,
			logFile,
			ports: { n8n: n8nPort, broker: runnerPort },
			startMs: Date.now() - started,
			bootMs,
			api: session.api,
			/** RSS of the main n8n process in bytes; { withChildren: true } adds the task runner. */
			rssBytes: async ({ withChildren = false } = {}) =>
				withChildren ? groupPids(pid).reduce((sum, p) => sum + readRss(p), 0) : readRss(pid),
			isRunning: () => isAlive(pid),
			/**
			 * Runs an imported workflow once with `n8n execute` (beside the running server, on its own
			 * task-runner broker port), e.g. a workflow started by a Manual Trigger. `which` is a
			 * workflow id or file name. Resolves with n8n's raw run data (the JSON it prints).
			 */
			executeWorkflow: async (which) => {
				const workflow = workflows.find(
					(w) =>
						w.id === which || path.basename(w.file) === which || path.basename(w.file, '.json') === which,
				);
				if (!workflow) throw new Error(`no imported workflow ${which}`);
				const [brokerPort] = await freePorts(1);
				const result = await run(n8n.node, [n8n.n8nBin, 'execute', `--id=${workflow.id}`, '--rawOutput'], {
					env: { ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
					cwd: userFolder,
					timeoutMs: 180000,
				});
				const lines = result.stdout.split('\n');
				const start = lines.indexOf('{');
				if (start === -1) throw new Error(`n8n execute printed no run data:\n${result.output.slice(-3000)}`);
				// The run data is the JSON from the line "{" to its closing "}" line; n8n may log after it.
				for (let end = lines.length; end > start; end--) {
					if (lines[end - 1] !== '}') continue;
					try {
						return JSON.parse(lines.slice(start, end).join('\n'));
					} catch {
						// not the closing line of the run data: look further up
					}
				}
				throw new Error(`n8n execute printed no readable run data:\n${result.output.slice(-3000)}`);
			},
			stop: cleanup,
		};
		return handle;
	} catch (error) {
		const logTail =
			mainProcess() && !error.message.includes(`--- end of ${logFile} ---`)
				? `\n--- end of ${logFile} ---\n${tail(logFile)}`
				: '';
		await cleanup();
		error.message = `startStack failed: ${error.message}${logTail}`;
		throw error;
	}
}

module.exports = {
	startStack,
	adaptToStack,
	setSetting,
	pointInstallAtLiveRates,
	standinWebhookKey,
	installN8n,
	isBuildFresh,
	fixedWorkflowId,
	prepareWorkflow,
	credentialRecords,
	freePorts,
	request,
	PACKAGE,
	ROOT,
};
