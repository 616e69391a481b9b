#!/usr/bin/env bash
# The project's test command (README, .ci/run): on a fresh machine it installs what it needs,
# builds the pack with @n8n/node-cli (+ gulp workflow validation), lints it, checks the packed
# tarball has no runtime dependencies, runs the unit tests, then the end-to-end tests, which boot a
# pinned real n8n (installed by scripts/install-n8n.sh, with its own Node 24) with the pack
# installed as a package and drive the bundled workflows over HTTP on 127.0.0.1, in one process and
# in queue mode (Redis from Debian's packages via scripts/install-services.sh, PostgreSQL from the
# embedded-postgres devDependency).
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm install (from package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
fi

echo "== build"
npm run build

echo "== lint"
npm run lint

echo "== package: no runtime dependencies"
node -e '
const p = require("./package.json");
const deps = Object.keys(p.dependencies || {});
if (deps.length) { console.error("runtime dependencies found: " + deps.join(", ")); process.exit(1); }
' 
npm pack --dry-run --json --loglevel=error > .pack.json
node -e '
const [info] = require("./.pack.json");
const files = info.files.map((f) => f.path);
const need = ["package.json", "dist/nodes/ShippingRatesTrigger/ShippingRatesTrigger.node.js", "dist/workflows/live-rates.json"];
const missing = need.filter((f) => !files.includes(f));
if (missing.length) { console.error("tarball lacks " + missing.join(", ")); process.exit(1); }
console.log("tarball " + info.filename + ": " + files.length + " files, " + info.size + " bytes, no runtime dependencies");
'
rm -f .pack.json

echo "== n8n (pinned) for the end-to-end tests"
bash scripts/install-n8n.sh > /dev/null

echo "== Redis for the queue-mode end-to-end tests (PostgreSQL comes with npm install)"
bash scripts/install-services.sh > /dev/null

echo "== tests"
mkdir -p .test-results
status=0
npx jest --selectProjects unit --forceExit --json --outputFile=.test-results/unit.json || status=$?
npx jest --selectProjects e2e --runInBand --forceExit --json --outputFile=.test-results/e2e.json || status=$?
node -e '
let passed = 0, failed = 0, skipped = 0;
for (const f of [".test-results/unit.json", ".test-results/e2e.json"]) {
  try {
    const r = require("./" + f);
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); skipped += r.numPendingTests;
  } catch { failed += 1; console.error("no results in " + f); }
}
console.log("tests: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
'
exit $status
