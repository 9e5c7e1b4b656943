-- POST one encrypt batch: {"batch_input": [{"plaintext_b64": PLAINTEXT_B64}, ... ITEMS times]}
-- to TARGET_PATH (the service's /kms/key/{id}/encrypt/batch). ITEMS defaults to 100. AUTH_FILE,
-- when set, names a file whose first line is a bearer token.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
local items = tonumber(os.getenv("ITEMS") or "100")
local item = '{"plaintext_b64":"' .. assert(os.getenv("PLAINTEXT_B64"), "PLAINTEXT_B64 is not set") .. '"}'
local all = {}
for i = 1, items do all[i] = item end

common.post(assert(os.getenv("TARGET_PATH"), "TARGET_PATH is not set"), '{"batch_input":[' .. table.concat(all, ",") .. ']}')
