-- POST /kms/key with a new AES256_GCM key each request. Names never collide: NAME_PREFIX (set by
-- bench/run.sh from a random run prefix, the phase and the concurrency, so every wrk invocation
-- has its own), then the wrk thread's number, then a counter per thread. AUTH_FILE, when set,
-- names a file whose first line is a bearer token.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
local prefix = assert(os.getenv("NAME_PREFIX"), "NAME_PREFIX is not set")
local headers = common.headers(true)

local counter = 0
function request()
  counter = counter + 1
  local body = string.format('{"name":"%s-t%d-%d","algorithm":"AES256_GCM"}', prefix, tid or 0, counter)
  return wrk.format("POST", "/kms/key", headers, body)
end
