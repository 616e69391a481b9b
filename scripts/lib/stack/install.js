'use strict';
/**
 * Steps 1–3 of a stack: build the pack when stale, the pinned n8n (scripts/install-n8n.sh), and the
 * pack installed into a user folder as n8n installs community packages.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, PACKAGE } = require('./constants');
const { run } = require('./processes');

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
		version: JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'n8n', 'package.json'), 'utf8')).version,
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

module.exports = { isBuildFresh, ensureBuilt, installN8n, installPack };
