-- POST one encryption: {"plaintext_b64": PLAINTEXT_B64} to TARGET_PATH (bench/run.sh: the
-- service's /kms/key/{id}/encrypt or a floor's encrypt endpoint). Without TARGET_PATH: the
-- service's encrypt route for KEY_ID and, without PLAINTEXT_B64, an 11-byte plaintext
-- (bench/audit-cost.sh). AUTH_FILE, when set, names a file whose first line is a bearer token.
wrk.method = "POST"
wrk.path = os.getenv("TARGET_PATH") or ("/kms/key/" .. os.getenv("KEY_ID") .. "/encrypt")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"plaintext_b64":"' .. (os.getenv("PLAINTEXT_B64") or "aGVsbG8gd29ybGQ=") .. '"}'

local auth = os.getenv("AUTH_FILE")
if auth and auth ~= "" then
  local f = assert(io.open(auth, "r"))
  wrk.headers["Authorization"] = "Bearer " .. f:read("*l")
  f:close()
end

-- Report error answers so a run with errors is visible. wrk counts a status above 399 in
-- summary.errors.status; no response() callback, which would run Lua for every answer and slow
-- the client down.
function done(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d\n", summary.errors.status))
  io.write(string.format("socket errors: %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
