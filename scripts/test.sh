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
  echo "== npm ci (exactly package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
# The install must not have rewritten the lock file (a lock that does not match package.json, or
# one written by another npm, would): the build has to be the one the lock describes.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git diff --quiet -- package-lock.json; then
  echo "package-lock.json changed during the install; run npm install and commit the lock file" >&2
  git diff --stat -- package-lock.json >&2
  exit 1
fi

# @n8n/node-cli draws spinners; without a terminal (CI logs) print plain lines instead.
quiet_ui=()
[ -t 1 ] || quiet_ui=(env CI=true NO_COLOR=1)

echo "== build"
"${quiet_ui[@]}" npm run build

echo "== lint"
"${quiet_ui[@]}" npm run lint

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
const need = ["package.json", "README.md", "LICENSE.md", "CHANGELOG.md", "dist/nodes/ShippingRatesTrigger/ShippingRatesTrigger.node.js", "dist/workflows/live-rates.json"];
const missing = need.filter((f) => !files.includes(f));
if (missing.length) { console.error("tarball lacks " + missing.join(", ")); process.exit(1); }
// Lean: the build output and the four documents, nothing else (no sources, tests, specs, scripts).
// (n8n-node build copies every image into dist/, the README screenshots included.)
const extra = files.filter((f) => (!f.startsWith("dist/") && !need.includes(f)) || f.startsWith("dist/docs/") || f.endsWith(".tsbuildinfo"));
if (extra.length) { console.error("tarball carries more than dist/ and the documents: " + extra.join(", ")); process.exit(1); }
console.log("tarball " + info.filename + ": " + files.length + " files, " + info.size + " bytes, no runtime dependencies");
'
rm -f .pack.json

echo "== n8n's community-package scan (the checks that run before publishing)"
bash scripts/scan-package.sh

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
