/**
 * Checks bundled workflow files against the pack's built node descriptions (dist/):
 * - JSON shape: name, nodes[], connections{}; unique node names; connections name real nodes;
 * - every node of this package (`n8n-nodes-highlevel-shipping.<name>`) exists in dist, its
 *   typeVersion is one the node declares, every top-level parameter is a property of the node,
 *   option values are among the declared options, and credential types are ones the node accepts;
 * - no credential ids and nothing secret-looking inside (templates must import anywhere);
 * - nodes with webhooks carry a webhookId.
 * Returns a list of problems (empty = valid). Used by gulpfile.js and the unit tests.
 */
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = 'n8n-nodes-highlevel-shipping';
const SECRET_PATTERN = /(shippo_(live|test)_[a-z0-9]{6,}|Bearer\s+[A-Za-z0-9._-]{12,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)/i;

/** Loads every node listed in package.json's n8n section from `distDir`. */
function loadNodeDescriptions(rootDir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8'));
	const byName = new Map();
	for (const file of pkg.n8n.nodes) {
		const full = path.join(rootDir, file);
		if (!fs.existsSync(full)) throw new Error(`${file} is not built; run n8n-node build first`);
		// n8n loads the class named like the file (Foo.node.js → class Foo).
		const className = path.basename(file, '.node.js');
		const Exported = require(full)[className];
		if (typeof Exported !== 'function') throw new Error(`${file} does not export class ${className}`);
		{
			const instance = new Exported();
			const description = instance.description ?? instance.baseDescription;
			if (description?.name) byName.set(description.name, { description, instance });
		}
	}
	return byName;
}

function versionsOf(description) {
	return Array.isArray(description.version) ? description.version : [description.version];
}

function validateWorkflow(workflow, nodes, label) {
	const problems = [];
	const say = (message) => problems.push(`${label}: ${message}`);
	if (typeof workflow.name !== 'string' || !workflow.name) say('missing "name"');
	if (!Array.isArray(workflow.nodes) || workflow.nodes.length === 0) {
		say('missing "nodes"');
		return problems;
	}
	const names = new Set();
	for (const node of workflow.nodes) {
		if (names.has(node.name)) say(`duplicate node name "${node.name}"`);
		names.add(node.name);
	}
	for (const [from, outputs] of Object.entries(workflow.connections ?? {})) {
		if (!names.has(from)) say(`connection from unknown node "${from}"`);
		for (const branch of Object.values(outputs)) {
			for (const list of branch) {
				for (const link of list ?? []) {
					if (!names.has(link.node)) say(`connection from "${from}" to unknown node "${link.node}"`);
				}
			}
		}
	}
	const text = JSON.stringify(workflow);
	if (SECRET_PATTERN.test(text)) say('contains something that looks like a secret');

	for (const node of workflow.nodes) {
		const where = `node "${node.name}"`;
		for (const credential of Object.values(node.credentials ?? {})) {
			if (credential && credential.id) say(`${where} carries a credential id; templates must not`);
		}
		if (!String(node.type).startsWith(`${PACKAGE}.`)) continue;
		const typeName = node.type.slice(PACKAGE.length + 1);
		const found = nodes.get(typeName.replace(/Tool$/, ''));
		if (!found) {
			say(`${where} has unknown type ${node.type}`);
			continue;
		}
		const { description } = found;
		if (!versionsOf(description).includes(node.typeVersion)) {
			say(`${where} typeVersion ${node.typeVersion} is not one of ${versionsOf(description).join(', ')}`);
		}
		const properties = new Map();
		for (const property of description.properties) {
			if (!properties.has(property.name)) properties.set(property.name, []);
			properties.get(property.name).push(property);
		}
		for (const [key, value] of Object.entries(node.parameters ?? {})) {
			const declared = properties.get(key);
			if (!declared) {
				say(`${where} has parameter "${key}" that ${typeName} does not declare`);
				continue;
			}
			const options = declared.filter((p) => p.type === 'options').flatMap((p) => p.options.map((o) => o.value));
			if (options.length && typeof value === 'string' && !value.startsWith('=') && !options.includes(value)) {
				say(`${where} parameter "${key}" = "${value}" is not one of ${options.join(', ')}`);
			}
		}
		const accepted = new Set((description.credentials ?? []).map((c) => c.name));
		for (const type of Object.keys(node.credentials ?? {})) {
			if (!accepted.has(type)) say(`${where} uses credential type ${type}, which ${typeName} does not accept`);
		}
		if (description.webhooks?.length && !node.webhookId) say(`${where} has webhooks but no webhookId`);
	}
	return problems;
}

/** Validates every *.json in `workflowsDir`; returns { files, problems }. */
function validateWorkflowDir(rootDir, workflowsDir = path.join(rootDir, 'workflows')) {
	const nodes = loadNodeDescriptions(rootDir);
	const files = fs.readdirSync(workflowsDir).filter((f) => f.endsWith('.json')).sort();
	const problems = [];
	for (const file of files) {
		let workflow;
		try {
			workflow = JSON.parse(fs.readFileSync(path.join(workflowsDir, file), 'utf8'));
		} catch (error) {
			problems.push(`${file}: not valid JSON (${error.message})`);
			continue;
		}
		problems.push(...validateWorkflow(workflow, nodes, file));
	}
	return { files, problems };
}

module.exports = { loadNodeDescriptions, validateWorkflow, validateWorkflowDir, PACKAGE };
