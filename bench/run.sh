#!/usr/bin/env bash
# The service's benchmark: wrk on this machine against two Release instances of the service and
# against the HTTP floor (bench/floor), every target interleaved at each concurrency in one run.
# Usage: bench/run.sh [--smoke]      (docs/performance.md and bench/README.md say more)
#
#   full mode (no argument): concurrency 1, 4, 16 and 64, 5 s per target and concurrency after a
#     2 s warm-up per target at 16 connections, about 15 minutes on a 2-core machine. Writes
#     bench/results/latest.md, docs/performance-encrypt.png and the part of docs/performance.md
#     between <!-- bench:start --> and <!-- bench:end -->.
#   --smoke: concurrency 1, 1 s per target, no warm-up, every target and every Lua script once;
#     writes bench/results/smoke.md and bench/results/smoke-encrypt.png (both ignored by git).
#     Exits 0 unless the harness broke (a build failed, a target did not answer 2xx in setup, wrk
#     measured nothing or counted a non-2xx answer, the chart failed); slow numbers and missed
#     targets are not failures. Last line: "bench smoke: ok" or "bench smoke: FAILED <why>".
#   Development runs: BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS ("1 16") and BENCH_ONLY (an
#     extended regular expression on operation keys: enc256 enc4k dec256 dec4k enc256v500 batch
#     create rotate sign) override full mode; such a run writes bench/results/custom.md and
#     bench/results/custom-encrypt.png (ignored by git) and leaves docs/ alone.
#
# Targets: the service in protected mode (a bootstrap token; wrk sends a service token issued
# with it) with the audit trail on, the service in open mode with Kms__Audit__Enabled=false, and
# the floor's minimal-API echo, minimal API + AES-256-GCM and MVC + AES-256-GCM endpoints.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

smoke=0
[ "${1:-}" = "--smoke" ] && smoke=1
if [ "$smoke" -eq 1 ]; then
  mode=smoke; read -r -a connections <<<"1"; seconds=1; warmup=0; only=""
else
  mode=full; read -r -a connections <<<"1 4 16 64"; seconds=5; warmup=2; only=""
  if [ -n "${BENCH_SECONDS:-}${BENCH_WARMUP:-}${BENCH_CONNECTIONS:-}${BENCH_ONLY:-}" ]; then
    mode=custom
    seconds="${BENCH_SECONDS:-$seconds}"; warmup="${BENCH_WARMUP:-$warmup}"; only="${BENCH_ONLY:-}"
    [ -n "${BENCH_CONNECTIONS:-}" ] && read -r -a connections <<<"$BENCH_CONNECTIONS"
  fi
fi
warmup_connections=16

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
# The chart is drawn by bench/chart.py (Python 3's standard library only: zlib writes the PNG).
if ! command -v python3 >/dev/null 2>&1 && [ "$smoke" -eq 0 ]; then
  apt-get install -y -qq python3 >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq python3 >/dev/null 2>&1; }
fi

# --- build -----------------------------------------------------------------------------------
echo "bench: building the service and the floor (Release)"
phase_start=$(date +%s)
dotnet publish "$repo/src/AutoKms.Api" -c Release -o "$tmp/service" -v quiet -nologo >"$tmp/build-service.log" 2>&1 \
  || { tail -n 20 "$tmp/build-service.log" >&2; fail "the service did not build"; }
dotnet publish "$here/floor" -c Release -o "$tmp/floor" -v quiet -nologo >"$tmp/build-floor.log" 2>&1 \
  || { tail -n 20 "$tmp/build-floor.log" >&2; fail "the floor did not build"; }
echo "bench: built in $(( $(date +%s) - phase_start )) s"
phase_start=$(date +%s)

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
wait_up() { # url pid
  local i
  for i in $(seq 1 300); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}
random_b64() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }

port_on=$(free_port) && port_off=$(free_port) && port_floor=$(free_port) || fail "no free loopback port found"
mkdir -p "$tmp/on" "$tmp/off" "$tmp/floorwd"
# Secrets stay in 0600 files under $tmp: never on a command line, in the environment or a log.
(umask 077
 random_b64 32 >"$tmp/on/bootstrap.token"
 printf 'Authorization: Bearer %s\n' "$(cat "$tmp/on/bootstrap.token")" >"$tmp/on/bootstrap.header")

# Both instances: key writes and admin calls not rate-limited (as the integration tests' factory
# does), room for the keys and versions that the create and rotate runs make.
service_args=(--Kms:AllowRootKeyGeneration=true
  --Kms:RateLimits:KeyWrites:PermitsPerSecond=0 --Kms:RateLimits:Admin:PermitsPerSecond=0
  --Kms:Limits:MaxKeys=100000000 --Kms:Limits:MaxVersionsPerKey=1000000)
(cd "$tmp/on" && exec env Logging__LogLevel__Default=Warning Kms__Auth__BootstrapTokenFile="$tmp/on/bootstrap.token" \
  dotnet "$tmp/service/AutoKms.Api.dll" --urls "http://127.0.0.1:$port_on" "${service_args[@]}" >"$tmp/on/log" 2>&1) &
pids+=($!); pid_on=$!
(cd "$tmp/off" && exec env Logging__LogLevel__Default=Warning Kms__Audit__Enabled=false \
  dotnet "$tmp/service/AutoKms.Api.dll" --urls "http://127.0.0.1:$port_off" "${service_args[@]}" >"$tmp/off/log" 2>&1) &
pids+=($!); pid_off=$!
(cd "$tmp/floorwd" && exec dotnet "$tmp/floor/Floor.dll" --urls "http://127.0.0.1:$port_floor" >"$tmp/floorwd/log" 2>&1) &
pids+=($!); pid_floor=$!

wait_up "http://127.0.0.1:$port_on/system/healthz" "$pid_on" || { tail -n 20 "$tmp/on/log" >&2; fail "the service (auth + audit on) did not start"; }
wait_up "http://127.0.0.1:$port_off/system/healthz" "$pid_off" || { tail -n 20 "$tmp/off/log" >&2; fail "the service (audit off) did not start"; }
wait_up "http://127.0.0.1:$port_floor/healthz" "$pid_floor" || { tail -n 20 "$tmp/floorwd/log" >&2; fail "the floor did not start"; }

# --- setup -----------------------------------------------------------------------------------
run_id="b$(date +%s)$RANDOM"                 # prefix of every name this run creates
# Versions of the many-version key: 500 (the issue's figure); 50 in smoke mode, where making 500
# (sequential write transactions, each heavier as the key grows) would take most of the budget.
versions=500; [ "$smoke" -eq 1 ] && versions=50
P256=$(random_b64 256); P4K=$(random_b64 4096); MSG=$(random_b64 256)
printf '{"plaintext_b64":"%s"}' "$P256" >"$tmp/p256.json"
printf '{"plaintext_b64":"%s"}' "$P4K" >"$tmp/p4k.json"

# The protected instance: a service token for wrk, issued with the bootstrap token, with the
# scopes the measured operations need (what an application would hold; not kms.admin).
printf '{"name":"%s-wrk","scopes":["kms.encrypt","kms.decrypt","kms.sign","kms.keys.manage","kms.keys.read"]}' "$run_id" >"$tmp/token.json"
code=$(curl -s -o "$tmp/on/token.answer" -w '%{http_code}' -H @"$tmp/on/bootstrap.header" -H 'Content-Type: application/json' \
  --data-binary @"$tmp/token.json" "http://127.0.0.1:$port_on/kms/token")
[ "$code" = "201" ] || fail "could not issue a service token with the bootstrap token (answered $code)"
(umask 077
 sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$tmp/on/token.answer" >"$tmp/on/token"
 printf 'Authorization: Bearer %s\n' "$(cat "$tmp/on/token")" >"$tmp/on/token.header")
rm -f "$tmp/on/token.answer"
[ -s "$tmp/on/token" ] || fail "the token answer held no token"
# Without a token the protected instance must refuse: the measured runs really authenticate.
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"name":"x","algorithm":"AES256_GCM"}' \
  "http://127.0.0.1:$port_on/kms/key")
[ "$code" = "401" ] || fail "the protected instance answered $code, not 401, without a token"
# The open instance ignores Authorization; an empty header file keeps one code path.
: >"$tmp/off/token.header"; : >"$tmp/off/token"

kms() { # instance method path [body file] -> answer on stdout; fails unless 2xx
  local inst=$1 method=$2 path=$3 body=${4:-} port code args=()
  [ "$inst" = on ] && port=$port_on || port=$port_off
  [ -n "$body" ] && args=(-H 'Content-Type: application/json' --data-binary @"$body")
  code=$(curl -s -o "$tmp/$inst/answer" -w '%{http_code}' -X "$method" -H @"$tmp/$inst/token.header" "${args[@]}" \
    "http://127.0.0.1:$port$path")
  case "$code" in 2??) cat "$tmp/$inst/answer" ;; *) echo "bench: $inst $method $path answered $code: $(head -c 300 "$tmp/$inst/answer")" >&2; return 1 ;; esac
}
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
create() { # instance name algorithm -> id
  printf '{"name":"%s","algorithm":"%s"}' "$2" "$3" >"$tmp/$1/create.json"
  kms "$1" POST /kms/key "$tmp/$1/create.json" | json_field id
}

declare -A key_enc key_v500 key_sign keys_rotate ct256 ct4k
for inst in on off; do
  key_enc[$inst]=$(create "$inst" "$run_id-enc" AES256_GCM)
  key_v500[$inst]=$(create "$inst" "$run_id-v500" AES256_GCM)
  key_sign[$inst]=$(create "$inst" "$run_id-sign" EC_P256)
  [ -n "${key_enc[$inst]}" ] && [ -n "${key_v500[$inst]}" ] && [ -n "${key_sign[$inst]}" ] || fail "could not create the keys ($inst)"
  # Keys that the rotate runs cycle through (64 per instance, one request).
  printf '[' >"$tmp/$inst/rot.json"
  for i in $(seq 1 64); do printf '%s{"name":"%s-rot-%d","algorithm":"AES256_GCM"}' "$([ "$i" -gt 1 ] && echo ,)" "$run_id" "$i" >>"$tmp/$inst/rot.json"; done
  printf ']' >>"$tmp/$inst/rot.json"
  keys_rotate[$inst]=$(kms "$inst" POST /kms/key/batch "$tmp/$inst/rot.json" | grep -o '"id":"[^"]*"' | sed 's/"id":"\(.*\)"/\1/' | paste -sd, -)
  [ "$(tr ',' '\n' <<<"${keys_rotate[$inst]}" | grep -c .)" -eq 64 ] || fail "could not create the rotation keys ($inst)"
  ct256[$inst]=$(kms "$inst" POST "/kms/key/${key_enc[$inst]}/encrypt" "$tmp/p256.json" | json_field ciphertext)
  ct4k[$inst]=$(kms "$inst" POST "/kms/key/${key_enc[$inst]}/encrypt" "$tmp/p4k.json" | json_field ciphertext)
  [ -n "${ct256[$inst]}" ] && [ -n "${ct4k[$inst]}" ] || fail "could not make the ciphertexts to decrypt ($inst)"
done
# The many-version keys: versions - 1 rotations each, both instances at once, each one curl
# process with up to 8 requests in flight on kept-alive connections (rotations of one key
# serialize on the write lock; the parallelism hides the round trips).
rotate_many() { # instance port
  local urls=() i
  for i in $(seq 2 "$versions"); do urls+=("http://127.0.0.1:$2/kms/key/${key_v500[$1]}/rotate"); done
  # (curl 7.88 draws its parallel progress meter on stderr even with -s.)
  curl -s -Z --parallel-max 8 -X POST -H @"$tmp/$1/token.header" -w '%{http_code}\n' "${urls[@]}" 2>/dev/null | grep -c '^201$' >"$tmp/$1/rotated"
}
rotate_many on "$port_on" & rot_on=$!
rotate_many off "$port_off" & rot_off=$!
wait "$rot_on" "$rot_off"
for inst in on off; do
  made=$(cat "$tmp/$inst/rotated")
  [ "$made" -eq $((versions - 1)) ] || fail "only $made of $((versions - 1)) rotations of the many-version key answered 201 ($inst)"
  got=$(kms "$inst" GET "/kms/key/${key_v500[$inst]}" | sed -n 's/.*"primary_version":\([0-9]*\).*/\1/p')
  [ "$got" = "$versions" ] || fail "the many-version key has primary version ${got:-?}, not $versions ($inst)"
done
floor_post() { curl -s -H 'Content-Type: application/json' --data-binary @"$2" "http://127.0.0.1:$port_floor$1"; }
ct256[floor]=$(floor_post /floor/aes/x/encrypt "$tmp/p256.json" | json_field ciphertext)
ct4k[floor]=$(floor_post /floor/aes/x/encrypt "$tmp/p4k.json" | json_field ciphertext)
[ -n "${ct256[floor]}" ] && [ -n "${ct4k[floor]}" ] || fail "could not make the floor's ciphertexts"

# --- targets ---------------------------------------------------------------------------------
# Operations, in the order of the report: key|label|floor operation to compare with (or -).
ops=(
  "enc256|encrypt 256 B|enc256"
  "enc4k|encrypt 4 KiB|enc4k"
  "dec256|decrypt 256 B|dec256"
  "dec4k|decrypt 4 KiB|dec4k"
  "enc256v500|encrypt 256 B, key with $versions versions|enc256"
  "batch|encrypt batch, 100 items of 256 B|-"
  "create|create an AES256_GCM key|-"
  "rotate|rotate an AES256_GCM key|-"
  "sign|sign 256 B, EC_P256|-"
)
declare -A op_label op_floor kind_label
for o in "${ops[@]}"; do IFS='|' read -r k l f <<<"$o"; op_label[$k]=$l; op_floor[$k]=$f; done
kinds=(on off echo aes mvc)
kind_label=([on]="service, auth + audit on" [off]="service, open, audit off" [echo]="floor: minimal API, random bytes"
  [aes]="floor: minimal API + AES-256-GCM" [mvc]="floor: MVC + AES-256-GCM")

# One target a line: op|kind|base url|script|items per request|environment for wrk (VAR=value ...)
targets=()
for inst in on off; do
  port=$([ "$inst" = on ] && echo "$port_on" || echo "$port_off")
  base="http://127.0.0.1:$port"; auth="AUTH_FILE=$tmp/$inst/token"; [ "$inst" = off ] && auth="AUTH_FILE="
  k=${key_enc[$inst]}
  targets+=(
    "enc256|$inst|$base|encrypt.lua|1|TARGET_PATH=/kms/key/$k/encrypt PLAINTEXT_B64=$P256 $auth"
    "enc4k|$inst|$base|encrypt.lua|1|TARGET_PATH=/kms/key/$k/encrypt PLAINTEXT_B64=$P4K $auth"
    "dec256|$inst|$base|decrypt.lua|1|TARGET_PATH=/kms/key/$k/decrypt CIPHERTEXT=${ct256[$inst]} $auth"
    "dec4k|$inst|$base|decrypt.lua|1|TARGET_PATH=/kms/key/$k/decrypt CIPHERTEXT=${ct4k[$inst]} $auth"
    "enc256v500|$inst|$base|encrypt.lua|1|TARGET_PATH=/kms/key/${key_v500[$inst]}/encrypt PLAINTEXT_B64=$P256 $auth"
    "batch|$inst|$base|batch.lua|100|TARGET_PATH=/kms/key/$k/encrypt/batch PLAINTEXT_B64=$P256 ITEMS=100 $auth"
    "create|$inst|$base|create.lua|1|$auth"
    "rotate|$inst|$base|rotate.lua|1|KEY_IDS=${keys_rotate[$inst]} $auth"
    "sign|$inst|$base|sign.lua|1|TARGET_PATH=/kms/key/${key_sign[$inst]}/sign MESSAGE_B64=$MSG $auth"
  )
done
for f in echo aes mvc; do
  base="http://127.0.0.1:$port_floor"
  targets+=(
    "enc256|$f|$base|encrypt.lua|1|TARGET_PATH=/floor/$f/x/encrypt PLAINTEXT_B64=$P256"
    "enc4k|$f|$base|encrypt.lua|1|TARGET_PATH=/floor/$f/x/encrypt PLAINTEXT_B64=$P4K"
    "dec256|$f|$base|decrypt.lua|1|TARGET_PATH=/floor/$f/x/decrypt CIPHERTEXT=${ct256[floor]}"
    "dec4k|$f|$base|decrypt.lua|1|TARGET_PATH=/floor/$f/x/decrypt CIPHERTEXT=${ct4k[floor]}"
  )
done
if [ -n "$only" ]; then
  kept=(); for t in "${targets[@]}"; do [[ "${t%%|*}" =~ ^($only)$ ]] && kept+=("$t"); done; targets=("${kept[@]}")
  [ "${#targets[@]}" -gt 0 ] || fail "BENCH_ONLY=$only matches no operation"
fi

# Every target must answer 2xx with the expected answer before anything is measured: the same
# request wrk will send, made once with curl.
check_target() { # op kind base env...
  local op=$1 kind=$2 base=$3; shift 3
  local -A e=(); local kv hdr=() body="" path="" want="" code
  for kv in "$@"; do e[${kv%%=*}]=${kv#*=}; done
  [ -n "${e[AUTH_FILE]:-}" ] && hdr=(-H @"$tmp/on/token.header")
  case "$op" in
    enc256|enc4k|enc256v500) path=${e[TARGET_PATH]}; printf '{"plaintext_b64":"%s"}' "${e[PLAINTEXT_B64]}" >"$tmp/check.json"; want='"ciphertext":"akms:v' ;;
    dec256|dec4k) path=${e[TARGET_PATH]}; printf '{"ciphertext":"%s"}' "${e[CIPHERTEXT]}" >"$tmp/check.json"
                  want="\"plaintext_b64\":\"$([ "$op" = dec256 ] && echo "$P256" || echo "$P4K")\""
                  [ "$kind" = echo ] && want='"plaintext_b64":"' ;;
    batch) path=${e[TARGET_PATH]}; { printf '{"batch_input":['; for i in $(seq 1 "${e[ITEMS]}"); do printf '%s{"plaintext_b64":"%s"}' "$([ "$i" -gt 1 ] && echo ,)" "${e[PLAINTEXT_B64]}"; done; printf ']}'; } >"$tmp/check.json"; want='"batch_results":[' ;;
    create) path=/kms/key; printf '{"name":"%s-check-%s","algorithm":"AES256_GCM"}' "$run_id" "$kind" >"$tmp/check.json"; want='"algorithm":"AES256_GCM"' ;;
    rotate) path="/kms/key/${e[KEY_IDS]%%,*}/rotate"; : >"$tmp/check.json"; want="" ;;
    sign) path=${e[TARGET_PATH]}; printf '{"message_b64":"%s"}' "${e[MESSAGE_B64]}" >"$tmp/check.json"; want='"signature_b64":"' ;;
  esac
  code=$(curl -s -o "$tmp/check.answer" -w '%{http_code}' -X POST "${hdr[@]}" -H 'Content-Type: application/json' \
    --data-binary @"$tmp/check.json" "$base$path")
  case "$code" in 2??) ;; *) echo "bench: $(head -c 300 "$tmp/check.answer")" >&2; return 1 ;; esac
  [ -z "$want" ] || grep -qF -- "$want" "$tmp/check.answer" || { echo "bench: unexpected answer: $(head -c 300 "$tmp/check.answer")" >&2; return 1; }
  [ "$op" != batch ] || ! grep -q '"error"' "$tmp/check.answer" || { echo "bench: a batch item failed" >&2; return 1; }
}
for t in "${targets[@]}"; do
  IFS='|' read -r op kind base script items envs <<<"$t"
  read -r -a envv <<<"$envs"
  check_target "$op" "$kind" "$base" "${envv[@]}" || fail "${op_label[$op]} against ${kind_label[$kind]} did not answer 2xx as expected"
done
echo "bench: started and set up in $(( $(date +%s) - phase_start )) s; ${#targets[@]} targets answer 2xx"

# --- measure ---------------------------------------------------------------------------------
to_ms() { # wrk latency (850.00us, 1.23ms, 1.02s, 2.00m) -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
run_wrk() { # phase connections duration target -> wrk output
  local phase=$1 c=$2 d=$3 op kind base script items envs envv
  IFS='|' read -r op kind base script items envs <<<"$4"
  read -r -a envv <<<"$envs"
  env "${envv[@]}" NAME_PREFIX="$run_id-$phase-c$c-$kind" wrk -t1 -c"$c" -d"${d}s" --latency -s "$here/$script" "$base" 2>&1
}
rows="$tmp/rows"; : >"$rows"   # op|kind|c|req/s|items/s|p50|p99|non-2xx|socket errors
started=$(date +%s)
if [ "$warmup" -gt 0 ]; then
  echo "bench: warm-up, ${warmup} s per target at $warmup_connections connections"
  for t in "${targets[@]}"; do run_wrk warm "$warmup_connections" "$warmup" "$t" >/dev/null; done
fi
bad_total=0
for c in "${connections[@]}"; do
  for t in "${targets[@]}"; do
    IFS='|' read -r op kind base script items envs <<<"$t"
    out=$(run_wrk run "$c" "$seconds" "$t")
    rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    bad=$(awk '/non-2xx answers/ {print $3}' <<<"$out")
    sock=$(awk '/socket errors/ {print $3}' <<<"$out")
    total=$(awk '/requests in/ {print $1}' <<<"$out")
    if [ -z "$rps" ] || [ -z "$p50" ] || [ -z "$bad" ] || [ "${total:-0}" -eq 0 ]; then
      echo "$out" >&2; fail "wrk measured nothing for ${op_label[$op]} against ${kind_label[$kind]} at $c connections"
    fi
    p50=$(to_ms "$p50"); p99=$(to_ms "$p99")
    bad_total=$((bad_total + bad))
    echo "$op|$kind|$c|$rps|$((rps * items))|$p50|$p99|$bad|${sock:-0}" >>"$rows"
    printf 'bench: c=%-3s %-36s %-33s %8s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s  socket %s\n' \
      "$c" "${op_label[$op]}" "${kind_label[$kind]}" "$rps" "$p50" "$p99" "$bad" "${sock:-0}"
  done
done
elapsed=$(( $(date +%s) - started ))

# --- report ----------------------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$repo" status --porcelain -- src bench 2>/dev/null)" ] && commit="$commit (with uncommitted changes)"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)
when=$(date -u '+%Y-%m-%d %H:%M UTC')
machine="$(nproc) cores (\`nproc\`), CPU \`${cpu:-unknown}\`, $mem RAM, .NET SDK $(dotnet --version), $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}'), commit \`$commit\`, $when"

# The table: every operation, target and concurrency measured, in the order of ops and kinds.
labels="$tmp/labels"; : >"$labels"
for o in "${ops[@]}"; do IFS='|' read -r k l f <<<"$o"; echo "op|$k|$l|$f" >>"$labels"; done
for k in "${kinds[@]}"; do echo "kind|$k|${kind_label[$k]}|" >>"$labels"; done
table="$tmp/table"
awk -F'|' '
  FILENAME == ARGV[1] { if ($1 == "op") { nop++; opk[nop] = $2; opl[$2] = $3; opf[$2] = $4 } else { nk++; kk[nk] = $2; kl[$2] = $3 } next }
  { key = $1 SUBSEP $2 SUBSEP $3; row[key] = $0; if (!($3 in seen)) { nc++; cs[nc] = $3; seen[$3] = 1 }; rps[key] = $4 }
  END {
    print "| operation | target | connections | req/s | items/s | p50 | p99 | non-2xx | socket errors | req/s vs MVC + AES floor |"
    print "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= nop; i++) for (j = 1; j <= nk; j++) for (n = 1; n <= nc; n++) {
      o = opk[i]; k = kk[j]; c = cs[n]; key = o SUBSEP k SUBSEP c
      if (!(key in row)) continue
      split(row[key], f, "|")
      ratio = "-"
      fk = opf[o] SUBSEP "mvc" SUBSEP c
      if (opf[o] != "-" && (fk in rps) && rps[fk] > 0) ratio = sprintf("%.2f ×", f[4] / rps[fk])
      items = (o == "batch") ? f[5] : "-"
      printf "| %s | %s | %s | %s | %s | %s ms | %s ms | %s | %s | %s |\n", opl[o], kl[k], c, f[4], items, f[6], f[7], f[8], f[9], ratio
    }
  }' "$labels" "$rows" >"$table"

# The targets of the issue "Fast on one machine and past one machine": MET or MISSED, never a failure.
targets_md="$tmp/targets"
awk -F'|' '
  { key = $1 SUBSEP $2 SUBSEP $3; rps[key] = $4; ips[key] = $5; p99[key] = $7; if (!($3 in seen)) { nc++; cs[nc] = $3; seen[$3] = 1 } }
  function verdict(ok, measured) { return ok ? "MET" : "MISSED" }
  function line(v, what, measured) { printf "- **%s** %s: %s\n", v, what, measured }
  function ratios(a, b, ka, kb, min,    n, c, r, s, all) {
    all = ""; min = -1
    for (n = 1; n <= nc; n++) {
      c = cs[n]
      if (!((a SUBSEP ka SUBSEP c) in rps) || !((b SUBSEP kb SUBSEP c) in rps) || rps[b SUBSEP kb SUBSEP c] == 0) continue
      r = rps[a SUBSEP ka SUBSEP c] / rps[b SUBSEP kb SUBSEP c]
      all = all sprintf("%sc=%s %.2f", (all == "" ? "" : ", "), c, r)
      if (min < 0 || r < min) min = r
    }
    lowest = min; return all
  }
  END {
    split("off|on", insts, "|"); name["off"] = "open, audit off"; name["on"] = "auth + audit on"
    floor["off"] = 0.7; floor["on"] = 0.5
    for (i = 1; i <= 2; i++) {
      k = insts[i]; all = ratios("enc256", "enc256", k, "mvc")
      what = sprintf("encrypt 256 B ≥ %.2f × the MVC + AES floor at every concurrency, %s", floor[k], name[k])
      if (all == "") line("n/a", what, "not measured"); else line(verdict(lowest >= floor[k]), what, sprintf("lowest %.2f × (%s)", lowest, all))
    }
    for (i = 1; i <= 2; i++) {
      k = insts[i]; all = ratios("enc256v500", "enc256", k, k)
      what = sprintf("encrypt 256 B under a key with %d versions at the rate of 1 version (≥ 0.90 × at every concurrency), %s", versions, name[k])
      if (all == "") line("n/a", what, "not measured"); else line(verdict(lowest >= 0.9), what, sprintf("lowest %.2f × (%s)", lowest, all))
    }
    for (i = 1; i <= 2; i++) {
      k = insts[i]; best = -1
      for (n = 1; n <= nc; n++) { key = "batch" SUBSEP k SUBSEP cs[n]; if ((key in ips) && ips[key] > best) { best = ips[key]; bc = cs[n] } }
      what = sprintf("encrypt batch ≥ 250,000 items/s (best concurrency), %s", name[k])
      if (best < 0) line("n/a", what, "not measured"); else line(verdict(best >= 250000), what, sprintf("%d items/s at c=%s", best, bc))
    }
    for (i = 1; i <= 2; i++) {
      k = insts[i]; key = "create" SUBSEP k SUBSEP "16"
      what = sprintf("durable AES256_GCM key creation ≥ 2,000/s at c=16, %s", name[k])
      if (!(key in rps)) line("n/a", what, "c=16 not measured"); else line(verdict(rps[key] >= 2000), what, sprintf("%d/s", rps[key]))
    }
    for (i = 1; i <= 2; i++) {
      k = insts[i]; key = "enc256" SUBSEP k SUBSEP "1"
      what = sprintf("p99 of encrypt 256 B at c=1 < 1 ms, %s", name[k])
      if (!(key in p99)) line("n/a", what, "c=1 not measured"); else line(verdict(p99[key] < 1), what, sprintf("%.2f ms", p99[key]))
    }
  }' versions="$versions" "$rows" >"$targets_md"

notes="$tmp/notes"
{
  echo "- Machine: $machine."
  echo "- Mode: $mode; $seconds s per target and concurrency$([ "$warmup" -gt 0 ] && echo " after a $warmup s warm-up per target at $warmup_connections connections"), all targets interleaved at each concurrency, \`wrk -t1\` on the same machine over loopback, one run (measuring took $elapsed s)."
  echo "- Targets: **auth + audit on** is the service in protected mode (\`Kms:Auth:BootstrapTokenFile\`), wrk sending a service token issued with the bootstrap token (scopes kms.encrypt, kms.decrypt, kms.sign, kms.keys.manage, kms.keys.read), audit trail on; **open, audit off** is a second instance in open mode (no authentication) with \`Kms__Audit__Enabled=false\`. Both: Release build, a new SQLite database, \`Kms:RateLimits:KeyWrites\` and \`Admin\` unlimited, \`Kms:Limits:MaxKeys\` and \`MaxVersionsPerKey\` raised. Floors: \`bench/floor\`, the same request and answer with no database, pipeline or audit."
  echo "- Columns: non-2xx counts answers with a status of 400 or more (wrk's count), socket errors connect, read, write errors and timeouts; items/s is req/s × 100 for the batch; the ratio is req/s over the MVC + AES-256-GCM floor's for the same operation and size at the same concurrency (the many-version key's against the floor's encrypt 256 B)."
} >"$notes"

case "$mode" in
  smoke) result="$here/results/smoke.md"; chart="$here/results/smoke-encrypt.png" ;;
  custom) result="$here/results/custom.md"; chart="$here/results/custom-encrypt.png" ;;
  *) result="$here/results/latest.md"; chart="$repo/docs/performance-encrypt.png" ;;
esac
mkdir -p "$here/results"
chart_note=""
if ! grep -qE '^enc(256|4k)\|' "$rows"; then
  chart_note="- Chart: not drawn (no encrypt measured)."
elif command -v python3 >/dev/null 2>&1; then
  python3 "$here/chart.py" "$rows" "$chart" "$machine" >"$tmp/chart.log" 2>&1 \
    || { cat "$tmp/chart.log" >&2; fail "the chart could not be drawn"; }
  chart_note="- Chart: \`${chart#"$repo/"}\`."
else
  chart_note="- Chart: not drawn (no python3)."
  [ "$smoke" -eq 1 ] || echo "bench: python3 is missing, so no chart" >&2
fi

block="$tmp/block"
{
  cat "$table"; echo
  echo "Targets (a miss is reported, never a failure):"; echo
  cat "$targets_md"; echo
  cat "$notes"
  echo "$chart_note"
} >"$block"
case "$mode" in
  smoke) how="\`bench/run.sh --smoke\`" ;;
  custom) how="\`bench/run.sh\` with BENCH_SECONDS=$seconds BENCH_WARMUP=$warmup BENCH_CONNECTIONS=\"${connections[*]}\" BENCH_ONLY=\"$only\"" ;;
  *) how="\`bench/run.sh\`" ;;
esac
{ echo "# Auto KMS benchmark"; echo; echo "Written by $how; docs/performance.md says how to read it."; echo; cat "$block"; } >"$result"

echo
cat "$table"
echo
echo "targets (a miss is reported, never a failure):"
sed -e 's/^- \*\*\([A-Za-z/]*\)\*\*/  \1/' "$targets_md"
echo
echo "machine: $machine"

if [ "$mode" = full ]; then
  doc="$repo/docs/performance.md"
  grep -q '<!-- bench:start -->' "$doc" && grep -q '<!-- bench:end -->' "$doc" || fail "docs/performance.md lacks the bench markers"
  awk -v block="$block" '
    /<!-- bench:start -->/ { print; while ((getline line < block) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }' "$doc" >"$tmp/doc" && cp "$tmp/doc" "$doc"
  echo "bench: wrote ${result#"$repo/"}, ${chart#"$repo/"} and docs/performance.md"
else
  echo "bench: wrote ${result#"$repo/"}$(grep -q 'not drawn' <<<"$chart_note" || echo " and ${chart#"$repo/"}")"
fi
if [ "$smoke" -eq 1 ]; then
  [ "$bad_total" -eq 0 ] || fail "$bad_total non-2xx answers while measuring"
  echo "bench smoke: ok"
fi
