/**
 * Post-build steps after `n8n-node build` (which compiles TypeScript and copies icons):
 *  1. validateWorkflows: every bundled workflow in workflows/ is checked against the built node
 *     descriptions (node types, versions, parameters, credential types, no credential ids or
 *     secrets) — a template that would not import cleanly fails the build;
 *  2. copyWorkflows: the validated workflows are copied to dist/workflows, so the published
 *     package ships them;
 *  3. copySamples: the sample provider catalog used by product-sync.json (samples/*.json) is
 *     checked to parse and copied to dist/samples.
 */
const path = require('node:path');
const { dest, series, src } = require('gulp');
const { validateWorkflowDir } = require('./scripts/lib/validate-workflows');

function validateWorkflows(done) {
	const { files, problems } = validateWorkflowDir(__dirname);
	if (problems.length) {
		done(new Error(`Bundled workflows are not valid:\n  ${problems.join('\n  ')}`));
		return;
	}
	console.log(`validated ${files.length} bundled workflows: ${files.join(', ')}`);
	done();
}

function copyWorkflows() {
	return src(path.join('workflows', '*.json')).pipe(dest(path.join('dist', 'workflows')));
}

function copySamples() {
	return src(path.join('samples', '*.json'))
		.on('data', (file) => {
			// A sample that does not parse would break the demo's catalog sync: fail the build instead.
			JSON.parse(file.contents.toString('utf8'));
		})
		.pipe(dest(path.join('dist', 'samples')));
}

exports.validateWorkflows = validateWorkflows;
exports.copyWorkflows = copyWorkflows;
exports.copySamples = copySamples;
exports.default = series(validateWorkflows, copyWorkflows, copySamples);
