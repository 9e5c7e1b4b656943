-- POST one small AES-256-GCM encryption; the key id comes from the environment (KEY_ID).
wrk.method = "POST"
wrk.path = "/kms/key/" .. os.getenv("KEY_ID") .. "/encrypt"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"plaintext_b64":"aGVsbG8gd29ybGQ="}'

-- Count answers that are not 200 so a run with errors is visible.
local bad = 0
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
end
