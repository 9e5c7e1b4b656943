-- POST one signature: {"message_b64": MESSAGE_B64} to TARGET_PATH (the service's
-- /kms/key/{id}/sign for an EC_P256 key). AUTH_FILE, when set, names a file whose first line is a
-- bearer token.
wrk.method = "POST"
wrk.path = assert(os.getenv("TARGET_PATH"), "TARGET_PATH is not set")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"message_b64":"' .. assert(os.getenv("MESSAGE_B64"), "MESSAGE_B64 is not set") .. '"}'

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
