-- POST one encrypt batch: {"batch_input": [{"plaintext_b64": PLAINTEXT_B64}, ... ITEMS times]}
-- to TARGET_PATH (the service's /kms/key/{id}/encrypt/batch). ITEMS defaults to 100. AUTH_FILE,
-- when set, names a file whose first line is a bearer token.
local items = tonumber(os.getenv("ITEMS") or "100")
local item = '{"plaintext_b64":"' .. assert(os.getenv("PLAINTEXT_B64"), "PLAINTEXT_B64 is not set") .. '"}'
local all = {}
for i = 1, items do all[i] = item end

wrk.method = "POST"
wrk.path = assert(os.getenv("TARGET_PATH"), "TARGET_PATH is not set")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"batch_input":[' .. table.concat(all, ",") .. ']}'

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
