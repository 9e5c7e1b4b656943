// The HTTP floor for bench/run.sh: what an encrypt costs with no database, no key load, no
// pipeline, no audit. Three endpoints on one port, each reading the service's encrypt request
// ({"plaintext_b64": "..."}) and writing an answer of the service's shape and size:
//   POST /floor/echo/{id}/encrypt        minimal API, pseudo-random bytes in place of a ciphertext
//   POST /floor/aes/{id}/encrypt         minimal API, real AES-256-GCM
//   POST /floor/mvc/{id}/encrypt         MVC controller, real AES-256-GCM
// The AES key is made at start and lives in memory; a new 96-bit nonce per request.
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Floor;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddControllers();
builder.Services.AddSingleton(new FloorKey(RandomNumberGenerator.GetBytes(32)));
var app = builder.Build();

app.MapGet("/healthz", () => "ok");

app.MapPost("/floor/echo/{id}/encrypt", (string id, EncryptRequest request) =>
{
    var plaintext = Convert.FromBase64String(request.PlaintextB64 ?? "");
    // Pseudo-random bytes (not the CSPRNG): this endpoint measures HTTP and JSON, nothing else.
    var nonce = new byte[12];
    var ciphertext = new byte[plaintext.Length];
    var tag = new byte[16];
    Random.Shared.NextBytes(nonce);
    Random.Shared.NextBytes(ciphertext);
    Random.Shared.NextBytes(tag);
    return Results.Ok(EncryptResponse.From(id, nonce, ciphertext, tag));
});

app.MapPost("/floor/aes/{id}/encrypt", (string id, EncryptRequest request, FloorKey key) =>
    Results.Ok(key.Encrypt(id, Convert.FromBase64String(request.PlaintextB64 ?? ""))));

app.MapControllers();
app.Run();

namespace Floor
{
    public sealed class FloorKey(byte[] key)
    {
        public EncryptResponse Encrypt(string id, byte[] plaintext)
        {
            var nonce = RandomNumberGenerator.GetBytes(12);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[16];
            // A new instance per request, as the service does.
            using (var aes = new AesGcm(key, 16))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag);
            }
            return EncryptResponse.From(id, nonce, ciphertext, tag);
        }
    }

    public sealed class EncryptRequest
    {
        [JsonPropertyName("plaintext_b64")]
        public string? PlaintextB64 { get; set; }
    }

    public sealed class EncryptResponse
    {
        [JsonPropertyName("kid")] public required string Kid { get; init; }
        [JsonPropertyName("version")] public int Version { get; init; }
        [JsonPropertyName("alg")] public required string Alg { get; init; }
        [JsonPropertyName("nonce_b64")] public required string NonceB64 { get; init; }
        [JsonPropertyName("ciphertext_b64")] public required string CiphertextB64 { get; init; }
        [JsonPropertyName("tag_b64")] public required string TagB64 { get; init; }
        [JsonPropertyName("aad_b64")] public string? AadB64 { get; init; }
        [JsonPropertyName("ciphertext")] public required string Ciphertext { get; init; }

        public static EncryptResponse From(string id, byte[] nonce, byte[] ciphertext, byte[] tag)
        {
            var joined = new byte[nonce.Length + ciphertext.Length + tag.Length];
            nonce.CopyTo(joined, 0);
            ciphertext.CopyTo(joined, nonce.Length);
            tag.CopyTo(joined, nonce.Length + ciphertext.Length);
            return new EncryptResponse
            {
                Kid = id,
                Version = 1,
                Alg = "AES256_GCM",
                NonceB64 = Convert.ToBase64String(nonce),
                CiphertextB64 = Convert.ToBase64String(ciphertext),
                TagB64 = Convert.ToBase64String(tag),
                Ciphertext = "akms:v1:" + Convert.ToBase64String(joined),
            };
        }
    }

    [ApiController]
    public sealed class FloorController(FloorKey key) : ControllerBase
    {
        [HttpPost("/floor/mvc/{id}/encrypt")]
        public ActionResult<EncryptResponse> Encrypt(string id, [FromBody] EncryptRequest request) =>
            Ok(key.Encrypt(id, Convert.FromBase64String(request.PlaintextB64 ?? "")));
    }
}
