#!/usr/bin/env bash
# Makes a throwaway SoftHSM2 token holding an Auto KMS root key, for tests, CI and trying the
# pkcs11 root-key provider on a developer machine. Not a production setup: use the HSM vendor's
# tooling there (see docs/operations.md, "Root key in a PKCS#11 token").
#
# Usage: scripts/softhsm-init.sh DIR [TOKEN_LABEL] [KEY_LABEL]
#
# DIR (created, mode 0700) gets softhsm2.conf and tokens/ (the token store, used through
# SOFTHSM2_CONF only, so the machine's own SoftHSM2 tokens are untouched), user.pin (a random
# PIN, mode 0600) and softhsm.env: the environment that points the service at the token, printed
# on stdout as well. The root key is an AES-256 token key generated inside the token by
# pkcs11-tool: sensitive, private and never extractable (the service refuses any other).
# Needs Debian's softhsm2 and opensc (pkcs11-tool): apt-get install -y softhsm2 opensc
set -euo pipefail

dir=${1:?usage: softhsm-init.sh DIR [TOKEN_LABEL] [KEY_LABEL]}
token=${2:-autokms}
key=${3:-autokms-root}
library=${SOFTHSM2_LIBRARY:-/usr/lib/softhsm/libsofthsm2.so}

for tool in softhsm2-util pkcs11-tool; do
  command -v "$tool" >/dev/null 2>&1 || { echo "softhsm-init: $tool not found; install it: apt-get install -y softhsm2 opensc" >&2; exit 2; }
done
[ -f "$library" ] || { echo "softhsm-init: $library not found; install it: apt-get install -y softhsm2 (or set SOFTHSM2_LIBRARY)" >&2; exit 2; }

umask 077
mkdir -p "$dir/tokens"
chmod 700 "$dir"
dir=$(cd "$dir" && pwd)
conf="$dir/softhsm2.conf"
cat > "$conf" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
export SOFTHSM2_CONF="$conf"

# Random PINs; the SO PIN is not kept (a throwaway token is never re-initialised).
pin=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
so_pin=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$pin" > "$dir/user.pin"

softhsm2-util --init-token --free --label "$token" --pin "$pin" --so-pin "$so_pin" >/dev/null
pkcs11-tool --module "$library" --token-label "$token" --login --pin "$pin" \
  --keygen --key-type AES:32 --label "$key" --sensitive --private >/dev/null 2>&1 \
  || { echo "softhsm-init: pkcs11-tool could not generate the key '$key'" >&2; exit 1; }

cat > "$dir/softhsm.env" <<ENV
SOFTHSM2_CONF=$conf
Kms__RootKeyProvider=pkcs11
Kms__Pkcs11__Library=$library
Kms__Pkcs11__TokenLabel=$token
Kms__Pkcs11__PinFile=$dir/user.pin
Kms__Pkcs11__KeyLabel=$key
ENV
cat "$dir/softhsm.env"
