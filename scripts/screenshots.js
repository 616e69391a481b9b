'use strict';
/**
 * Screenshots of the bundled workflows open in the n8n editor, for the README:
 * workflows/<name>.json → docs/images/workflow-<name>.png (1600×900, overwritten on every run).
 * Started by scripts/screenshots.sh (which installs and builds first): `npm run screenshots`.
 *
 * Boots the demo's stack (scripts/lib/stack.js: the pack, every bundled workflow imported and the
 * triggered ones published, the HighLevel and Shippo stand-ins) in a temporary user folder on free
 * ports, so a running demo is not disturbed. Then Debian's Chromium (scripts/install-chromium.sh),
 * headless through playwright-core, signs in as the stack's owner and, per workflow, opens
 * <n8n>/workflow/<id>, waits until the canvas shows every node of the file (by name), closes what
 * covers the canvas (checklist popover, toasts, dialogs), presses "Zoom to fit", waits for the
 * canvas to settle and writes the PNG. Exits 1, naming the workflows, if any did not render; a
 * picture of the failed page goes to the temporary folder for a look.
 *
 *   node scripts/screenshots.js                  every workflows/*.json
 *   node scripts/screenshots.js live-rates ...   only these (all are still imported: sub-workflows)
 *
 * Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOTS_DIR (default docs/images).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startStack, adaptToStack, ROOT } = require('./lib/stack');
const { workflowNames, imageOf, pngSize } = require('./lib/workflow-images');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT_DIR = path.resolve(ROOT, process.env.SCREENSHOTS_DIR || path.join('docs', 'images'));
const VIEWPORT = { width: 1600, height: 900 };
// The network here is closed: without these, Chromium keeps trying to reach Google's services.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const RENDER_TIMEOUT_MS = 120000;
const STICKY_NOTE = 'n8n-nodes-base.stickyNote';

// What can cover the canvas in n8n 2.41's editor, and how it is closed.
const CLOSE_BUTTONS = [
	'[data-test-id="suggested-actions-close"]', // "Production Checklist" popover of a published workflow
	'[data-test-id="notification-banner-dismiss"]',
	'[data-test-id="credit-banner-dismiss"]',
	'[data-test-id="dialog-close-button"]',
	'[data-test-id="close-button"]',
	'.el-notification__closeBtn', // toasts
	'.el-dialog__headerbtn',
	'.el-message-box__headerbtn',
];
const OVERLAYS = [
	'[data-reka-popper-content-wrapper]',
	'[role="dialog"]',
	'[role="alertdialog"]',
	'[role="tooltip"]',
	'.el-notification',
	'.el-overlay',
	'.el-message-box',
	'.el-popper',
];

const log = (message) => console.log(`[screenshots] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch {
		throw new Error('playwright-core is not installed: run `npm install` (it is a devDependency)');
	}
}

/** The workflow files to photograph: every workflows/*.json, or those named on the command line. */
function selectedFiles(argv) {
	const all = workflowNames().map((name) => `${name}.json`);
	if (!argv.length) return all;
	const wanted = argv.map((arg) => path.basename(arg, '.json'));
	const unknown = wanted.filter((name) => !all.includes(`${name}.json`));
	if (unknown.length) throw new Error(`no such workflow in workflows/: ${unknown.join(', ')}`);
	return all.filter((file) => wanted.includes(path.basename(file, '.json')));
}

/** Visible elements that cover the page, as short descriptions. */
async function visibleOverlays(page) {
	const found = [];
	for (const selector of OVERLAYS) {
		const items = page.locator(selector);
		const count = await items.count();
		for (let i = 0; i < count; i++) {
			const item = items.nth(i);
			if (!(await item.isVisible().catch(() => false))) continue;
			const box = await item.boundingBox().catch(() => null);
			if (!box || box.width < 2 || box.height < 2) continue;
			const text = ((await item.innerText().catch(() => '')) || '').replace(/\s+/g, ' ').trim();
			found.push(`${selector} "${text.slice(0, 60)}"`);
		}
	}
	return found;
}

/** Closes popovers, toasts, banners and dialogs; throws if something still covers the page. */
async function dismissOverlays(page) {
	let left = [];
	for (let attempt = 0; attempt < 5; attempt++) {
		for (const selector of CLOSE_BUTTONS) {
			const buttons = page.locator(selector);
			const count = await buttons.count();
			for (let i = 0; i < count; i++) {
				const button = buttons.nth(i);
				if (await button.isVisible().catch(() => false))
					await button.click({ timeout: 2000 }).catch(() => {});
			}
		}
		left = await visibleOverlays(page);
		if (!left.length) return;
		await page.keyboard.press('Escape');
		await sleep(400);
	}
	left = await visibleOverlays(page);
	if (left.length) throw new Error(`could not close what covers the canvas: ${left.join('; ')}`);
}

/** Waits until the canvas transform has not changed for `quietMs` (after a zoom animation). */
async function waitCanvasSettled(page, quietMs = 700, timeoutMs = 15000) {
	const pane = page.locator('.vue-flow__transformationpane').first();
	let last = null;
	let since = Date.now();
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const transform = await pane.evaluate((element) => element.style.transform);
		if (transform !== last) {
			last = transform;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) {
			return transform;
		}
		await sleep(100);
	}
	throw new Error('the canvas kept moving after "Zoom to fit"');
}

async function photograph(page, n8nUrl, workflow, outFile) {
	const expected = workflow.definition.nodes
		.filter((node) => node.type !== STICKY_NOTE)
		.map((node) => node.name)
		.sort();
	await page.goto(`${n8nUrl}/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
	try {
		await page.waitForFunction(
			(names) => {
				const shown = [...document.querySelectorAll('[data-test-id="canvas-node"]')]
					.map((element) => element.getAttribute('data-node-name'))
					.sort();
				return shown.length === names.length && shown.every((name, i) => name === names[i]);
			},
			expected,
			{ timeout: RENDER_TIMEOUT_MS, polling: 250 },
		);
	} catch {
		const url = page.url();
		if (/\/signin/.test(url))
			throw new Error(`the editor showed its sign-in page (${url}), not the workflow`);
		const shown = await page
			.locator('[data-test-id="canvas-node"]')
			.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-name')));
		throw new Error(
			`the canvas did not show the workflow's ${expected.length} nodes within ${RENDER_TIMEOUT_MS / 1000} s ` +
				`(${shown.length} shown: ${shown.join(', ') || 'none'}; page ${url})`,
		);
	}
	// Node icons and fonts, then whatever popped up on opening.
	await page.waitForLoadState('load').catch(() => {});
	await sleep(500);
	await dismissOverlays(page);
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	// Off the canvas controls (their tooltips) and the nodes (their toolbars), onto empty canvas.
	await page.mouse.move(VIEWPORT.width - 60, VIEWPORT.height - 160);
	await waitCanvasSettled(page);
	await dismissOverlays(page);
	await page
		.locator('[data-test-id="canvas-minimap"]')
		.waitFor({ state: 'hidden', timeout: 5000 })
		.catch(() => {});
	const png = await page.screenshot({ type: 'png' });
	const size = pngSize(png);
	if (typeof size === 'string' || size.width !== VIEWPORT.width || size.height !== VIEWPORT.height)
		throw new Error(
			`the screenshot is not a ${VIEWPORT.width}×${VIEWPORT.height} PNG (${JSON.stringify(size)})`,
		);
	const partial = `${outFile}.partial`;
	fs.writeFileSync(partial, png);
	fs.renameSync(partial, outFile);
}

async function main() {
	const files = selectedFiles(process.argv.slice(2));
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} is missing: run scripts/install-chromium.sh (Debian's chromium), or set CHROMIUM`,
		);
	}
	const { chromium } = loadPlaywright();
	fs.mkdirSync(OUT_DIR, { recursive: true });

	const began = Date.now();
	let stack = null;
	let browser = null;
	let stopping = false;
	const stopAll = async () => {
		if (browser) await browser.close().catch(() => {});
		if (stack) await stack.stop().catch(() => {});
	};
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			console.log(`\n${signal}: stopping Chromium, n8n and the stand-ins…`);
			void stopAll().then(() => process.exit(130));
		});
	}

	const failures = [];
	try {
		log(
			'starting n8n with the pack, the bundled workflows and the stand-ins (free ports, temporary folder)',
		);
		stack = await startStack({ transformWorkflow: adaptToStack, log });
		log(`n8n ready on ${stack.n8nUrl} after ${((Date.now() - began) / 1000).toFixed(0)} s`);

		browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
		});
		const context = await browser.newContext({
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
			colorScheme: 'light',
		});
		// Signed in as the stack's owner: n8n's session cookie lands in the browser context.
		const login = await context.request.post(`${stack.n8nUrl}/rest/login`, {
			data: { emailOrLdapLoginId: stack.owner.email, password: stack.owner.password },
		});
		if (login.status() !== 200)
			throw new Error(`signing in as ${stack.owner.email} failed: HTTP ${login.status()}`);
		const page = await context.newPage();

		for (const file of files) {
			const base = path.basename(file, '.json');
			const workflow = stack.workflows.find((w) => path.basename(w.file) === file);
			const outFile = path.join(OUT_DIR, path.basename(imageOf(base)));
			const started = Date.now();
			try {
				if (!workflow) throw new Error('not imported by the stack');
				await photograph(page, stack.n8nUrl, workflow, outFile);
				log(
					`${file} → ${path.relative(ROOT, outFile)} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
				);
			} catch (error) {
				const debugFile = path.join(os.tmpdir(), `screenshots-failed-${base}.png`);
				await page.screenshot({ path: debugFile }).catch(() => {});
				failures.push(file);
				console.error(
					`[screenshots] ${file} FAILED: ${error.message}\n  page as it was: ${debugFile}`,
				);
			}
		}
	} finally {
		await stopAll();
	}
	const seconds = ((Date.now() - began) / 1000).toFixed(0);
	if (failures.length) {
		console.error(
			`[screenshots] ${failures.length} of ${files.length} workflow(s) not photographed: ${failures.join(', ')} (${seconds} s)`,
		);
		process.exit(1);
	}
	log(`${files.length} screenshot(s) in ${path.relative(ROOT, OUT_DIR)}/ (${seconds} s)`);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(`[screenshots] ${error && error.message ? error.message : error}`);
		process.exit(1);
	});
}

module.exports = { photograph, CHROMIUM_ARGS, VIEWPORT };
