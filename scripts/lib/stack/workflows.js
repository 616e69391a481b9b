'use strict';
/**
 * Step 6 of a stack: the bundled workflows readied for import (ids, credentials) and adapted to the
 * stack (callback URL, webhook key, catalog URL).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGE } = require('./constants');
const { request } = require('./processes');
const { SHIPPO_TOKEN } = require('./credentials');

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
 * - every HighLevel Store Shipping Trigger node: the public key becomes the HighLevel stand-in's webhook key
 *   (context.highlevelWebhookKey, when known), so the stand-in's signed webhooks are accepted;
 * - product-sync.json: Settings → catalogUrl becomes the provider stand-in's product list;
 * - bigcommerce-live-rates.json: Settings → shippoApiUrl becomes the Shippo stand-in;
 * - bigcommerce-install.json: Settings → connectionKey becomes the stack's Shippo token.
 */
function adaptToStack(definition, file, { n8nUrl, highlevelWebhookKey, providerUrl, shippoUrl }) {
	if (file === 'install-carrier.json' || file === 'uninstall.json' || file === 'marketplace-install.json') {
		const liveRates = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', 'live-rates.json'), 'utf8'));
		const trigger = liveRates.nodes.find((n) => n.type === `${PACKAGE}.shippingRatesTrigger`);
		setSetting(definition, 'callbackUrl', `${n8nUrl}/webhook/${trigger.webhookId}/rates`);
	}
	if (file === 'product-sync.json' && providerUrl) setSetting(definition, 'catalogUrl', `${providerUrl}/products`);
	// BigCommerce: connection checks test the carrier key at the Shippo stand-in; the install
	// workflow connects the carrier with the stack's Shippo token as its key.
	if (file === 'bigcommerce-live-rates.json' && shippoUrl) setSetting(definition, 'shippoApiUrl', shippoUrl);
	if (file === 'bigcommerce-install.json') setSetting(definition, 'connectionKey', SHIPPO_TOKEN);
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

/**
 * Turns on the Redis nodes of the claim workflow (claim.json, id hlsClaimOnce), as a queue-mode user
 * does after picking the Redis credential; other workflows are returned unchanged.
 */
function enableClaims(definition) {
	if (definition.id !== 'hlsClaimOnce') return definition;
	for (const node of definition.nodes) if (node.type === 'n8n-nodes-base.redis') node.disabled = false;
	return definition;
}

module.exports = { enableClaims, fixedWorkflowId, loadDescriptions, prepareWorkflow, adaptToStack, setSetting, pointInstallAtLiveRates, standinWebhookKey, hasActivatableTrigger, defaultWorkflowFiles };
