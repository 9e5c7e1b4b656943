-- What every bench/*.lua script shares, loaded with dofile from the script's own folder:
--   local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
-- It defines done() (wrk calls it once at the end: the non-2xx and socket-error lines bench/run.sh
-- reads; no response() callback, which would run Lua for every answer and slow the client down).

local common = {}

-- The headers of every request: Content-Type when there is a body, and the bearer token when
-- AUTH_FILE names a file whose first line holds one (so the token is never on a command line).
function common.headers(json)
  local headers = {}
  if json then
    headers["Content-Type"] = "application/json"
  end

  local auth = os.getenv("AUTH_FILE")
  if auth and auth ~= "" then
    local f = assert(io.open(auth, "r"))
    headers["Authorization"] = "Bearer " .. f:read("*l")
    f:close()
  end

  return headers
end

-- The same JSON POST for every request.
function common.post(path, body)
  wrk.method = "POST"
  wrk.path = path
  wrk.body = body
  for name, value in pairs(common.headers(true)) do
    wrk.headers[name] = value
  end
end

-- Gives each wrk thread its number (tid), for requests that must differ between threads.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d\n", summary.errors.status))
  io.write(string.format("socket errors: %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

return common
