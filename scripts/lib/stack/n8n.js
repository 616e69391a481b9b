'use strict';
/**
 * n8n processes: their environment, start and readiness, and n8n's REST API as the owner (session,
 * publication, republication).
 */
const childProcess = require('node:child_process');
const fs = require('node:fs');
const { request, waitFor, n8nGroups, tail } = require('./processes');

function n8nEnvironment({ userFolder, port, brokerPort, encryptionKey, logLevel, extra }) {
	const base = `http://127.0.0.1:${port}/`;
	const env = { ...process.env };
	// Nothing from a surrounding n8n setup leaks in.
	for (const key of Object.keys(env))
		if (/^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_|QUEUE_)/.test(key)) delete env[key];
	return {
		...env,
		// As production runs n8n (Jest's NODE_ENV=test would silence its logs and change its behaviour).
		// Without NODE_ENV, n8n counts as in development and adds a `stacktrace` (file paths) to the
		// error answers of its webhook and REST routes, e.g. for a malformed JSON body. Production mode
		// also turns on n8n's rate limits (login: 5 a minute per e-mail; the stack logs in once per
		// start) and its crash journal (a start after an unclean stop waits 10 s).
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_WEBHOOK_URL: base,
		N8N_EDITOR_BASE_URL: base,
		N8N_ENCRYPTION_KEY: encryptionKey,
		// n8n is served over plain http on loopback: a secure auth cookie would never be sent back, so
		// the owner session (REST calls here, the demo's editor in a browser) would not work.
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


/**
 * Starts one n8n process (`n8n start`, `n8n webhook`, `n8n worker …`) in its own process group
 * (with its task runner), output appended to `logFile`. Returns { pid, exit() (null while
 * running, else { code, signal }) }.
 */
function spawnN8n({ n8n, args, env, cwd, logFile, label }) {
	fs.appendFileSync(logFile, `\n=== n8n ${args.join(' ')} (${label}) ${new Date().toISOString()} ===\n`);
	const logFd = fs.openSync(logFile, 'a');
	let child;
	try {
		child = childProcess.spawn(n8n.node, [n8n.n8nBin, ...args], { cwd, env, detached: true, stdio: ['ignore', logFd, logFd] });
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
	return { pid: child.pid, label, logFile, exit: () => exitInfo };
}

/** Waits until GET <url> answers 200 (n8n's /healthz/readiness); throws if the process exits. */
async function waitReady(proc, url, timeoutMs) {
	await waitFor(`${proc.label} readiness (${url})`, timeoutMs, async () => {
		const exitInfo = proc.exit();
		if (exitInfo) {
			throw new Error(
				`${proc.label} exited during start-up (code ${exitInfo.code}, signal ${exitInfo.signal})\n` +
					`--- end of ${proc.logFile} ---\n${tail(proc.logFile, 40)}`,
			);
		}
		try {
			const res = await request('GET', url, { timeoutMs: 2000 });
			return res.status === 200 ? { done: true } : { why: `HTTP ${res.status}` };
		} catch (error) {
			return { why: error.message };
		}
	});
}

module.exports = { n8nEnvironment, ownerSession, waitPublished, waitUnpublished, republish, spawnN8n, waitReady };
