-- POST /kms/key with a new AES256_GCM key each request. Names never collide: NAME_PREFIX (set by
-- bench/run.sh from a random run prefix, the phase and the concurrency, so every wrk invocation
-- has its own), then the wrk thread's number, then a counter per thread. AUTH_FILE, when set,
-- names a file whose first line is a bearer token.
local prefix = assert(os.getenv("NAME_PREFIX"), "NAME_PREFIX is not set")
local headers = { ["Content-Type"] = "application/json" }
local auth = os.getenv("AUTH_FILE")
if auth and auth ~= "" then
  local f = assert(io.open(auth, "r"))
  headers["Authorization"] = "Bearer " .. f:read("*l")
  f:close()
end

-- Runs in the main Lua state once per thread: give each thread its number.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
function request()
  counter = counter + 1
  local body = string.format('{"name":"%s-t%d-%d","algorithm":"AES256_GCM"}', prefix, tid or 0, counter)
  return wrk.format("POST", "/kms/key", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d\n", summary.errors.status))
  io.write(string.format("socket errors: %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
