/**
 * The live-rate nodes reach HighLevel only through the platform contract and the trigger edges
 * (nodes/shared/liveRates): no file of the Shipping Rates Trigger or Response imports a module
 * under nodes/shared/highlevel, and the pure platform contract imports nothing of n8n.
 */
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code reading the repository's sources; the rules guard node code */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const HIGHLEVEL_DIR = join(ROOT, 'nodes', 'shared', 'highlevel');

/** Module specifiers of every `import … from`, `export … from`, bare `import '…'` and `require('…')`. */
function specifiersOf(source: string): string[] {
	const pattern = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
	return [...source.matchAll(pattern)].map((match) => match[1]);
}

/** The specifiers of `source` (a file at `file`) that resolve to a module under nodes/shared/highlevel. */
function highLevelImportsOf(file: string, source: string): string[] {
	return specifiersOf(source).filter((specifier) => {
		if (!specifier.startsWith('.')) return false;
		const target = resolve(dirname(file), specifier);
		return target === HIGHLEVEL_DIR || target.startsWith(HIGHLEVEL_DIR + sep);
	});
}

/** The TypeScript files of a folder under the repository root, recursively. */
function tsFilesUnder(folder: string): string[] {
	return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

describe('live-rate nodes: no HighLevel-specific imports', () => {
	it('finds the imports of a file, multi-line ones too, and flags one under nodes/shared/highlevel', () => {
		const file = join(ROOT, 'nodes', 'ShippingRatesTrigger', 'example.ts');
		const source = [
			"import type { A } from './callback';",
			'import {',
			'\tB,',
			"} from '../../nodes/shared/highlevel/transport';",
			"export { C } from '../../nodes/shared/highlevel';",
			"import { D } from '../../nodes/shared/liveRates/edges';",
			"const e = require('../../nodes/shared/highlevel/carriers');",
		].join('\n');
		expect(specifiersOf(source)).toHaveLength(5);
		expect(highLevelImportsOf(file, source)).toEqual([
			'../../nodes/shared/highlevel/transport',
			'../../nodes/shared/highlevel',
			'../../nodes/shared/highlevel/carriers',
		]);
	});

	it.each(['nodes/ShippingRatesTrigger', 'nodes/ShippingRatesResponse'])('%s imports no module under nodes/shared/highlevel', (folder) => {
		const files = tsFilesUnder(folder);
		expect(files.length).toBeGreaterThan(0);
		const offending = files.flatMap((file) =>
			highLevelImportsOf(file, readFileSync(file, 'utf8')).map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
		);
		expect(offending).toEqual([]);
	});

	it('the trigger takes its platform-specific parts from the trigger edges', () => {
		const file = join(ROOT, 'nodes', 'ShippingRatesTrigger', 'ShippingRatesTrigger.node.ts');
		expect(specifiersOf(readFileSync(file, 'utf8'))).toContain('../../nodes/shared/liveRates/edges');
	});

	it('the platform contract imports nothing of n8n; the trigger edge contract nothing of HighLevel', () => {
		const contract = join(ROOT, 'nodes', 'shared', 'liveRates', 'platform.ts');
		expect(specifiersOf(readFileSync(contract, 'utf8')).filter((s) => s.startsWith('n8n'))).toEqual([]);
		const edge = join(ROOT, 'nodes', 'shared', 'liveRates', 'triggerEdge.ts');
		expect(highLevelImportsOf(edge, readFileSync(edge, 'utf8'))).toEqual([]);
	});
});
