// Calls every operation of the OpenAPI document through Prism's validating proxy
// (`prism proxy DOC BASE_URL --errors`) and counts what Prism says about the requests and answers.
//
// Usage: node prism-flow.mjs PROXY_URL OPENAPI_JSON_PATH
//
// Every call names the operationId it exercises; the URL comes from that operation's path in the
// document, so a renamed or removed route shows up as "not in the document". A success case and
// the documented error cases (400/403/404/409/422) are tried per operation, with the document's
// request examples where they exist. At the end every operation of the document must have been
// exercised with a success answer, and Prism must have reported no violation.
//
// What Prism 5.16 does with --errors in proxy mode (read from its source and checked here):
//  - a request that does not match the document is not forwarded: Prism answers 422 itself with
//    type https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY and the failures in `validation`;
//  - an answer that does not match is replaced by 500 with type
//    https://stoplight.io/prism/errors#VIOLATIONS; every violation (request or answer, error or
//    warning) is also listed as JSON in the `sl-violations` header;
//  - a path or method that is not in the document answers 404/405 with its own error type.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

const [proxyUrl, docPath] = process.argv.slice(2);
if (!proxyUrl || !docPath) {
  console.error("usage: node prism-flow.mjs PROXY_URL OPENAPI_JSON_PATH");
  process.exit(2);
}

const doc = JSON.parse(readFileSync(docPath, "utf8"));
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const ERROR_STATUSES = ["400", "403", "404", "409", "422"];
const PRISM_ERROR = "https://stoplight.io/prism/errors#";

// ---- the document's operations ------------------------------------------------------------
const operations = new Map(); // operationId -> { id, method, path, statuses, op }
const caseDuplicates = [];
const seenPaths = new Map();
for (const [path, item] of Object.entries(doc.paths ?? {})) {
  const lower = path.toLowerCase();
  for (const method of METHODS) {
    const op = item?.[method];
    if (!op) continue;
    const key = `${method} ${lower}`;
    if (seenPaths.has(key)) {
      // Paths that differ only by letter case are out of scope.
      caseDuplicates.push(`${method.toUpperCase()} ${path}`);
      continue;
    }
    seenPaths.set(key, true);
    const id = op.operationId ?? `${method.toUpperCase()} ${path}`;
    operations.set(id, { id, method, path, statuses: Object.keys(op.responses ?? {}), op });
  }
}

function resolve(node) {
  let current = node;
  for (let i = 0; current && current.$ref && i < 20; i++) {
    const parts = current.$ref.replace(/^#\//, "").split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    current = parts.reduce((acc, part) => acc?.[part], doc);
  }
  return current;
}

// The request example the document gives for an operation (media example, named examples, or the
// schema's example), or undefined.
function example(operationId) {
  const entry = operations.get(operationId);
  const body = resolve(entry?.op.requestBody);
  const media = body?.content?.["application/json"];
  if (!media) return undefined;
  if (media.example !== undefined) return structuredClone(media.example);
  const named = Object.values(media.examples ?? {}).map(resolve).find((e) => e && e.value !== undefined);
  if (named) return structuredClone(named.value);
  const schema = resolve(media.schema);
  if (schema?.example !== undefined) return structuredClone(schema.example);
  if (Array.isArray(schema?.examples) && schema.examples.length > 0) return structuredClone(schema.examples[0]);
  return undefined;
}

// ---- calls through the proxy --------------------------------------------------------------
const results = new Map(); // operationId -> { success: bool, statuses: Set, notes: [] }
const violations = []; // { operationId, where, severity, message }
const warnings = [];
const problems = []; // flow errors: unexpected statuses, missing operations
const refusedByPrism = []; // negative cases the document itself forbids (not forwarded)
const skipped = new Set();
let calls = 0;

function record(operationId) {
  if (!results.has(operationId)) results.set(operationId, { success: false, statuses: new Set() });
  return results.get(operationId);
}

/**
 * Calls an operation through the proxy.
 * expect: the status the service should answer (number or array). A 2xx expectation is the
 * operation's success case; anything else is an error case.
 * Returns { status, body } or null when the operation is not in the document.
 */
async function call(operationId, { params = {}, query, body, expect, label = "" } = {}) {
  const entry = operations.get(operationId);
  if (!entry) {
    if (!skipped.has(operationId)) {
      skipped.add(operationId);
      console.log(`  --   ${operationId}: not in the document, skipped`);
    }
    return null;
  }
  let url = entry.path.replace(/\{([^}]+)\}/g, (_, name) => {
    if (!(name in params)) throw new Error(`${operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(String(params[name]));
  });
  if (query) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) search.set(k, String(v));
    const qs = search.toString();
    if (qs) url += `?${qs}`;
  }
  const expected = [expect].flat().filter((e) => e !== undefined);
  const positive = expected.some((s) => s >= 200 && s < 300);
  const init = { method: entry.method.toUpperCase(), headers: { accept: "application/json, application/problem+json" } };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  calls++;
  let response;
  try {
    response = await fetch(new URL(url.replace(/^\//, ""), proxyUrl.endsWith("/") ? proxyUrl : `${proxyUrl}/`), init);
  } catch (error) {
    problems.push(`${operationId}${label}: request failed: ${error.message}${error.cause ? ` (${error.cause.code ?? error.cause.message})` : ""}`);
    return { status: 0, body: undefined };
  }
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const status = response.status;
  const where = `${entry.method.toUpperCase()} ${entry.path}${label}`;
  const rec = record(operationId);

  // Violations listed by Prism in the sl-violations header (requests and answers).
  const header = response.headers.get("sl-violations");
  let listed = [];
  if (header) {
    try {
      listed = JSON.parse(header.replace(/^Too many violations! /, ""));
    } catch {
      listed = [{ severity: "Error", location: [], message: header }];
    }
  }
  const prismType = typeof json?.type === "string" && json.type.startsWith(PRISM_ERROR) ? json.type.slice(PRISM_ERROR.length) : null;
  if (prismType === "VIOLATIONS" && listed.length === 0) listed = json.validation ?? [];

  if (prismType === "UNPROCESSABLE_ENTITY") {
    // Prism refused the request: it does not match the document, and was not forwarded.
    const details = (json.validation ?? []).map((v) => `${(v.location ?? []).join(".")} ${v.message}`).join("; ");
    if (positive) {
      violations.push({ operationId, where, severity: "Error", message: `request refused by Prism: ${details}` });
    } else {
      refusedByPrism.push(`${where}: ${details}`);
    }
    console.log(`  ${positive ? "FAIL" : "--  "} ${where} -> Prism refused the request (${details})`);
    return { status, body: json, refused: true };
  }
  if (prismType && prismType !== "VIOLATIONS") {
    violations.push({ operationId, where, severity: "Error", message: `Prism error ${prismType}: ${json.detail ?? json.title ?? ""}` });
    console.log(`  FAIL ${where} -> Prism ${prismType}: ${json.detail ?? json.title ?? ""}`);
    return { status, body: json };
  }

  let realStatus = status;
  if (prismType === "VIOLATIONS") realStatus = undefined; // the service's own status is hidden
  for (const v of listed) {
    const item = { operationId, where, severity: v.severity, message: `${(v.location ?? []).join(".")} ${v.message}` };
    if (v.severity === "Error") violations.push(item);
    else warnings.push(item);
  }

  if (realStatus !== undefined) {
    rec.statuses.add(String(realStatus));
    if (realStatus >= 200 && realStatus < 300) rec.success = true;
  } else if (positive) {
    rec.success = true; // called with its success case; the answer's violations are counted above
  }
  const ok = realStatus !== undefined && (expected.length === 0 || expected.includes(realStatus));
  if (!ok && realStatus !== undefined) {
    problems.push(`${where}: expected ${expected.join(" or ")}, got ${realStatus} ${json?.detail ?? ""}`.trim());
  }
  const violationNote = listed.length > 0 ? ` [${listed.length} violation(s): ${listed.map((v) => `${(v.location ?? []).join(".")} ${v.message}`).join("; ")}]` : "";
  const shownStatus = realStatus === undefined ? `500 (Prism: answer does not match the document)` : String(realStatus);
  console.log(`  ${ok && listed.length === 0 ? "ok  " : "FAIL"} ${where} -> ${shownStatus}${violationNote}`);
  return { status: realStatus ?? status, body: prismType ? undefined : json };
}

// ---- the flow -----------------------------------------------------------------------------
const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const b64 = (s) => Buffer.from(s, "utf8").toString("base64");
const unknownId = randomUUID();
const names = { n: 0 };
const fresh = (what) => `prism-${what}-${suffix}-${++names.n}`;

// A create body: the document's CreateKey example with a fresh name and the fields given.
function createBody(fields) {
  const base = example("CreateKey");
  const object = base && typeof base === "object" && !Array.isArray(base) ? base : {};
  return { ...object, rotation_period_days: undefined, usage: undefined, ...fields };
}
const strip = (o) => JSON.parse(JSON.stringify(o)); // drops undefined members

async function createKey(what, fields) {
  const r = await call("CreateKey", { body: strip(createBody({ name: fresh(what), ...fields })), expect: 201, label: ` (${what})` });
  return r?.body?.id;
}

async function main() {
  console.log(`prism flow: ${operations.size} operations in the document, proxy ${proxyUrl}`);

  // System
  await call("Healthz", { expect: 200 });
  await call("Readyz", { expect: 200 });
  await call("Methodz", { expect: 200 });

  // Keys
  const aes = await createKey("aes", { algorithm: "AES256_GCM" });
  const ec = await createKey("ec", { algorithm: "EC_P256", usage: "sign_verify" });
  const hmac = await createKey("hmac", { algorithm: "HMAC_SHA256", usage: "mac" });
  const rsa = await createKey("rsa", { algorithm: "RSA2048" });
  const spare = await createKey("spare", { algorithm: "AES256_GCM" });
  if (!aes || !ec || !hmac || !rsa || !spare) {
    problems.push("CreateKey did not answer the keys the rest of the flow needs");
    return;
  }
  const aesName = (await call("GetKey", { params: { id: aes }, expect: 200 }))?.body?.name;
  await call("CreateKey", { body: strip(createBody({ name: aesName, algorithm: "AES256_GCM" })), expect: 409, label: " (name taken)" });
  await call("CreateKey", { body: strip(createBody({ name: fresh("bad-usage"), algorithm: "AES256_GCM", usage: "mac" })), expect: 422, label: " (usage the algorithm lacks)" });
  await call("CreateKey", { body: strip(createBody({ name: fresh("bad-period"), algorithm: "AES256_GCM", rotation_period_days: 0 })), expect: 422, label: " (rotation_period_days 0)" });

  // CreateKeys: several keys at once (the document's example with fresh names, if it has one).
  const createKeysExample = example("CreateKeys");
  const createKeysBody = Array.isArray(createKeysExample) && createKeysExample.length > 0
    ? createKeysExample.map((item, i) => ({ ...item, name: fresh(`batch-${i}`) }))
    : [{ name: fresh("batch-a"), algorithm: "AES256_GCM" }, { name: fresh("batch-b"), algorithm: "CHACHA20_POLY1305", rotation_period_days: 90 }];
  await call("CreateKeys", { body: createKeysBody, expect: 201 });
  await call("CreateKeys", { body: [{ name: fresh("batch-c"), algorithm: "AES256_GCM" }, { name: aesName, algorithm: "AES256_GCM" }], expect: 409, label: " (a name taken)" });
  await call("CreateKeys", { body: [], expect: 422, label: " (empty array)" });
  await call("CreateKeys", { body: [{ name: fresh("batch-d"), algorithm: "AES256_GCM", usage: "mac" }], expect: 422, label: " (usage the algorithm lacks)" });

  await call("ListKeys", { query: { name: aesName }, expect: 200 });
  await call("ListKeys", { query: { limit: 0 }, expect: 422, label: " (limit 0)" });
  await call("GetKey", { params: { id: unknownId }, expect: 404, label: " (unknown id)" });
  await call("GetKey", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });

  await call("UpdateKey", { params: { id: spare }, body: { rotation_period_days: 30 }, expect: 200 });
  await call("UpdateKey", { params: { id: unknownId }, body: { status: "enabled" }, expect: 404, label: " (unknown id)" });
  await call("UpdateKey", { params: { id: spare }, body: { name: aesName }, expect: 409, label: " (name taken)" });
  await call("UpdateKey", { params: { id: spare }, body: {}, expect: 422, label: " (no field)" });
  await call("UpdateKey", { params: { id: spare }, body: { min_decryption_version: 5 }, expect: 409, label: " (min_decryption_version above primary)" });

  const spareName = fresh("spare-renamed");
  await call("ReplaceKey", { params: { id: spare }, body: { name: spareName, status: "enabled" }, expect: 200 });
  await call("ReplaceKey", { params: { id: unknownId }, body: { name: fresh("x"), status: "enabled" }, expect: 404, label: " (unknown id)" });
  await call("ReplaceKey", { params: { id: spare }, body: { name: aesName, status: "enabled" }, expect: 409, label: " (name taken)" });
  await call("ReplaceKey", { params: { id: spare }, body: { name: spareName }, expect: 422, label: " (status missing)" });

  await call("UpdateKeys", { body: [{ id: spare, rotation_period_days: 0 }], expect: 200 });
  await call("UpdateKeys", { body: [{ id: unknownId, status: "enabled" }], expect: 404, label: " (unknown id)" });
  await call("UpdateKeys", { body: [{ id: spare, name: aesName }], expect: 409, label: " (name taken)" });
  await call("UpdateKeys", { body: [], expect: 422, label: " (empty array)" });
  await call("ReplaceKeys", { body: [{ id: spare, name: spareName, status: "enabled" }], expect: 200 });
  await call("ReplaceKeys", { body: [{ id: unknownId, name: fresh("x"), status: "enabled" }], expect: 404, label: " (unknown id)" });
  await call("ReplaceKeys", { body: [{ id: spare, name: aesName, status: "enabled" }], expect: 409, label: " (name taken)" });
  await call("ReplaceKeys", { body: [], expect: 422, label: " (empty array)" });

  // Cryptography on the AES key
  const encryptExample = example("Encrypt");
  const plaintext = encryptExample?.plaintext_b64 ?? b64("hello through prism");
  const enc = (await call("Encrypt", { params: { id: aes }, body: { ...(encryptExample ?? {}), plaintext_b64: plaintext }, expect: 200 }))?.body;
  const aad = encryptExample?.aad_b64;
  await call("Encrypt", { params: { id: aes }, body: { plaintext_b64: "!!" }, expect: 400, label: " (bad base64)" });
  await call("Encrypt", { params: { id: aes }, body: { plaintext_b64: plaintext, nonce_b64: "AAAAAAAAAAAAAAAA" }, expect: 400, label: " (caller nonce)" });
  await call("Encrypt", { params: { id: unknownId }, body: { plaintext_b64: plaintext }, expect: 404, label: " (unknown key)" });
  await call("Encrypt", { params: { id: aes }, body: {}, expect: 422, label: " (no plaintext)" });
  await call("Encrypt", { params: { id: aes }, body: { plaintext_b64: Buffer.alloc(600 * 1024).toString("base64") }, expect: 422, label: " (plaintext over 512 KiB)" });
  await call("Encrypt", { params: { id: ec }, body: { plaintext_b64: plaintext }, expect: 400, label: " (sign_verify key)" });

  const ciphertext = enc?.ciphertext;
  const withAad = (o) => (aad ? { ...o, aad_b64: aad } : o);
  if (ciphertext) {
    await call("Decrypt", { params: { id: aes }, body: withAad({ ciphertext }), expect: 200 });
    await call("Decrypt", {
      params: { id: aes },
      body: withAad({ ciphertext_b64: enc.ciphertext_b64, nonce_b64: enc.nonce_b64, tag_b64: enc.tag_b64, version: enc.version }),
      expect: 200,
      label: " (split fields)",
    });
    await call("Decrypt", { params: { id: aes }, body: { ciphertext: "akms:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, expect: 400, label: " (tampered)" });
    await call("Decrypt", { params: { id: aes }, body: withAad({ ciphertext_b64: enc.ciphertext_b64, nonce_b64: enc.nonce_b64, tag_b64: enc.tag_b64, version: 99 }), expect: 404, label: " (unknown version)" });
    await call("Decrypt", { params: { id: unknownId }, body: { ciphertext }, expect: 404, label: " (unknown key)" });
    await call("Decrypt", { params: { id: aes }, body: {}, expect: 422, label: " (no ciphertext)" });

    await call("Rewrap", { params: { id: aes }, body: withAad({ ciphertext }), expect: 200 });
    await call("Rewrap", { params: { id: aes }, body: { ciphertext: "akms:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, expect: 400, label: " (tampered)" });
    await call("Rewrap", { params: { id: unknownId }, body: { ciphertext }, expect: 404, label: " (unknown key)" });
    await call("Rewrap", { params: { id: aes }, body: {}, expect: 422, label: " (no ciphertext)" });
  }

  // Batches (dedicated routes; absent from older documents)
  const batch = (await call("EncryptBatch", {
    params: { id: aes },
    body: example("EncryptBatch") ?? { batch_input: [{ plaintext_b64: b64("one") }, { plaintext_b64: b64("two") }, { plaintext_b64: "!!" }] },
    expect: 200,
  }))?.body;
  await call("EncryptBatch", { params: { id: ec }, body: { batch_input: [{ plaintext_b64: plaintext }] }, expect: 400, label: " (sign_verify key)" });
  await call("EncryptBatch", { params: { id: unknownId }, body: { batch_input: [{ plaintext_b64: plaintext }] }, expect: 404, label: " (unknown key)" });
  await call("EncryptBatch", { params: { id: aes }, body: { batch_input: [] }, expect: 422, label: " (empty batch_input)" });
  const batchCiphertexts = (batch?.batch_results ?? []).map((r) => r.ciphertext).filter(Boolean);
  const decryptItems = [...batchCiphertexts.map((c) => ({ ciphertext: c })), { ciphertext: "akms:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }];
  await call("DecryptBatch", { params: { id: aes }, body: { batch_input: decryptItems }, expect: 200 });
  await call("DecryptBatch", { params: { id: ec }, body: { batch_input: decryptItems }, expect: 400, label: " (sign_verify key)" });
  await call("DecryptBatch", { params: { id: unknownId }, body: { batch_input: decryptItems }, expect: 404, label: " (unknown key)" });
  await call("DecryptBatch", { params: { id: aes }, body: { batch_input: [] }, expect: 422, label: " (empty batch_input)" });
  await call("RewrapBatch", { params: { id: aes }, body: { batch_input: decryptItems }, expect: 200 });
  await call("RewrapBatch", { params: { id: ec }, body: { batch_input: decryptItems }, expect: 400, label: " (sign_verify key)" });
  await call("RewrapBatch", { params: { id: unknownId }, body: { batch_input: decryptItems }, expect: 404, label: " (unknown key)" });
  await call("RewrapBatch", { params: { id: aes }, body: { batch_input: [] }, expect: 422, label: " (empty batch_input)" });

  // Wrap / unwrap / data keys
  const wrapExample = example("Wrap") ?? { key_material_b64: Buffer.alloc(32, 7).toString("base64") };
  const wrapped = (await call("Wrap", { params: { id: aes }, body: wrapExample, expect: 200 }))?.body;
  await call("Wrap", { params: { id: aes }, body: { key_material_b64: "!!" }, expect: 400, label: " (bad base64)" });
  await call("Wrap", { params: { id: unknownId }, body: wrapExample, expect: 404, label: " (unknown key)" });
  await call("Wrap", { params: { id: aes }, body: {}, expect: 422, label: " (no key material)" });
  await call("Wrap", { params: { id: aes }, body: { key_material_b64: Buffer.alloc(70 * 1024).toString("base64") }, expect: 422, label: " (key material over 64 KiB)" });
  if (wrapped?.ciphertext) {
    await call("Unwrap", { params: { id: aes }, body: wrapExample.aad_b64 ? { ciphertext: wrapped.ciphertext, aad_b64: wrapExample.aad_b64 } : { ciphertext: wrapped.ciphertext }, expect: 200 });
    await call("Unwrap", { params: { id: aes }, body: { ciphertext: "akms:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, expect: 400, label: " (tampered)" });
    await call("Unwrap", { params: { id: unknownId }, body: { ciphertext: wrapped.ciphertext }, expect: 404, label: " (unknown key)" });
    await call("Unwrap", { params: { id: aes }, body: {}, expect: 422, label: " (no wrapped key)" });
  }
  await call("DataKey", { params: { id: aes }, body: example("DataKey") ?? {}, expect: 200 });
  await call("DataKey", { params: { id: ec }, body: {}, expect: 400, label: " (sign_verify key)" });
  await call("DataKey", { params: { id: unknownId }, body: {}, expect: 404, label: " (unknown key)" });
  await call("DataKey", { params: { id: aes }, body: { bytes: 0 }, expect: 422, label: " (bytes 0)" });

  // Sign / verify / public key
  const signExample = example("Sign");
  const signBody = signExample && (signExample.message_b64 || signExample.digest_b64) ? signExample : { message_b64: b64("sign me") };
  const signature = (await call("Sign", { params: { id: ec }, body: signBody, expect: 200 }))?.body?.signature_b64;
  await call("Sign", { params: { id: aes }, body: signBody, expect: 400, label: " (encrypt_decrypt key)" });
  await call("Sign", { params: { id: unknownId }, body: signBody, expect: 404, label: " (unknown key)" });
  await call("Sign", { params: { id: ec }, body: { message_b64: b64("a"), digest_b64: Buffer.alloc(32).toString("base64") }, expect: 422, label: " (message and digest)" });
  if (signature) {
    const verifyBody = { ...signBody, signature_b64: signature };
    await call("Verify", { params: { id: ec }, body: verifyBody, expect: 200 });
    await call("Verify", { params: { id: ec }, body: { ...verifyBody, signature_b64: "!!" }, expect: 400, label: " (bad base64)" });
    await call("Verify", { params: { id: unknownId }, body: verifyBody, expect: 404, label: " (unknown key)" });
    await call("Verify", { params: { id: ec }, body: { signature_b64: signature }, expect: 422, label: " (no message)" });
  }
  await call("GetPublicKey", { params: { id: ec }, expect: 200 });
  await call("GetPublicKey", { params: { id: rsa }, query: { version: 1 }, expect: 200, label: " (RSA, version 1)" });
  await call("GetPublicKey", { params: { id: aes }, expect: 400, label: " (symmetric key)" });
  await call("GetPublicKey", { params: { id: ec }, query: { version: 9 }, expect: 404, label: " (unknown version)" });
  await call("GetPublicKey", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });
  await call("GetPublicKey", { params: { id: ec }, query: { version: 0 }, expect: 422, label: " (version 0)" });

  // MAC
  const macExample = example("Mac") ?? { message_b64: b64("mac me") };
  const mac = (await call("Mac", { params: { id: hmac }, body: macExample, expect: 200 }))?.body?.mac_b64;
  await call("Mac", { params: { id: aes }, body: macExample, expect: 400, label: " (encrypt_decrypt key)" });
  await call("Mac", { params: { id: unknownId }, body: macExample, expect: 404, label: " (unknown key)" });
  await call("Mac", { params: { id: hmac }, body: {}, expect: 422, label: " (no message)" });
  if (mac) {
    const verifyMacBody = { message_b64: macExample.message_b64, mac_b64: mac };
    await call("VerifyMac", { params: { id: hmac }, body: verifyMacBody, expect: 200 });
    await call("VerifyMac", { params: { id: hmac }, body: { ...verifyMacBody, mac_b64: "!!" }, expect: 400, label: " (bad base64)" });
    await call("VerifyMac", { params: { id: unknownId }, body: verifyMacBody, expect: 404, label: " (unknown key)" });
    await call("VerifyMac", { params: { id: hmac }, body: { mac_b64: mac }, expect: 422, label: " (no message)" });
    await call("VerifyMac", { params: { id: hmac }, body: { ...verifyMacBody, version: 0 }, expect: 422, label: " (version 0)" });
  }

  // Random
  await call("GenerateRandom", { body: example("GenerateRandom") ?? { bytes: 16 }, expect: 200 });
  await call("GenerateRandom", { body: { bytes: 0 }, expect: 422, label: " (bytes 0)" });

  // Rotation and key versions
  await call("RotateKey", { params: { id: aes }, expect: 201 });
  await call("RotateKey", { params: { id: unknownId }, expect: 404, label: " (unknown key)" });
  await call("RotateKey", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });
  const version = (await call("CreateKeyVersion", { body: { key_id: aes }, expect: 201 }))?.body;
  await call("CreateKeyVersion", { body: { key_id: unknownId }, expect: 404, label: " (unknown key)" });
  await call("CreateKeyVersion", { body: { key_id: "not-a-uuid" }, expect: 422, label: " (key_id not a UUID)" });
  await call("CreateKeyVersion", { body: { key_id: aes, status: "disabled" }, expect: 422, label: " (a disabled new version)" });
  const versions = (await call("ListKeyVersions", { query: { key_id: aes }, expect: 200 }))?.body ?? [];
  await call("ListKeyVersions", { query: { key_id: aes, limit: 0 }, expect: 422, label: " (limit 0)" });
  const v1 = Array.isArray(versions) ? versions.find((v) => v.version === 1)?.id : undefined;
  const v2 = Array.isArray(versions) ? versions.find((v) => v.version === 2)?.id : undefined;
  const primary = version?.id;
  if (v1 && v2 && primary) {
    await call("GetKeyVersion", { params: { id: v1 }, expect: 200 });
    await call("GetKeyVersion", { params: { id: unknownId }, expect: 404, label: " (unknown id)" });
    await call("GetKeyVersion", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });
    await call("UpdateKeyVersion", { params: { id: v1 }, body: { status: "disabled" }, expect: 200 });
    await call("UpdateKeyVersion", { params: { id: unknownId }, body: { status: "enabled" }, expect: 404, label: " (unknown id)" });
    await call("UpdateKeyVersion", { params: { id: primary }, body: { status: "disabled" }, expect: 409, label: " (primary version)" });
    await call("UpdateKeyVersion", { params: { id: v1 }, body: {}, expect: 422, label: " (no status)" });
    await call("UpdateKeyVersion", { params: { id: v1 }, body: { status: "bogus" }, expect: 422, label: " (unknown status)" });
    if (ciphertext) {
      await call("Decrypt", { params: { id: aes }, body: withAad({ ciphertext }), expect: 403, label: " (version disabled)" });
    }
    await call("ReplaceKeyVersion", { params: { id: v1 }, body: { status: "enabled" }, expect: 200 });
    await call("ReplaceKeyVersion", { params: { id: unknownId }, body: { status: "enabled" }, expect: 404, label: " (unknown id)" });
    await call("ReplaceKeyVersion", { params: { id: primary }, body: { status: "disabled" }, expect: 409, label: " (primary version)" });
    await call("ReplaceKeyVersion", { params: { id: v1 }, body: { status: "bogus" }, expect: 422, label: " (unknown status)" });
    await call("UpdateKeyVersions", { body: [{ id: v1, status: "disabled" }], expect: 200 });
    await call("UpdateKeyVersions", { body: [{ id: unknownId, status: "enabled" }], expect: 404, label: " (unknown id)" });
    await call("UpdateKeyVersions", { body: [{ id: primary, status: "disabled" }], expect: 409, label: " (primary version)" });
    await call("UpdateKeyVersions", { body: [], expect: 422, label: " (empty array)" });
    await call("ReplaceKeyVersions", { body: [{ id: v1, status: "enabled" }], expect: 200 });
    await call("ReplaceKeyVersions", { body: [{ id: unknownId, status: "enabled" }], expect: 404, label: " (unknown id)" });
    await call("ReplaceKeyVersions", { body: [{ id: primary, status: "disabled" }], expect: 409, label: " (primary version)" });
    await call("ReplaceKeyVersions", { body: [], expect: 422, label: " (empty array)" });
    await call("DeleteKeyVersion", { params: { id: v1 }, expect: 200 });
    await call("DeleteKeyVersion", { params: { id: unknownId }, expect: 404, label: " (unknown id)" });
    await call("DeleteKeyVersion", { params: { id: primary }, expect: 409, label: " (primary version)" });
    await call("DeleteKeyVersion", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });
    await call("DeleteKeyVersions", { body: { ids: [v2] }, expect: 200 });
    await call("DeleteKeyVersions", { body: { ids: [unknownId] }, expect: 404, label: " (unknown id)" });
    await call("DeleteKeyVersions", { body: { ids: [primary] }, expect: 409, label: " (primary version)" });
    await call("DeleteKeyVersions", { body: { ids: [] }, expect: 422, label: " (no ids)" });
  } else {
    problems.push("key versions: could not find versions 1 and 2 and the primary of the AES key");
  }

  // A disabled key answers 403 to every cryptographic operation.
  for (const id of [spare, ec, hmac]) {
    await call("UpdateKey", { params: { id }, body: { status: "disabled" }, expect: 200, label: " (disable)" });
  }
  const disabled = { expect: 403, label: " (key disabled)" };
  await call("Encrypt", { params: { id: spare }, body: { plaintext_b64: plaintext }, ...disabled });
  await call("EncryptBatch", { params: { id: spare }, body: { batch_input: [{ plaintext_b64: plaintext }] }, ...disabled });
  if (ciphertext) {
    await call("Rewrap", { params: { id: spare }, body: { ciphertext }, ...disabled });
    await call("DecryptBatch", { params: { id: spare }, body: { batch_input: [{ ciphertext }] }, ...disabled });
    await call("RewrapBatch", { params: { id: spare }, body: { batch_input: [{ ciphertext }] }, ...disabled });
  }
  await call("Wrap", { params: { id: spare }, body: wrapExample, ...disabled });
  if (wrapped?.ciphertext) await call("Unwrap", { params: { id: spare }, body: { ciphertext: wrapped.ciphertext }, ...disabled });
  await call("DataKey", { params: { id: spare }, body: {}, ...disabled });
  await call("Sign", { params: { id: ec }, body: signBody, ...disabled });
  if (signature) await call("Verify", { params: { id: ec }, body: { ...signBody, signature_b64: signature }, ...disabled });
  await call("GetPublicKey", { params: { id: ec }, ...disabled });
  await call("Mac", { params: { id: hmac }, body: macExample, ...disabled });
  if (mac) await call("VerifyMac", { params: { id: hmac }, body: { message_b64: macExample.message_b64, mac_b64: mac }, ...disabled });

  // Deletion, recovery, purge
  await call("DeleteKey", { params: { id: spare }, expect: 200 });
  await call("DeleteKey", { params: { id: unknownId }, expect: 404, label: " (unknown id)" });
  await call("DeleteKey", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });
  await call("ListDeletedKeys", { expect: 200 });
  await call("ListDeletedKeys", { query: { limit: 0 }, expect: 422, label: " (limit 0)" });
  await call("RecoverKey", { params: { id: spare }, expect: 200 });
  await call("RecoverKey", { params: { id: unknownId }, expect: 404, label: " (unknown id)" });
  await call("RecoverKey", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });
  await call("DeleteKeys", { body: { ids: [spare] }, expect: 200 });
  await call("DeleteKeys", { body: { ids: [unknownId] }, expect: 404, label: " (unknown id)" });
  await call("DeleteKeys", { body: { ids: [] }, expect: 422, label: " (no ids)" });
  await call("PurgeKey", { params: { id: spare }, expect: 200 });
  await call("PurgeKey", { params: { id: unknownId }, expect: 404, label: " (unknown id)" });
  await call("PurgeKey", { params: { id: "not-a-uuid" }, expect: 422, label: " (id not a UUID)" });

  // Tokens (the harness runs the service in open mode, where the caller is an admin)
  const issued = await call("CreateToken", { body: { name: `prism-${Date.now()}`, scopes: ["kms.verify"], keys: ["pub-*"] }, expect: 201 });
  await call("CreateToken", { body: { name: "bad-scope", scopes: ["kms.everything"] }, expect: 422, label: " (unknown scope)" });
  await call("ListTokens", { expect: 200 });
  await call("ListTokens", { query: { limit: 0 }, expect: 422, label: " (limit 0)" });
  const tokenId = issued?.body?.id;
  if (tokenId) {
    await call("RevokeToken", { params: { id: tokenId }, expect: 200 });
    await call("RevokeToken", { params: { id: tokenId }, expect: 409, label: " (already revoked)" });
  }
  await call("RevokeToken", { params: { id: unknownId }, expect: 404, label: " (unknown id)" });

  // Audit trail (open mode: the caller is the admin local)
  await call("ListAuditRecords", { expect: 200 });
  await call("ListAuditRecords", { query: { limit: 5, operation: "Encrypt" }, expect: 200, label: " (filtered)" });
  await call("ListAuditRecords", { query: { limit: 0 }, expect: 422, label: " (limit 0)" });
  await call("VerifyAuditTrail", { expect: 200 });

  // JSON-RPC
  const rpcExample = example("Call");
  const rpcBody = rpcExample && typeof rpcExample === "object" ? rpcExample : { jsonrpc: "2.0", method: "System.healthz", id: 1 };
  await call("Call", { body: rpcBody, expect: 200 });
  await call("Call", { body: { jsonrpc: "2.0", method: "Key.get", params: { id: aes }, id: 2 }, expect: 200, label: " (Key.get)" });
  await call("Call", { body: { jsonrpc: "2.0", method: "Random.generate", params: { bytes: 8 } }, expect: 204, label: " (notification)" });
}

try {
  await main();
} catch (error) {
  problems.push(`flow stopped: ${error.stack ?? error}`);
}

// ---- report -------------------------------------------------------------------------------
console.log("");
console.log("per operation (statuses answered by the service; documented 4xx not provoked):");
const notExercised = [];
const notProvoked = [];
for (const entry of operations.values()) {
  const rec = results.get(entry.id);
  const seen = rec ? [...rec.statuses].sort() : [];
  const documentedErrors = entry.statuses.filter((s) => ERROR_STATUSES.includes(s));
  const missing = documentedErrors.filter((s) => !seen.includes(s));
  if (!rec?.success) notExercised.push(`${entry.id} (${entry.method.toUpperCase()} ${entry.path})`);
  if (missing.length) notProvoked.push(`${entry.id}: ${missing.join(",")}`);
  console.log(`  ${rec?.success ? "ok  " : "MISS"} ${entry.id.padEnd(18)} ${entry.method.toUpperCase().padEnd(6)} ${entry.path.padEnd(34)} seen ${seen.join(",") || "-"}${missing.length ? `; not provoked ${missing.join(",")}` : ""}`);
}
if (caseDuplicates.length) console.log(`  (out of scope, differ only by letter case: ${caseDuplicates.join(", ")})`);
if (skipped.size) console.log(`  (flow steps for operations not in this document: ${[...skipped].join(", ")})`);

if (refusedByPrism.length) {
  console.log("\nerror cases Prism refused itself (the document forbids the request, so the service was not asked):");
  for (const r of refusedByPrism) console.log(`  ${r}`);
}
if (warnings.length) {
  console.log("\nPrism warnings:");
  for (const w of warnings) console.log(`  ${w.where}: ${w.message}`);
}
if (violations.length) {
  console.log("\nviolations, by message (count: message; where):");
  const groups = new Map();
  for (const v of violations) {
    if (!groups.has(v.message)) groups.set(v.message, []);
    groups.get(v.message).push(v.where);
  }
  for (const [message, where] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const ops = [...new Set(where)];
    console.log(`  ${where.length}: ${message}; ${ops.slice(0, 4).join(", ")}${ops.length > 4 ? `, and ${ops.length - 4} more` : ""}`);
  }
}
if (notExercised.length) {
  console.log("\noperations not exercised with a success answer:");
  for (const n of notExercised) console.log(`  ${n}`);
}
if (problems.length) {
  console.log("\nflow problems (unexpected statuses and the like):");
  for (const p of problems) console.log(`  ${p}`);
}

const exercised = operations.size - notExercised.length;
const failed = violations.length > 0 || notExercised.length > 0 || problems.length > 0;
console.log(
  `\nprism flow: ${failed ? "FAIL" : "PASS"}: ${calls} calls, ${exercised}/${operations.size} operations exercised, ` +
    `${violations.length} violations, ${warnings.length} warnings, ${problems.length} unexpected answers, ` +
    `${notProvoked.length} operations with documented 4xx not provoked`,
);
process.exit(failed ? 1 : 0);
