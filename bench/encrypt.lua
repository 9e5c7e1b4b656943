-- POST one AES-256-GCM encryption. The key id comes from the environment (KEY_ID); bench/run.sh
-- also sets TARGET_PATH (the whole path, for the floor's endpoints) and PLAINTEXT_B64 (its 256-byte
-- plaintext). Without them: the service's encrypt route and an 11-byte plaintext (bench/audit-cost.sh).
wrk.method = "POST"
wrk.path = os.getenv("TARGET_PATH") or ("/kms/key/" .. os.getenv("KEY_ID") .. "/encrypt")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"plaintext_b64":"' .. (os.getenv("PLAINTEXT_B64") or "aGVsbG8gd29ybGQ=") .. '"}'

-- Report error answers so a run with errors is visible. wrk counts a status above 399 in
-- summary.errors.status; no response() callback, which would run Lua for every answer and slow
-- the client down.
function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
  io.write(string.format("socket errors: %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
