-- POST one decryption: {"ciphertext": CIPHERTEXT} (a self-describing akms:v1:... ciphertext made
-- by the same target in bench/run.sh's setup) to TARGET_PATH. AUTH_FILE, when set, names a file
-- whose first line is a bearer token.
wrk.method = "POST"
wrk.path = assert(os.getenv("TARGET_PATH"), "TARGET_PATH is not set")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ciphertext":"' .. assert(os.getenv("CIPHERTEXT"), "CIPHERTEXT is not set") .. '"}'

local auth = os.getenv("AUTH_FILE")
if auth and auth ~= "" then
  local f = assert(io.open(auth, "r"))
  wrk.headers["Authorization"] = "Bearer " .. f:read("*l")
  f:close()
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d\n", summary.errors.status))
  io.write(string.format("socket errors: %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
