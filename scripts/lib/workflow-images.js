'use strict';
/**
 * The README's pictures of the bundled workflows: workflows/<name>.json is shown by
 * docs/images/workflow-<name>.png (written by scripts/screenshots.js, checked by
 * test/unit/screenshots.test.ts).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Names (file names without .json) of workflows/*.json, sorted. */
function workflowNames() {
	return fs
		.readdirSync(path.join(ROOT, 'workflows'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => path.basename(file, '.json'))
		.sort();
}

/** The screenshot of workflows/<name>.json, relative to the repository (as README.md links it). */
const imageOf = (name) => `docs/images/workflow-${name}.png`;

/**
 * Width and height from a PNG's IHDR chunk (the chunk every PNG starts with), or a string
 * saying why the data is not a PNG.
 */
function pngSize(data) {
	if (data.length < 33) return `only ${data.length} bytes`;
	if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'no PNG signature';
	if (data.readUInt32BE(8) !== 13 || data.toString('latin1', 12, 16) !== 'IHDR')
		return 'the first chunk is not a 13-byte IHDR';
	return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** pngSize of a file (relative to the repository or absolute), or 'missing'. */
function pngFileSize(file) {
	const absolute = path.resolve(ROOT, file);
	if (!fs.existsSync(absolute)) return 'missing';
	return pngSize(fs.readFileSync(absolute));
}

const readme = () => fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

module.exports = { ROOT, PNG_SIGNATURE, workflowNames, imageOf, pngSize, pngFileSize, readme };
