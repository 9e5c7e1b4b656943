-- POST one signature: {"message_b64": MESSAGE_B64} to TARGET_PATH (the service's
-- /kms/key/{id}/sign for an EC_P256 key). AUTH_FILE, when set, names a file whose first line is a
-- bearer token.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
common.post(assert(os.getenv("TARGET_PATH"), "TARGET_PATH is not set"),
  '{"message_b64":"' .. assert(os.getenv("MESSAGE_B64"), "MESSAGE_B64 is not set") .. '"}')
