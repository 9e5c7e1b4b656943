-- POST one decryption: {"ciphertext": CIPHERTEXT} (a self-describing akms:v1:... ciphertext made
-- by the same target in bench/run.sh's setup) to TARGET_PATH. AUTH_FILE, when set, names a file
-- whose first line is a bearer token.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
common.post(assert(os.getenv("TARGET_PATH"), "TARGET_PATH is not set"),
  '{"ciphertext":"' .. assert(os.getenv("CIPHERTEXT"), "CIPHERTEXT is not set") .. '"}')
