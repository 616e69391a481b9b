/**
 * n8n's community-package scan (`@n8n/scan-community-package`), the checks of it that can run
 * before publishing: its ESLint rules over the source (package.json, nodes/ and credentials/, as
 * the scan lints the commit that npm provenance points at) and over the packed tarball (compiled
 * `.js` and the published package.json). The provenance check and the download from npm need a
 * published version and run after `npm publish` (`npx @n8n/scan-community-package <name>`).
 *
 * Usage: node scripts/scan-package.mjs <scanner folder> <extracted tarball folder>
 * Exit code 1 with ESLint's report when either leg fails.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [scannerDir, packedDir] = process.argv.slice(2);
if (!scannerDir || !packedDir) {
	console.error('usage: node scripts/scan-package.mjs <scanner folder> <extracted tarball folder>');
	process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const scanner = await import(
	pathToFileURL(path.join(scannerDir, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs')).href
);

let failed = false;
for (const [leg, dir, patterns] of [
	['source', root, scanner.SOURCE_FILE_PATTERNS],
	['tarball', packedDir, ['**/*.js', 'package.json']],
]) {
	const result = await scanner.analyzePackage(dir, patterns);
	if (result.passed) {
		console.log(`scan (${leg}): passed${result.message ? ` (${result.message})` : ''}`);
	} else {
		failed = true;
		console.error(`scan (${leg}): ${result.message}`);
		if (result.details) console.error(result.details);
	}
}
process.exit(failed ? 1 : 0);
