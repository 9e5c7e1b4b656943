-- POST /kms/key/{id}/rotate, cycling through KEY_IDS (comma-separated ids of keys kept for
-- rotation by bench/run.sh), so that no one key's version count grows with the whole run and
-- concurrent rotations mostly hit different keys. Each thread starts at another offset. No body.
-- AUTH_FILE, when set, names a file whose first line is a bearer token.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
local ids = {}
for id in string.gmatch(assert(os.getenv("KEY_IDS"), "KEY_IDS is not set"), "[^,]+") do
  ids[#ids + 1] = "/kms/key/" .. id .. "/rotate"
end
local headers = common.headers(false)

local counter = 0
function request()
  counter = counter + 1
  return wrk.format("POST", ids[(counter + (tid or 0) * 7) % #ids + 1], headers, nil)
end
