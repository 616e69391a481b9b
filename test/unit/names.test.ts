/**
 * Names the pack registers in n8n. Credential types share one map across every installed package,
 * so the pack's type names must be its own; display names must not repeat n8n's built-in HighLevel
 * node and credentials. Classes are loaded from the TypeScript sources of the files package.json
 * lists (dist/….js → ….ts).
 */
import type { ICredentialType, INodeType } from 'n8n-workflow';
import pkg from '../../package.json';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultWorkflowFiles } = require('../../scripts/lib/stack/workflows') as {
	defaultWorkflowFiles: () => string[];
};

/** The class a package file exports under its file's name (as n8n loads it), instantiated. */
function load<T>(distFile: string): T {
	const source = `../../${distFile.replace(/^dist\//, '').replace(/\.js$/, '')}`;
	const className = distFile.split('/').pop()!.split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Class = (require(source) as Record<string, new () => T>)[className];
	if (typeof Class !== 'function') throw new Error(`${source} exports no class ${className}`);
	return new Class();
}

const credentials = pkg.n8n.credentials.map((file) => load<ICredentialType>(file));
const nodes = pkg.n8n.nodes.map((file) => load<INodeType>(file).description);

/** Names n8n-nodes-base already shows for HighLevel. */
const BUILT_IN_DISPLAY_NAMES = ['HighLevel', 'HighLevel Trigger', 'HighLevel OAuth2 API', 'HighLevel API'];

describe('names the pack registers', () => {
	test('package.json lists every credential and node', () => {
		expect(credentials.map((c) => c.name).sort()).toEqual([
			'highLevelShippingBigCommerceApi',
			'highLevelShippingLaunchMyStoreApi',
			'highLevelShippingOAuth2Api',
			'highLevelShippingPrivateIntegrationApi',
			'highLevelShippingShippoApi',
		]);
		expect(nodes).toHaveLength(9);
	});

	test.each(pkg.n8n.credentials)('credential type name of %s starts with highLevelShipping', (file) => {
		expect(load<ICredentialType>(file).name).toMatch(/^highLevelShipping[A-Z]\w*Api$/);
	});

	test('no node or credential display name equals a built-in HighLevel one', () => {
		const displayNames = [...nodes.map((n) => n.displayName), ...credentials.map((c) => c.displayName)];
		for (const builtIn of BUILT_IN_DISPLAY_NAMES) expect(displayNames).not.toContain(builtIn);
		expect(new Set(displayNames).size).toBe(displayNames.length);
		// Node instance defaults too: a new node is named after them in the editor.
		for (const node of nodes) expect(BUILT_IN_DISPLAY_NAMES).not.toContain(node.defaults.name);
	});

	test('the HighLevel nodes are named after the pack', () => {
		const byType = Object.fromEntries(nodes.map((n) => [n.name, n]));
		expect(byType.highLevelShipping.displayName).toBe('HighLevel Store Shipping');
		expect(byType.highLevelShippingTrigger.displayName).toBe('HighLevel Store Shipping Trigger');
	});

	test('nodes ask only for the pack credentials', () => {
		const own = new Set(credentials.map((c) => c.name));
		const asked = nodes.flatMap((n) => (n.credentials ?? []).map((c) => c.name));
		expect(asked.length).toBeGreaterThan(0);
		for (const name of asked) expect(own).toContain(name);
	});

	test('bundled workflows name the platform and Shippo credentials by the pack types', () => {
		const own = new Set(credentials.map((c) => c.name));
		const files = defaultWorkflowFiles();
		expect(files.length).toBeGreaterThan(0);
		const foreign: string[] = [];
		for (const file of files) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const workflow = require(file) as { nodes: Array<{ name: string; credentials?: Record<string, unknown> }> };
			for (const node of workflow.nodes) {
				for (const type of Object.keys(node.credentials ?? {})) {
					if (/highlevel|shippo|launchmystore|bigcommerce/i.test(type) && !own.has(type)) foreign.push(`${file.split('/').pop()}: ${node.name}: ${type}`);
				}
			}
		}
		expect(foreign).toEqual([]);
	});

	test('usableAsTool: action nodes yes, triggers and Shipping Rates Response no', () => {
		const tools = Object.fromEntries(nodes.map((n) => [n.name, n.usableAsTool === true]));
		expect(tools).toEqual({
			highLevelShipping: true,
			shippo: true,
			shippingRatesTrigger: false,
			shippingRatesResponse: false,
			shippoTrigger: false,
			highLevelShippingTrigger: false,
			launchMyStore: true,
			launchMyStoreTrigger: false,
			bigCommerceShipping: true,
		});
	});
});
