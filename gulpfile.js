/**
 * Post-build steps after `n8n-node build` (which compiles TypeScript and copies icons):
 *  1. validateWorkflows: every bundled workflow in workflows/ is checked against the built node
 *     descriptions (node types, versions, parameters, credential types, no credential ids or
 *     secrets) — a template that would not import cleanly fails the build;
 *  2. copyWorkflows: the validated workflows are copied to dist/workflows, so the published
 *     package ships them.
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

exports.validateWorkflows = validateWorkflows;
exports.copyWorkflows = copyWorkflows;
exports.default = series(validateWorkflows, copyWorkflows);
