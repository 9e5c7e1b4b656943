#!/usr/bin/env bash
# Proves that clients generated from the service's OpenAPI document work against the running
# service, and that the document itself lints and matches what the service answers.
#
#   clients/run.sh BASE_URL OPENAPI_JSON_PATH
#   e.g. clients/run.sh http://127.0.0.1:8100 /tmp/openapi.json
#
# Checks (one summary line each, then "clients: N passed, N failed"; exit 1 if any failed):
#   redocly     redocly lint, recommended ruleset: errors fail, warnings are printed
#   spectral    spectral lint with .spectral.yaml (spectral:oas): errors fail, warnings are printed
#   typescript  openapi-typescript types + openapi-fetch flow (ts/flow.ts): tsc --noEmit, then run
#   nswag       NSwag C# client (System.Text.Json) + flow (nswag/Program.cs): build, then run
#   kiota       Kiota C# client + flow (kiota/Program.cs): build, then run
#   prism       every operation through `prism proxy --errors` (prism-flow.mjs): 0 violations
#
# Installs what it needs: npm packages pinned in package-lock.json (npm ci into node_modules/),
# dotnet tools pinned in .config/dotnet-tools.json (dotnet tool restore), NuGet packages on build.
# Needs node (20+), npm and the .NET 10 SDK. Generated code goes to git-ignored folders and is
# regenerated on every run; logs go to out/.
set -uo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 BASE_URL OPENAPI_JSON_PATH" >&2
  exit 2
fi
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE_URL=${1%/}
if [ ! -f "$2" ]; then
  echo "no such file: $2" >&2
  exit 2
fi
DOC=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
OUT=$HERE/out
mkdir -p "$OUT"
cd "$HERE" || exit 2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_SUPPRESS_NOTIFICATIONS=true
export KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_TUTORIAL_ENABLED=false
export NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export SCARF_ANALYTICS=false DO_NOT_TRACK=1 FORCE_COLOR=0 NO_COLOR=1
BIN=$HERE/node_modules/.bin
START=$SECONDS

PASSED=0
FAILED=0
SUMMARY=()
# result NAME PASS|FAIL "details"
result() {
  local line
  line=$(printf '%-10s %s  %s' "$1:" "$2" "$3")
  SUMMARY+=("$line")
  if [ "$2" = PASS ]; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi
  echo "$line"
}
section() { printf '\n=== %s\n' "$*"; }
# show LOG [N]: the last N lines of a log, indented
show() { tail -n "${2:-40}" "$1" | sed 's/^/  | /'; }

PRISM_PID=
cleanup() {
  if [ -n "$PRISM_PID" ] && kill -0 "$PRISM_PID" 2>/dev/null; then
    kill "$PRISM_PID" 2>/dev/null
    wait "$PRISM_PID" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools -----------------------------------------------------------------------------------
section "tools"
missing=
for tool in node npm dotnet; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "missing:$missing (this harness needs node 20+, npm and the .NET 10 SDK)" >&2
  exit 2
fi
echo "node $(node --version), npm $(npm --version), dotnet $(dotnet --version)"

# npm packages: npm ci when node_modules does not hold exactly package-lock.json.
if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  echo "npm ci (package-lock.json) ..."
  if npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >"$OUT/npm-ci.log" 2>&1; then
    cp package-lock.json node_modules/.installed-lock.json
  else
    show "$OUT/npm-ci.log"
    echo "npm ci failed" >&2
    exit 2
  fi
fi
# dotnet tools (NSwag, Kiota) from the local manifest.
if ! dotnet tool restore >"$OUT/dotnet-tool-restore.log" 2>&1; then
  show "$OUT/dotnet-tool-restore.log"
  echo "dotnet tool restore failed" >&2
  exit 2
fi
echo "tools ready ($((SECONDS - START)) s): redocly $("$BIN/redocly" --version 2>/dev/null | tail -n 1), spectral $("$BIN/spectral" --version), prism $("$BIN/prism" --version), openapi-typescript $("$BIN/openapi-typescript" --version 2>/dev/null | tr -d v), tsc $("$BIN/tsc" --version | cut -d' ' -f2), nswag 14.7.1, kiota $(dotnet tool run kiota --version 2>/dev/null | cut -d+ -f1)"

# The service should answer before the client flows start.
if ! node -e 'fetch(process.argv[1] + "/system/healthz").then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$BASE_URL"; then
  echo "warning: $BASE_URL/system/healthz does not answer 200; the client flows will fail" >&2
fi

# ---- 1. lint ---------------------------------------------------------------------------------
section "redocly lint (recommended)"
t=$SECONDS
"$BIN/redocly" lint "$DOC" --config redocly.yaml --format=json >"$OUT/redocly.json" 2>"$OUT/redocly.log"
node lint-report.mjs redocly "$OUT/redocly.json" >"$OUT/redocly.txt"
sed '$d' "$OUT/redocly.txt"
counts=$(tail -n 1 "$OUT/redocly.txt")
errors=$(echo "$counts" | sed -n 's/errors=\([0-9]*\).*/\1/p')
warnings=$(echo "$counts" | sed -n 's/.*warnings=\([0-9]*\)/\1/p')
if [ "${errors:-1}" -eq 0 ]; then
  result redocly PASS "0 errors, ${warnings:-0} warnings ($((SECONDS - t)) s)"
else
  result redocly FAIL "${errors} errors, ${warnings:-0} warnings ($((SECONDS - t)) s)"
fi

section "spectral lint (spectral:oas)"
t=$SECONDS
"$BIN/spectral" lint "$DOC" --ruleset .spectral.yaml --format json --quiet --fail-severity=error >"$OUT/spectral.json" 2>"$OUT/spectral.log"
node lint-report.mjs spectral "$OUT/spectral.json" >"$OUT/spectral.txt"
sed '$d' "$OUT/spectral.txt"
counts=$(tail -n 1 "$OUT/spectral.txt")
errors=$(echo "$counts" | sed -n 's/errors=\([0-9]*\).*/\1/p')
warnings=$(echo "$counts" | sed -n 's/.*warnings=\([0-9]*\)/\1/p')
if [ "${errors:-1}" -eq 0 ]; then
  result spectral PASS "0 errors, ${warnings:-0} warnings ($((SECONDS - t)) s)"
else
  result spectral FAIL "${errors} errors, ${warnings:-0} warnings ($((SECONDS - t)) s)"
  show "$OUT/spectral.log" 10
fi

# ---- 2. TypeScript: openapi-typescript + openapi-fetch ---------------------------------------
section "typescript (openapi-typescript + openapi-fetch)"
t=$SECONDS
rm -rf ts/dist ts/schema.d.ts
if ! "$BIN/openapi-typescript" "$DOC" -o ts/schema.d.ts --redocly ts/redocly-generate.yaml >"$OUT/ts-generate.log" 2>&1; then
  show "$OUT/ts-generate.log"
  result typescript FAIL "openapi-typescript could not generate types ($((SECONDS - t)) s)"
elif ! "$BIN/tsc" -p ts/tsconfig.json --noEmit >"$OUT/ts-check.log" 2>&1; then
  show "$OUT/ts-check.log" 60
  result typescript FAIL "tsc --noEmit (strict): $(grep -c 'error TS' "$OUT/ts-check.log") type errors in flow.ts against the generated types ($((SECONDS - t)) s)"
elif ! "$BIN/tsc" -p ts/tsconfig.json >"$OUT/ts-build.log" 2>&1; then
  show "$OUT/ts-build.log"
  result typescript FAIL "tsc could not emit JavaScript ($((SECONDS - t)) s)"
elif ! timeout 120 node ts/dist/flow.js "$BASE_URL" >"$OUT/ts-flow.log" 2>&1; then
  show "$OUT/ts-flow.log"
  result typescript FAIL "the flow failed against $BASE_URL ($((SECONDS - t)) s)"
else
  show "$OUT/ts-flow.log" 100
  result typescript PASS "types generated, strict type-check clean, flow passed ($((SECONDS - t)) s)"
fi

# ---- 3. C# clients: NSwag and Kiota (one dotnet build at a time) -----------------------------
# build_and_run NAME PROJECT_DIR PROJECT_FILE
build_and_run() {
  local name=$1 dir=$2 project=$3 t=$4
  local assembly
  assembly=$(basename "$project" .csproj)
  if ! dotnet build "$dir/$project" -c Release -nologo -v q -nodeReuse:false -clp:NoSummary -p:UseAppHost=false >"$OUT/$name-build.log" 2>&1; then
    grep -E ' error [A-Z]+[0-9]+' "$OUT/$name-build.log" | sed -E 's# \[[^][]*\]$##; s#^[^ (]*/clients/##' | sort -u >"$OUT/$name-errors.txt"
    if [ -s "$OUT/$name-errors.txt" ]; then show "$OUT/$name-errors.txt" 60; else show "$OUT/$name-build.log"; fi
    result "$name" FAIL "build failed: $(wc -l <"$OUT/$name-errors.txt") compiler errors ($((SECONDS - t)) s)"
  elif ! timeout 120 dotnet "$dir/bin/Release/net10.0/$assembly.dll" "$BASE_URL" >"$OUT/$name-flow.log" 2>&1; then
    show "$OUT/$name-flow.log"
    result "$name" FAIL "the flow failed against $BASE_URL ($((SECONDS - t)) s)"
  else
    show "$OUT/$name-flow.log" 100
    result "$name" PASS "client generated and built, flow passed ($((SECONDS - t)) s)"
  fi
}

section "nswag (openapi2csclient, System.Text.Json)"
t=$SECONDS
rm -rf nswag/Generated
mkdir -p nswag/Generated
if ! dotnet tool run nswag openapi2csclient "/input:$DOC" /output:nswag/Generated/KmsClient.g.cs \
  /namespace:AutoKms.Clients.NSwagFlow.Generated /className:KmsClient /JsonLibrary:SystemTextJson \
  /GenerateClientInterfaces:false >"$OUT/nswag-generate.log" 2>&1 || [ ! -s nswag/Generated/KmsClient.g.cs ]; then
  show "$OUT/nswag-generate.log"
  result nswag FAIL "NSwag could not generate the client ($((SECONDS - t)) s)"
else
  build_and_run nswag nswag NSwagFlow.csproj "$t"
fi

section "kiota (generate -l CSharp)"
t=$SECONDS
rm -rf kiota/Generated
if ! dotnet tool run kiota generate -l CSharp -d "$DOC" -o kiota/Generated -c KmsApiClient \
  -n AutoKms.Clients.KiotaFlow.Generated --clean-output --exclude-backward-compatible \
  --log-level Warning >"$OUT/kiota-generate.log" 2>&1; then
  show "$OUT/kiota-generate.log"
  result kiota FAIL "Kiota could not generate the client ($((SECONDS - t)) s)"
else
  grep -E '^(warn|crit|fail)' -A1 "$OUT/kiota-generate.log" | grep -v '^--$' | sed 's/^/  kiota: /'
  build_and_run kiota kiota KiotaFlow.csproj "$t"
fi

# ---- 4. Prism validating proxy ---------------------------------------------------------------
section "prism proxy --errors"
t=$SECONDS
PORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
# Empty the log first: the background job's own redirection may happen after the first look.
: >"$OUT/prism-proxy.log"
"$BIN/prism" proxy "$DOC" "$BASE_URL" --errors -h 127.0.0.1 -p "$PORT" >>"$OUT/prism-proxy.log" 2>&1 &
PRISM_PID=$!
ready=
for _ in $(seq 1 120); do
  if ! kill -0 "$PRISM_PID" 2>/dev/null; then break; fi
  if grep -q "Prism is listening" "$OUT/prism-proxy.log" && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  show "$OUT/prism-proxy.log"
  result prism FAIL "prism proxy did not start ($((SECONDS - t)) s)"
else
  timeout 300 node prism-flow.mjs "http://127.0.0.1:$PORT" "$DOC" >"$OUT/prism-flow.log" 2>&1
  status=$?
  sed 's/^/  | /' "$OUT/prism-flow.log"
  if [ "$status" -ne 0 ] && ! kill -0 "$PRISM_PID" 2>/dev/null; then
    echo "  prism proxy is no longer running; the end of its log:"
    show "$OUT/prism-proxy.log" 20
  fi
  verdict=$(grep '^prism flow:' "$OUT/prism-flow.log" | tail -n 1 | sed 's/^prism flow: \(PASS\|FAIL\): //')
  if [ "$status" -eq 0 ]; then
    result prism PASS "${verdict} ($((SECONDS - t)) s)"
  else
    result prism FAIL "${verdict:-the flow stopped (exit $status)} ($((SECONDS - t)) s)"
  fi
fi
cleanup
PRISM_PID=

# ---- summary ---------------------------------------------------------------------------------
section "summary ($((SECONDS - START)) s; logs in $OUT)"
for line in "${SUMMARY[@]}"; do echo "$line"; done
echo "clients: ${PASSED} passed, ${FAILED} failed"
[ "$FAILED" -eq 0 ]
