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
 *     and "Shippo (stand-in)" (shippoApi, id shippoStandin).
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
 * Returns { n8nUrl, editorUrl, callbackUrl, carrier, activatedBy ('boot' | 'rest'), userFolder,
 * reused, standins, credentials, callbackSecret, locationId, workflows, owner, n8nPid, logFile,
 * executeWorkflow(idOrFile) (one run with `n8n execute`), and options.installPack = false boots n8n
 * without the pack (no workflows then),
 * ports, bootMs, startMs, api(method, path, body) (REST as the owner), rssBytes({ withChildren }),
 * isRunning(), stop() }. stop() ends n8n (SIGTERM to its process group, SIGKILL after a grace
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
 *   makes no outbound connection at start-up. NODE_ENV is removed (Jest sets it to "test", which
 *   silences n8n's logs), as are N8N_*, DB_*, EXECUTIONS_*, QUEUE_* and WEBHOOK_URL from outside.
 * scripts/install-n8n.sh sees this process's environment: N8N_HOME (install folder), N8N_VERSION,
 * NODE24_VERSION.
 */
const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = 'n8n-nodes-highlevel-shipping';
const TRIGGER_TYPE = `${PACKAGE}.shippingRatesTrigger`;
const DEV_ENCRYPTION_KEY = 'n8n-nodes-highlevel-shipping-local-development-key';
const HIGHLEVEL_SCOPES =
	'store/shipping.readonly store/shipping.write store/setting.readonly store/setting.write payments/orders.readonly payments/orders.write products.readonly products.write products/prices.readonly products/prices.write';
const CREDENTIAL_IDS = { highlevel: 'highlevelStandin', shippo: 'shippoStandin', shippoHeader: 'shippoHeaderStandin' };
const STANDIN_TOKEN = 'hl-demo-location-token';
const AGENCY_TOKEN = 'hl-demo-agency-token';
// The HighLevel stand-in's marketplace app; HighLevel client ids are <appId>-<suffix>.
const STANDIN_APP_ID = '6578278e879ad2646715ba9d';

/* ------------------------------------------------------------------------------------------------
 * Small helpers
 * --------------------------------------------------------------------------------------------- */

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

/* ------------------------------------------------------------------------------------------------
 * 1. Build, 2. n8n install, 3. pack install
 * --------------------------------------------------------------------------------------------- */

function newestMtime(dir) {
	let newest = 0;
	if (!fs.existsSync(dir)) return newest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
		else newest = Math.max(newest, fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** Whether dist/ holds every built file package.json lists, newer than the sources. */
function isBuildFresh(root = ROOT) {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const built = [...(pkg.n8n.nodes || []), ...(pkg.n8n.credentials || [])].map((file) =>
		path.join(root, file),
	);
	if (!built.every((file) => fs.existsSync(file))) return false;
	const oldestBuilt = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
	const newestSource = Math.max(
		newestMtime(path.join(root, 'nodes')),
		newestMtime(path.join(root, 'credentials')),
		newestMtime(path.join(root, 'icons')),
	);
	return oldestBuilt >= newestSource;
}

async function ensureBuilt(mode, log) {
	if (mode === false) return;
	if (mode !== true && isBuildFresh()) return;
	const hasGulpfile = fs.existsSync(path.join(ROOT, 'gulpfile.js'));
	log(`building the pack (${hasGulpfile ? 'npm run build' : 'npx n8n-node build'})`);
	if (hasGulpfile) await run('npm', ['run', 'build'], { timeoutMs: 600000 });
	else await run('npx', ['n8n-node', 'build'], { timeoutMs: 600000 });
}

async function installN8n(log) {
	log('checking the pinned n8n install (scripts/install-n8n.sh)');
	const { stdout } = await run('bash', [path.join(ROOT, 'scripts', 'install-n8n.sh')], {
		timeoutMs: 1800000,
		// First run: several minutes of npm output; show the installer's progress lines.
		onStderr: (text) => {
			for (const line of text.split('\n')) if (line.startsWith('[install-n8n]')) log(line);
		},
	});
	const value = (name) => {
		const match = stdout.match(new RegExp(`^${name}=(.*)$`, 'm'));
		if (!match) throw new Error(`scripts/install-n8n.sh printed no ${name}`);
		return match[1].trim();
	};
	const nodeBin = value('NODE24_BIN');
	const app = value('N8N_APP');
	return {
		node: path.join(nodeBin, 'node'),
		n8nBin: path.join(app, 'node_modules', 'n8n', 'bin', 'n8n'),
		app,
	};
}

/** `npm pack` of the repository, extracted where n8n looks for installed community packages. */
async function installPack(userFolder, packDir = ROOT) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hls-pack-'));
	try {
		const { stdout } = await run(
			'npm',
			['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', scratch],
			{
				cwd: packDir,
			},
		);
		const [{ filename }] = JSON.parse(stdout);
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		await run('tar', [
			'-xzf',
			path.join(scratch, path.basename(filename)),
			'-C',
			target,
			'--strip-components=1',
		]);
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(
			manifest,
			`${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`,
		);
	}
	return target;
}

/* ------------------------------------------------------------------------------------------------
 * 5. Credentials, 6. workflows
 * --------------------------------------------------------------------------------------------- */

/**
 * The credentials imported into n8n. With `agency`, the HighLevel credential holds an agency
 * (Company) token of `agency.companyId` instead of a location token.
 */
function credentialRecords({ highlevelUrl, shippoUrl, callbackSecret, sharedSecret, locationId, agency }) {
	const tokenData = agency
		? { access_token: AGENCY_TOKEN, userType: 'Company', companyId: agency.companyId }
		: { access_token: STANDIN_TOKEN, userType: 'Location', locationId, companyId: 'demo-company' };
	return [
		{
			id: CREDENTIAL_IDS.highlevel,
			name: 'HighLevel (stand-in)',
			type: 'highLevelShippingOAuth2Api',
			data: {
				clientId: `${STANDIN_APP_ID}-demo`,
				clientSecret: 'demo-secret',
				authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
				baseUrl: highlevelUrl,
				accessTokenUrl: `${highlevelUrl}/oauth/token`,
				scope: HIGHLEVEL_SCOPES,
				callbackSecret,
				sharedSecret: sharedSecret || '',
				oauthTokenData: {
					token_type: 'Bearer',
					expires_in: 86399,
					refresh_token: 'hl-demo-refresh',
					scope: HIGHLEVEL_SCOPES,
					userId: 'demo-user',
					...tokenData,
				},
			},
		},
		{
			id: CREDENTIAL_IDS.shippo,
			name: 'Shippo (stand-in)',
			type: 'shippoApi',
			data: { token: 'shippo_test_demo', baseUrl: shippoUrl, webhookSecret: '' },
		},
		{
			// The same Shippo token as n8n's generic Header Auth, for core-node workflows (bench/core-peer.json).
			id: CREDENTIAL_IDS.shippoHeader,
			name: 'Shippo header auth (stand-in)',
			type: 'httpHeaderAuth',
			data: { name: 'Authorization', value: 'ShippoToken shippo_test_demo' },
		},
	];
}

/** A stable n8n-style workflow id (16 characters) for a bundled file without one. */
function fixedWorkflowId(file) {
	const base = path.basename(file, '.json');
	return `hls${crypto.createHash('sha256').update(base).digest('hex').slice(0, 13)}`;
}

/** Descriptions of the pack's nodes, by node type (from the built dist/ of the repository). */
function loadDescriptions(packageDir) {
	const byType = new Map();
	try {
		const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
		for (const file of pkg.n8n.nodes || []) {
			const mod = require(path.join(packageDir, file));
			for (const Exported of Object.values(mod)) {
				if (typeof Exported !== 'function') continue;
				const instance = new Exported();
				const description = instance.description || instance.baseDescription;
				if (description && description.name)
					byType.set(`${PACKAGE}.${description.name}`, description);
			}
		}
	} catch {
		// Descriptions only help to add missing credential entries; without them, keys in the file decide.
	}
	return byType;
}

function displayOptionsMatch(displayOptions, parameters, description) {
	if (!displayOptions) return true;
	const valueOf = (name) => {
		if (parameters[name] !== undefined) return parameters[name];
		const property = description.properties.find((p) => p.name === name);
		return property ? property.default : undefined;
	};
	for (const [name, values] of Object.entries(displayOptions.show || {})) {
		if (!values.includes(valueOf(name))) return false;
	}
	for (const [name, values] of Object.entries(displayOptions.hide || {})) {
		if (values.includes(valueOf(name))) return false;
	}
	return true;
}

/**
 * Readies a bundled workflow for import: a fixed id, inactive, and each node's credentials set by
 * type to the imported credentials (also adding required ones a node of this pack needs but the
 * file leaves out).
 */
function prepareWorkflow(workflow, file, credentialsByType, descriptions) {
	const prepared = JSON.parse(JSON.stringify(workflow));
	if (!prepared.id) prepared.id = fixedWorkflowId(file);
	prepared.active = false;
	delete prepared.activeVersionId;
	delete prepared.versionId;
	for (const node of prepared.nodes || []) {
		const credentials = { ...(node.credentials || {}) };
		for (const type of Object.keys(credentials)) {
			if (credentialsByType[type]) credentials[type] = { ...credentialsByType[type] };
		}
		const description = descriptions.get(node.type);
		for (const needed of (description && description.credentials) || []) {
			if (!needed.required || credentials[needed.name] || !credentialsByType[needed.name]) continue;
			if (displayOptionsMatch(needed.displayOptions, node.parameters || {}, description)) {
				credentials[needed.name] = { ...credentialsByType[needed.name] };
			}
		}
		if (Object.keys(credentials).length) node.credentials = credentials;
	}
	return prepared;
}

/**
 * transformWorkflow for startStack: adapts the bundled templates to this stack.
 * - install-carrier.json, marketplace-install.json and uninstall.json: Settings → callbackUrl becomes the Production URL of
 *   the live-rates trigger on this n8n (the templates hold a localhost placeholder);
 * - every HighLevel Trigger: the public key becomes the HighLevel stand-in's webhook key
 *   (context.highlevelWebhookKey, when known), so the stand-in's signed webhooks are accepted;
 * - product-sync.json: Settings → catalogUrl becomes the provider stand-in's product list.
 */
function adaptToStack(definition, file, { n8nUrl, highlevelWebhookKey, providerUrl }) {
	if (file === 'install-carrier.json' || file === 'uninstall.json' || file === 'marketplace-install.json') {
		const liveRates = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', 'live-rates.json'), 'utf8'));
		const trigger = liveRates.nodes.find((n) => n.type === `${PACKAGE}.shippingRatesTrigger`);
		setSetting(definition, 'callbackUrl', `${n8nUrl}/webhook/${trigger.webhookId}/rates`);
	}
	if (file === 'product-sync.json' && providerUrl) setSetting(definition, 'catalogUrl', `${providerUrl}/products`);
	if (highlevelWebhookKey) {
		for (const node of definition.nodes) {
			if (node.type !== `${PACKAGE}.highLevelShippingTrigger`) continue;
			node.parameters = { ...node.parameters, publicKey: highlevelWebhookKey, acceptLegacy: false };
		}
	}
	return definition;
}

/**
 * Sets one value of a bundled workflow's "Settings" node (a Set node whose assignments the other
 * nodes read, e.g. callbackUrl). Throws when the workflow has no such setting.
 */
function setSetting(definition, name, value) {
	const settings = definition.nodes.find((n) => n.name === 'Settings');
	const assignment = settings && settings.parameters.assignments.assignments.find((a) => a.name === name);
	if (!assignment) throw new Error(`${definition.name}: no Settings → ${name}`);
	assignment.value = value;
	return definition;
}

/** The earlier name of adaptToStack. */
const pointInstallAtLiveRates = adaptToStack;

/** The PEM public key the HighLevel stand-in signs its webhooks with (null if it has none). */
async function standinWebhookKey(highlevelUrl) {
	try {
		const response = await request('GET', `${highlevelUrl}/__standin/webhook-key`);
		return response.status === 200 && response.json ? response.json.publicKey : null;
	} catch {
		return null;
	}
}

/** Whether n8n can activate the workflow: it has a trigger other than a Manual Trigger. */
function hasActivatableTrigger(workflow) {
	return (workflow.nodes || []).some(
		(node) =>
			!node.disabled &&
			!/\.manualTrigger$/.test(node.type) &&
			(/Trigger$/.test(node.type) || node.type === 'n8n-nodes-base.webhook'),
	);
}

function defaultWorkflowFiles() {
	const dir = path.join(ROOT, 'workflows');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => path.join(dir, file));
}

/* ------------------------------------------------------------------------------------------------
 * n8n process
 * --------------------------------------------------------------------------------------------- */

function n8nEnvironment({ userFolder, port, brokerPort, encryptionKey, logLevel, extra }) {
	const base = `http://127.0.0.1:${port}/`;
	const env = { ...process.env };
	// Nothing from a surrounding n8n setup leaks in.
	for (const key of Object.keys(env))
		if (/^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_|QUEUE_)/.test(key)) delete env[key];
	// Jest sets NODE_ENV=test, which silences n8n's logs and changes its behaviour.
	delete env.NODE_ENV;
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_WEBHOOK_URL: base,
		N8N_EDITOR_BASE_URL: base,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LOG_LEVEL: logLevel,
		// The README's setting for live rates: an expression isolate only for executions that
		// evaluate an expression (n8n's default creates one per webhook call and execution).
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
		...extra,
	};
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

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when the group is gone. */
async function killGroup(pgid, graceMs = 8000) {
	if (!pgid || !groupAlive(pgid)) return;
	try {
		process.kill(-pgid, 'SIGTERM');
	} catch {
		return;
	}
	const deadline = Date.now() + graceMs;
	while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
	if (groupAlive(pgid)) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// already gone
		}
		const hardDeadline = Date.now() + 5000;
		while (groupAlive(pgid) && Date.now() < hardDeadline) await sleep(50);
	}
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

/* ------------------------------------------------------------------------------------------------
 * REST session (owner) and publication
 * --------------------------------------------------------------------------------------------- */

function cookieFrom(response) {
	const setCookie = [].concat(response.headers['set-cookie'] || []);
	const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	return auth || null;
}

async function ownerSession(n8nUrl, owner) {
	const settings = await request('GET', `${n8nUrl}/rest/settings`);
	const needsSetup = Boolean(
		settings.json && settings.json.data && settings.json.data.userManagement.showSetupOnFirstLoad,
	);
	const response = needsSetup
		? await request('POST', `${n8nUrl}/rest/owner/setup`, { body: owner })
		: await request('POST', `${n8nUrl}/rest/login`, {
				body: { emailOrLdapLoginId: owner.email, password: owner.password },
			});
	const cookie = cookieFrom(response);
	if (response.status !== 200 || !cookie) {
		throw new Error(
			`could not ${needsSetup ? 'set up the owner' : `log in as ${owner.email}`} (HTTP ${response.status}: ${response.text.slice(0, 300)}); ` +
				'pass the owner of this user folder as options.owner, or remove the folder',
		);
	}
	const api = async (method, apiPath, body) => {
		const res = await request(method, `${n8nUrl}${apiPath}`, {
			headers: { cookie },
			body,
			timeoutMs: 30000,
		});
		if (res.status >= 400)
			throw new Error(`${method} ${apiPath}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
		return res.json && res.json.data !== undefined ? res.json.data : res.json;
	};
	return { api, createdOwner: needsSetup };
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

/**
 * Waits until n8n reports every trigger of the workflow activated; throws on failed triggers.
 * A workflow that stays "not_published" with nothing in flight for `idleMs` has no trigger n8n
 * can activate: returned as is.
 */
async function waitPublished(api, workflowId, timeoutMs, idleMs = 15000) {
	let idleSince = null;
	return waitFor(`workflow ${workflowId} to be published`, timeoutMs, async () => {
		const status = await api('GET', `/rest/workflows/${workflowId}/publication-status`);
		if (status.status === 'failed' || status.status === 'partial') {
			const errors = status.triggers
				.filter((t) => t.status === 'failed')
				.map((t) => `${t.nodeId}: ${t.errorMessage}`);
			throw new Error(`workflow ${workflowId} could not be activated: ${errors.join('; ')}`);
		}
		if (status.status === 'published') return { done: true, value: status };
		if (status.status === 'not_published' && !status.pendingVersionId) {
			idleSince = idleSince || Date.now();
			if (Date.now() - idleSince >= idleMs) return { done: true, value: status };
		} else {
			idleSince = null;
		}
		return { why: JSON.stringify(status) };
	});
}

async function waitUnpublished(api, workflowId, timeoutMs) {
	return waitFor(`workflow ${workflowId} to be unpublished`, timeoutMs, async () => {
		const status = await api('GET', `/rest/workflows/${workflowId}/publication-status`);
		if (status.status === 'not_published') return { done: true, value: status };
		return { why: JSON.stringify(status) };
	});
}

/** Unpublishes and publishes a workflow again: runs its triggers' delete, then checkExists/create. */
async function republish(api, workflowId, timeoutMs) {
	await api('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	await waitUnpublished(api, workflowId, timeoutMs);
	const workflow = await api('GET', `/rest/workflows/${workflowId}`);
	await api('POST', `/rest/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	return waitPublished(api, workflowId, timeoutMs);
}

/* ------------------------------------------------------------------------------------------------
 * Stand-ins and carrier registration
 * --------------------------------------------------------------------------------------------- */

/** Shipping carriers the HighLevel stand-in holds for a location (its state, or GET /__standin/state). */
async function listCarriers(standins, locationId) {
	const hl = standins.highlevel;
	let state = hl.state;
	if (!state) {
		const response = await request('GET', `${hl.url}/__standin/state`);
		if (response.status !== 200)
			throw new Error(`HighLevel stand-in: GET /__standin/state → ${response.status}`);
		state = response.json;
	}
	const location = state && state.locations && state.locations[locationId];
	return location ? Object.values(location.carriers || {}) : [];
}

/**
 * The carrier registered by a trigger node of the n8n at `n8nUrl` (matched by its webhook id in
 * the callback URL and by the n8n's address, so that a carrier left behind at shared stand-ins by
 * an earlier n8n with the same workflow is not taken for this one's).
 */
function carrierOf(carriers, trigger, n8nUrl) {
	return carriers.find((carrier) => {
		const url = String(carrier.callbackUrl || '');
		return url.includes(`/webhook/${trigger.webhookId}/`) && url.startsWith(`${n8nUrl}/`);
	});
}

/** Two shipping zones for the stack's location, as a store would have. */
function defaultSeed(locationId) {
	return {
		locations: {
			[locationId]: {
				zones: [
					{ name: 'Domestic', countries: [{ code: 'US' }] },
					{ name: 'International', countries: [{ code: 'CA' }, { code: 'GB' }] },
				],
			},
		},
	};
}

async function startStandins({ standins, standinPorts, seed, locationId, agency }) {
	if (standins && standins.highlevelUrl && standins.shippoUrl) {
		return {
			owned: false,
			handle: {
				highlevel: { url: standins.highlevelUrl.replace(/\/+$/, '') },
				shippo: { url: standins.shippoUrl.replace(/\/+$/, '') },
				close: async () => {},
			},
		};
	}
	const { startStandins: start, startProviderStandin } = require(path.join(ROOT, 'test', 'standins'));
	const handle = await start({
		highlevelPort: standinPorts.highlevel,
		shippoPort: standinPorts.shippo,
		seed,
		// HighLevel answers 403 when a location token is used for another location.
		tokens: {
			[STANDIN_TOKEN]: { locationId },
			...(agency ? { [AGENCY_TOKEN]: { companyId: agency.companyId, userType: 'Company' } } : {}),
		},
		marketplaceAppId: STANDIN_APP_ID,
		agencies: agency ? { [agency.companyId]: { locations: agency.locations } } : {},
	});
	// A dropshipping provider's product API serving the bundled sample catalog (product-sync.json).
	try {
		handle.provider = await startProviderStandin({
			port: standinPorts.provider || 0,
			catalogFile: path.join(ROOT, 'samples', 'dropship-catalog.json'),
		});
	} catch (error) {
		await handle.close();
		throw error;
	}
	const closeBoth = handle.close;
	handle.close = async () => {
		await Promise.all([closeBoth(), handle.provider.close()]);
	};
	return { owned: true, handle };
}

/* ------------------------------------------------------------------------------------------------
 * startStack
 * --------------------------------------------------------------------------------------------- */

/**
 * @param {object} [options]
 * @param {string} [options.userFolder] persistent user folder (kept on stop); default a temp folder
 * @param {number} [options.port] n8n port (default: free port)
 * @param {number} [options.brokerPort] task runner broker port (default: free port)
 * @param {{highlevel?: number, shippo?: number, provider?: number}} [options.standinPorts] (default: free ports)
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
	let child = null;

	let stopping = null;
	const cleanup = () => {
		if (!stopping) stopping = stopAll();
		return stopping;
	};
	const stopAll = async () => {
		if (child && child.pid) {
			await killGroup(child.pid);
			n8nGroups.delete(child.pid);
		}
		if (standinsRun && standinsRun.owned) {
			try {
				await standinsRun.handle.close();
			} catch {
				// closing is best effort
			}
		}
		if (!persistent) fs.rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		await ensureBuilt(options.build === undefined ? 'auto' : options.build, log);
		const n8n = await installN8n(log);

		const [port, brokerPort, hlPort, shippoPort] = await freePorts(4);
		const n8nPort = options.port || port;
		const runnerPort = options.brokerPort || brokerPort;
		const n8nUrl = `http://127.0.0.1:${n8nPort}`;
		const env = n8nEnvironment({
			userFolder,
			port: n8nPort,
			brokerPort: runnerPort,
			encryptionKey: options.encryptionKey || DEV_ENCRYPTION_KEY,
			logLevel: options.logLevel || 'info',
			extra: options.env || {},
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
			callbackSecret,
			sharedSecret,
			locationId,
			agency: options.agency,
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
			if (options.transformWorkflow) {
				prepared =
					options.transformWorkflow(prepared, path.basename(file), {
						n8nUrl,
						highlevelWebhookKey,
						providerUrl: standinsRun.handle.provider ? standinsRun.handle.provider.url : null,
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

		// 7. n8n start
		log(`starting n8n on ${n8nUrl} (log: ${logFile})`);
		fs.appendFileSync(
			logFile,
			`\n=== n8n start ${new Date().toISOString()} (port ${n8nPort}) ===\n`,
		);
		const logFd = fs.openSync(logFile, 'a');
		try {
			child = childProcess.spawn(n8n.node, [n8n.n8nBin, 'start'], {
				cwd: userFolder,
				env,
				detached: true,
				stdio: ['ignore', logFd, logFd],
			});
		} finally {
			fs.closeSync(logFd);
		}
		if (child.pid) n8nGroups.add(child.pid);
		let exitInfo = null;
		child.once('exit', (code, signal) => {
			exitInfo = { code, signal };
		});
		child.once('error', (error) => {
			exitInfo = { code: error.message, signal: null };
		});
		await waitFor('n8n readiness (/healthz/readiness)', timeoutMs, async () => {
			if (exitInfo)
				throw new Error(
					`n8n exited during start-up (code ${exitInfo.code}, signal ${exitInfo.signal})`,
				);
			try {
				const res = await request('GET', `${n8nUrl}/healthz/readiness`, { timeoutMs: 2000 });
				return res.status === 200 ? { done: true } : { why: `HTTP ${res.status}` };
			} catch (error) {
				return { why: error.message };
			}
		});
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
					.filter((node) => ((node.parameters || {}).registration || 'automatic') === 'automatic')
					.map((node) => ({ workflow: w, node, webhookId: node.webhookId })),
			);
		let carrier = null;
		let activatedBy = null;
		if (triggers.length) {
			const main = triggers[0];
			carrier = carrierOf(await listCarriers(standins, locationId), main, n8nUrl);
			activatedBy = republished.has(main.workflow.id) ? 'rest' : 'boot';
			if (!carrier) {
				await republishAll(
					[...new Set(triggers.map((t) => t.workflow.id))],
					'no carrier registered',
				);
				carrier = await waitFor(
					`a shipping carrier for ${locationId} at the HighLevel stand-in`,
					timeoutMs,
					async () => {
						const found = carrierOf(await listCarriers(standins, locationId), main, n8nUrl);
						return found ? { done: true, value: found } : { why: 'none registered yet' };
					},
				);
				activatedBy = 'rest';
			}
			log(`carrier registered (activation: ${activatedBy}): ${carrier.callbackUrl}`);
		}

		const pid = child.pid;
		const handle = {
			n8nUrl,
			editorUrl: `${n8nUrl}/`,
			callbackUrl: carrier ? carrier.callbackUrl : null,
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
		const logTail = child ? `\n--- end of ${logFile} ---\n${tail(logFile)}` : '';
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
