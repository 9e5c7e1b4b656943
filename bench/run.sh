#!/usr/bin/env bash
# Encrypt (AES-256-GCM, 256-byte plaintext) against the service and against the HTTP floor
# (bench/floor: the same request and answer with no database, no pipeline, no audit), with wrk on
# this machine. Usage: bench/run.sh [--smoke]
#   full mode: concurrency 1, 16, 64, 10 s each after a 3 s warm-up per target; writes
#              bench/results/latest.md and the table between the markers in docs/performance.md.
#   --smoke:   concurrency 1 and 16, 1 s each, no warm-up; writes bench/results/smoke.md (ignored
#              by git). Exits 0 unless the harness broke (a build failed, a target never answered
#              200, wrk measured nothing); slow numbers are not a failure. Last line:
#              "bench smoke: ok" or "bench smoke: FAILED <why>".
# Targets, interleaved at each concurrency: the service (audit on, the default), a second service
# instance with Kms__Audit__Enabled=false, and the floor's three endpoints.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

smoke=0
[ "${1:-}" = "--smoke" ] && smoke=1
if [ "$smoke" -eq 1 ]; then
  connections=(1 16); seconds=1; warmup=0
else
  connections=(1 16 64); seconds=10; warmup=3
fi

tmp="$(mktemp -d)"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "bench: $1" >&2
  if [ "$smoke" -eq 1 ]; then echo "bench smoke: FAILED $1"; fi
  exit 1
}

command -v wrk >/dev/null 2>&1 || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; }; }
command -v wrk >/dev/null 2>&1 || fail "wrk is not installed and could not be installed"
command -v curl >/dev/null 2>&1 || fail "curl is not installed"

# --- build -----------------------------------------------------------------------------------
echo "bench: building the service and the floor (Release)"
dotnet publish "$repo/src/AutoKms.Api" -c Release -o "$tmp/service" -v quiet -nologo >"$tmp/build-service.log" 2>&1 \
  || { tail -n 20 "$tmp/build-service.log" >&2; fail "the service did not build"; }
dotnet publish "$here/floor" -c Release -o "$tmp/floor" -v quiet -nologo >"$tmp/build-floor.log" 2>&1 \
  || { tail -n 20 "$tmp/build-floor.log" >&2; fail "the floor did not build"; }

# --- start -----------------------------------------------------------------------------------
# A free loopback port: nothing answers a connection to it (and not one already handed out).
taken=" "
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    case "$taken" in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then taken="$taken$p "; echo "$p"; return 0; fi
  done
  return 1
}
wait_up() { # url pid name
  local i
  for i in $(seq 1 300); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

port_on=$(free_port) && port_off=$(free_port) && port_floor=$(free_port) || fail "no free loopback port found"

mkdir -p "$tmp/on" "$tmp/off" "$tmp/floorwd"
(cd "$tmp/on" && exec env Logging__LogLevel__Default=Warning \
  dotnet "$tmp/service/AutoKms.Api.dll" --urls "http://127.0.0.1:$port_on" --Kms:AllowRootKeyGeneration=true >"$tmp/on/log" 2>&1) &
pids+=($!); pid_on=$!
(cd "$tmp/off" && exec env Logging__LogLevel__Default=Warning Kms__Audit__Enabled=false \
  dotnet "$tmp/service/AutoKms.Api.dll" --urls "http://127.0.0.1:$port_off" --Kms:AllowRootKeyGeneration=true >"$tmp/off/log" 2>&1) &
pids+=($!); pid_off=$!
(cd "$tmp/floorwd" && exec dotnet "$tmp/floor/Floor.dll" --urls "http://127.0.0.1:$port_floor" >"$tmp/floorwd/log" 2>&1) &
pids+=($!); pid_floor=$!

wait_up "http://127.0.0.1:$port_on/system/healthz" "$pid_on" || { tail -n 20 "$tmp/on/log" >&2; fail "the service (audit on) did not start"; }
wait_up "http://127.0.0.1:$port_off/system/healthz" "$pid_off" || { tail -n 20 "$tmp/off/log" >&2; fail "the service (audit off) did not start"; }
wait_up "http://127.0.0.1:$port_floor/healthz" "$pid_floor" || { tail -n 20 "$tmp/floorwd/log" >&2; fail "the floor did not start"; }

create_key() { # port -> key id
  curl -sf -H 'Content-Type: application/json' -d '{"name":"bench","algorithm":"AES256_GCM"}' \
    "http://127.0.0.1:$1/kms/key" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}
key_on=$(create_key "$port_on"); [ -n "$key_on" ] || fail "could not create a key (audit on)"
key_off=$(create_key "$port_off"); [ -n "$key_off" ] || fail "could not create a key (audit off)"

PLAINTEXT_B64=$(head -c 256 /dev/urandom | base64 | tr -d '\n'); export PLAINTEXT_B64

# name|base url|path
targets=(
  "service, audit on|http://127.0.0.1:$port_on|/kms/key/$key_on/encrypt"
  "service, audit off|http://127.0.0.1:$port_off|/kms/key/$key_off/encrypt"
  "floor: minimal API, random bytes|http://127.0.0.1:$port_floor|/floor/echo/$key_on/encrypt"
  "floor: minimal API + AES-256-GCM|http://127.0.0.1:$port_floor|/floor/aes/$key_on/encrypt"
  "floor: MVC + AES-256-GCM|http://127.0.0.1:$port_floor|/floor/mvc/$key_on/encrypt"
)
mvc_name="floor: MVC + AES-256-GCM"

# Every target must answer 200 with a ciphertext before anything is measured.
for t in "${targets[@]}"; do
  IFS='|' read -r name base path <<<"$t"
  code=$(curl -s -o "$tmp/answer" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"plaintext_b64\":\"$PLAINTEXT_B64\"}" "$base$path")
  [ "$code" = "200" ] && grep -q '"ciphertext_b64"' "$tmp/answer" || fail "$name answered $code, not 200 with a ciphertext"
done

# --- measure ---------------------------------------------------------------------------------
to_ms() { # wrk latency (850.00us, 1.23ms, 1.02s, 2.00m) -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
rows="$tmp/rows"; : >"$rows"   # conn|name|rps|p50|p99|errors
if [ "$warmup" -gt 0 ]; then
  echo "bench: warm-up, ${warmup} s per target"
  for t in "${targets[@]}"; do
    IFS='|' read -r name base path <<<"$t"
    TARGET_PATH=$path wrk -t1 -c16 -d"${warmup}s" -s "$here/encrypt.lua" "$base" >/dev/null 2>&1
  done
fi
for c in "${connections[@]}"; do
  for t in "${targets[@]}"; do
    IFS='|' read -r name base path <<<"$t"
    out=$(TARGET_PATH=$path wrk -t1 -c"$c" -d"${seconds}s" --latency -s "$here/encrypt.lua" "$base" 2>&1)
    rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    bad=$(awk '/non-200 answers/ {print $3}' <<<"$out")
    sock=$(awk '/socket errors/ {print $3}' <<<"$out")
    total=$(awk '/requests in/ {print $1}' <<<"$out")
    if [ -z "$rps" ] || [ -z "$p50" ] || [ "${total:-0}" -eq 0 ]; then
      echo "$out" >&2; fail "wrk measured nothing for $name at $c connections"
    fi
    p50=$(to_ms "$p50"); p99=$(to_ms "$p99")
    echo "$c|$name|$rps|$p50|$p99|$((${bad:-0} + ${sock:-0}))" >>"$rows"
    printf 'bench: c=%-3s %-34s %8s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' "$c" "$name" "$rps" "$p50" "$p99" "$((${bad:-0} + ${sock:-0}))"
  done
done

# --- report ----------------------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$repo" status --porcelain -- src bench 2>/dev/null)" ] && commit="$commit (with uncommitted changes)"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
when=$(date -u '+%Y-%m-%d %H:%M UTC')
table="$tmp/table"
{
  echo "| connections | target | req/s | p50 | p99 | errors | req/s vs MVC + AES floor |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for c in "${connections[@]}"; do
    floor=$(awk -F'|' -v c="$c" -v n="$mvc_name" '$1==c && $2==n {print $3}' "$rows")
    awk -F'|' -v c="$c" -v f="$floor" '$1==c {
      ratio = (f > 0) ? sprintf("%.0f %%", 100 * $3 / f) : "n/a"
      printf "| %s | %s | %s | %s ms | %s ms | %s | %s |\n", $1, $2, $3, $4, $5, $6, ratio }' "$rows"
  done
  echo
  echo "Machine: $(nproc) cores (\`nproc\`), CPU \`${cpu:-unknown}\`, .NET SDK $(dotnet --version), commit \`$commit\`, $when."
  echo "Mode: $([ "$smoke" -eq 1 ] && echo smoke || echo full), ${seconds} s per target and concurrency$([ "$warmup" -gt 0 ] && echo " after a ${warmup} s warm-up per target"), \`wrk -t1\` on the same machine over loopback, one run."
  echo "Errors: answers with a status of 400 or more plus socket errors, as wrk counts them. The ratio is the target's req/s over the MVC + AES-256-GCM floor's at the same concurrency."
} >"$table"

mkdir -p "$here/results"
if [ "$smoke" -eq 1 ]; then
  result="$here/results/smoke.md"
else
  result="$here/results/latest.md"
fi
{ echo "# Encrypt against the HTTP floor"; echo; echo "Written by \`bench/run.sh$([ "$smoke" -eq 1 ] && echo ' --smoke')\`."; echo; cat "$table"; } >"$result"
cat "$table"

if [ "$smoke" -eq 0 ]; then
  doc="$repo/docs/performance.md"
  if ! grep -q '<!-- bench:start -->' "$doc"; then
    cat >>"$doc" <<'DOC'

## Benchmark against the HTTP floor

`bench/run.sh` measures encrypt (`AES256_GCM`, a 256-byte plaintext) against the service and
against the HTTP floor: `bench/floor`, a small ASP.NET Core program that reads the same request
and writes an answer of the same shape and size with no database, no key load, no pipeline and
no audit trail, in three forms (a minimal API returning pseudo-random bytes, a minimal API doing real
AES-256-GCM with a key held in memory, an MVC controller doing the same). The service is
measured twice, audit on (the default) and off (`Kms__Audit__Enabled=false`), each a Release
build on a new database. All five targets run interleaved in one run. `bench/run.sh --smoke`
is a one-second check of the harness run by CI; its numbers mean nothing.

<!-- bench:start -->
<!-- bench:end -->
DOC
  fi
  awk -v table="$table" '
    /<!-- bench:start -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }' "$doc" >"$tmp/doc" && cp "$tmp/doc" "$doc"
  echo "bench: wrote $result and docs/performance.md"
else
  echo "bench: wrote $result"
  echo "bench smoke: ok"
fi
