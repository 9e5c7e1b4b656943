-- POST one encryption: {"plaintext_b64": PLAINTEXT_B64} to TARGET_PATH (bench/run.sh: the
-- service's /kms/key/{id}/encrypt or a floor's encrypt endpoint). Without TARGET_PATH: the
-- service's encrypt route for KEY_ID and, without PLAINTEXT_B64, an 11-byte plaintext
-- (bench/audit-cost.sh). AUTH_FILE, when set, names a file whose first line is a bearer token.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
common.post(os.getenv("TARGET_PATH") or ("/kms/key/" .. os.getenv("KEY_ID") .. "/encrypt"),
  '{"plaintext_b64":"' .. (os.getenv("PLAINTEXT_B64") or "aGVsbG8gd29ybGQ=") .. '"}')
