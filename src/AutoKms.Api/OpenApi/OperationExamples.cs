using System.Text.Json.Nodes;

namespace AutoKms.Api.OpenApi;

/// <summary>
/// One request and one success example per operation, by operationId. Every request example works
/// as-is in the /docs page against the keys the CreateKey examples make (after putting their ids
/// in the path), and none disables, renames or deletes a key the others use: PATCH and PUT set
/// the values a new key already has. Decrypt, Unwrap and Rewrap take back an Encrypt or Wrap
/// answer, so their examples are those answers: paste your own. Ids are <see cref="KeyId"/> and
/// <see cref="VersionId"/> throughout, so a test can put real ones in their place.
/// </summary>
public static class OperationExamples
{
    public const string KeyId = "5e454eb6-7739-453b-9aee-21d60032a773";
    public const string VersionId = "0b6f1c52-4f1e-4c55-9a51-0c6a3d1c2e11";

    private const string Key = $$"""
        {"id":"{{KeyId}}","name":"demo","algorithm":"AES256_GCM","status":"enabled","primary_version":1,"usage":"encrypt_decrypt","min_decryption_version":1,"rotation_period_days":null,"next_rotation_at":null,"encryptions":0,"created_at":"2026-01-15T09:30:00+00:00","updated_at":"2026-01-15T09:30:00+00:00"}
        """;

    private const string Version = $$"""
        {"id":"{{VersionId}}","key_id":"{{KeyId}}","version":1,"status":"enabled","created_at":"2026-01-15T09:30:00+00:00"}
        """;

    private const string Encrypted = $$"""
        {"kid":"{{KeyId}}","version":1,"alg":"AES256_GCM","nonce_b64":"q83vEjRWeJCrze8S","ciphertext_b64":"3q2+7w8ZbWkzZmQ=","tag_b64":"3q2+796tvu/erb7v3q2+7w==","aad_b64":"b3JkZXI6NDI=","ciphertext":"akms:v1:q83vEjRWeJCrze8S3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v"}
        """;

    private const string Wrapped = $$"""
        {"kid":"{{KeyId}}","version":1,"alg":"AES256_GCM","nonce_b64":"q83vEjRWeJCrze8S","wrapped_key_b64":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v","tag_b64":"3q2+796tvu/erb7v3q2+7w==","aad_b64":null,"ciphertext":"akms:v1:q83vEjRWeJCrze8SAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v3q2+796tvu/erb7v3q2+7w=="}
        """;

    private const string Signature = "MEUCIQDkWmTn3mXhCkA7PjB3ZZhN1v4lP3o7bT9DlS6ZbYgbAgIgV0n1mHfSx1oZm5d3j9QfC4FJbW5j4bM7Qm4i8pQd0aE=";

    /// <summary>The CreateKey examples beyond the default: the keys the signing and MAC examples need.</summary>
    public static IReadOnlyDictionary<string, string> CreateKeyVariants { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aes"] = """{"name":"demo","algorithm":"AES256_GCM"}""",
        ["ec_signing"] = """{"name":"demo-signing","algorithm":"EC_P256","usage":"sign_verify"}""",
        ["hmac"] = """{"name":"demo-mac","algorithm":"HMAC_SHA256"}""",
    };

    /// <summary>operationId → (request body example or null, success answer example or null).</summary>
    public static IReadOnlyDictionary<string, (string? Request, string? Response)> ByOperation { get; } = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal)
    {
        ["CreateKey"] = ("""{"name":"demo","algorithm":"AES256_GCM"}""", Key),
        ["CreateKeys"] = ("""[{"name":"demo-batch-1","algorithm":"AES256_GCM"},{"name":"demo-batch-2","algorithm":"CHACHA20_POLY1305"}]""", $"[{Key}]"),
        ["ListKeys"] = (null, $"[{Key}]"),
        ["GetKey"] = (null, Key),
        ["UpdateKey"] = ("""{"status":"enabled"}""", Key),
        ["ReplaceKey"] = ("""{"name":"demo","status":"enabled"}""", Key),
        ["DeleteKey"] = (null, """{"deleted":1}"""),
        ["UpdateKeys"] = ($$"""[{"id":"{{KeyId}}","status":"enabled"}]""", $"[{Key}]"),
        ["ReplaceKeys"] = ($$"""[{"id":"{{KeyId}}","name":"demo","status":"enabled"}]""", $"[{Key}]"),
        ["DeleteKeys"] = ($$"""{"ids":["{{KeyId}}"]}""", """{"deleted":1}"""),
        ["Encrypt"] = ("""{"plaintext_b64":"aGVsbG8gd29ybGQ=","aad_b64":"b3JkZXI6NDI="}""", Encrypted),
        ["EncryptBatch"] = ("""{"batch_input":[{"plaintext_b64":"aGVsbG8="},{"plaintext_b64":"d29ybGQ=","aad_b64":"b3JkZXI6NDI="}]}""", $$"""{"batch_results":[{{Encrypted}},{"error":"Invalid base64 encoding for plaintext_b64"}]}"""),
        ["Decrypt"] = (Encrypted, """{"plaintext_b64":"aGVsbG8gd29ybGQ="}"""),
        ["DecryptBatch"] = ($$"""{"batch_input":[{{Encrypted}}]}""", """{"batch_results":[{"plaintext_b64":"aGVsbG8gd29ybGQ="},{"error":"Decryption failed"}]}"""),
        ["Rewrap"] = (Encrypted, Encrypted),
        ["RewrapBatch"] = ($$"""{"batch_input":[{{Encrypted}}]}""", $$"""{"batch_results":[{{Encrypted}}]}"""),
        ["Wrap"] = ("""{"key_material_b64":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}""", Wrapped),
        ["Unwrap"] = (Wrapped, """{"key_material_b64":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}"""),
        ["DataKey"] = ("""{"bytes":32,"include_plaintext":true}""", $$"""{"plaintext_b64":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","kid":"{{KeyId}}","version":1,"alg":"AES256_GCM","nonce_b64":"q83vEjRWeJCrze8S","ciphertext_b64":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v","tag_b64":"3q2+796tvu/erb7v3q2+7w==","aad_b64":null,"ciphertext":"akms:v1:q83vEjRWeJCrze8SAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v3q2+796tvu/erb7v3q2+7w=="}"""),
        ["Sign"] = ("""{"message_b64":"aGVsbG8gd29ybGQ="}""", $$"""{"kid":"{{KeyId}}","version":1,"alg":"EC_P256","signature_b64":"{{Signature}}"}"""),
        ["Verify"] = ($$"""{"message_b64":"aGVsbG8gd29ybGQ=","signature_b64":"{{Signature}}"}""", """{"valid":true}"""),
        ["Mac"] = ("""{"message_b64":"aGVsbG8gd29ybGQ="}""", $$"""{"kid":"{{KeyId}}","version":1,"mac_b64":"3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v3q2+7w8="}"""),
        ["VerifyMac"] = ("""{"message_b64":"aGVsbG8gd29ybGQ=","mac_b64":"3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v3q2+7w8="}""", """{"valid":true}"""),
        ["GetPublicKey"] = (null, $$$"""{"kid":"{{{KeyId}}}","version":1,"alg":"EC_P256","pem":"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...\n-----END PUBLIC KEY-----\n","jwk":{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","alg":"ES256","use":"sig","kid":"{{{KeyId}}}/1"}}"""),
        ["GenerateRandom"] = ("""{"bytes":32}""", """{"random_b64":"3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v3q2+7w8="}"""),
        ["CreateKeyVersion"] = ($$"""{"key_id":"{{KeyId}}"}""", Version.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)),
        ["ListKeyVersions"] = (null, $"[{Version}]"),
        ["GetKeyVersion"] = (null, Version),
        ["UpdateKeyVersion"] = ("""{"status":"enabled"}""", Version),
        ["ReplaceKeyVersion"] = ("""{"status":"enabled"}""", Version),
        ["DeleteKeyVersion"] = (null, """{"deleted":1}"""),
        ["UpdateKeyVersions"] = ($$"""[{"id":"{{VersionId}}","status":"enabled"}]""", $"[{Version}]"),
        ["ReplaceKeyVersions"] = ($$"""[{"id":"{{VersionId}}","status":"enabled"}]""", $"[{Version}]"),
        ["DeleteKeyVersions"] = ($$"""{"ids":["{{VersionId}}"]}""", """{"deleted":1}"""),
        ["ListDeletedKeys"] = (null, $$"""[{"id":"{{KeyId}}","name":"demo","algorithm":"AES256_GCM","usage":"encrypt_decrypt","deleted_at":"2026-01-20T10:00:00+00:00","purge_at":"2026-01-27T10:00:00+00:00"}]"""),
        ["RecoverKey"] = (null, Key),
        ["PurgeKey"] = (null, """{"deleted":1}"""),
        ["RotateKey"] = (null, null),
        ["Call"] = ("""{"jsonrpc":"2.0","method":"Key.list","params":{"limit":10},"id":1}""", $$"""{"jsonrpc":"2.0","result":[{{Key}}],"id":1}"""),
        ["ListAuditRecords"] = (null, $$"""[{"seq":42,"time":"2026-01-20T10:00:00.1234567Z","principal":"app-orders","operation":"Encrypt","key_id":"{{KeyId}}","version":1,"outcome":"ok","items":null,"request_id":"0HNA1B2C3D4E5:00000001","client_address":"127.0.0.1","hash":"6d1f0c5e8b0a4a3c9e7f2b1d0c9a8b7e6f5d4c3b2a1908f7e6d5c4b3a2918070"}]"""),
        ["VerifyAuditTrail"] = (null, """{"ok":true,"checked":42,"first_bad_seq":null}"""),
        ["Healthz"] = (null, """{"ok":true}"""),
        ["Readyz"] = (null, """{"ok":true}"""),
        ["CreateToken"] = ("""{"name":"billing-service","scopes":["kms.encrypt","kms.decrypt"],"keys":["billing-*"]}""", """{"id":"7d0c7f2e-2d3a-4c1b-9a55-3c2f4d5e6a7b","name":"billing-service","scopes":["kms.encrypt","kms.decrypt"],"keys":["billing-*"],"created_at":"2026-01-15T09:30:00+00:00","expires_at":null,"token":"akms_Zm9yIGV4YW1wbGUgb25seSwgbm90IGEgcmVhbCB0b2tlbiEhIQ"}"""),
        ["ListTokens"] = (null, """[{"id":"7d0c7f2e-2d3a-4c1b-9a55-3c2f4d5e6a7b","name":"billing-service","scopes":["kms.encrypt","kms.decrypt"],"keys":["billing-*"],"created_at":"2026-01-15T09:30:00+00:00","expires_at":null,"revoked_at":null}]"""),
        ["RevokeToken"] = (null, """{"deleted":1}"""),
        ["Methodz"] = (null, """{"methods":["Key.create","Key.decrypt","Key.encrypt","Key.get","Key.list","Key.rotate"]}"""),
    };

    public static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
