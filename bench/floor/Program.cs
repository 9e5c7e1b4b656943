// The HTTP floor for bench/run.sh: what an encrypt or a decrypt costs with no database, no key
// load, no pipeline, no audit. Six endpoints on one port. The encrypt ones read the service's
// encrypt request ({"plaintext_b64": "..."}) and write an answer of the service's shape and size;
// the decrypt ones read the service's decrypt request (the self-describing "ciphertext" or the
// split fields, as the service's DecryptRequest) and write {"plaintext_b64": "..."}:
//   POST /floor/echo/{id}/encrypt|decrypt   minimal API, pseudo-random bytes, no cryptography
//   POST /floor/aes/{id}/encrypt|decrypt    minimal API, real AES-256-GCM
//   POST /floor/mvc/{id}/encrypt|decrypt    MVC controller, real AES-256-GCM
// The AES key is made at start and lives in memory; a new 96-bit nonce per encryption, a new
// AesGcm instance per request, as the service does. Decrypt accepts what this floor's encrypt
// answered (akms:v1:base64(nonce | ciphertext | tag)); a wrong tag answers 400.
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

app.MapPost("/floor/echo/{id}/decrypt", (string id, DecryptRequest request) =>
{
    // The same decoding as the real decrypt, then pseudo-random bytes of the plaintext's length.
    var (_, ciphertext, _) = FloorKey.Split(request);
    var plaintext = new byte[ciphertext.Length];
    Random.Shared.NextBytes(plaintext);
    return Results.Ok(new DecryptResponse { PlaintextB64 = Convert.ToBase64String(plaintext) });
});

app.MapPost("/floor/aes/{id}/encrypt", (string id, EncryptRequest request, FloorKey key) =>
    Results.Ok(key.Encrypt(id, Convert.FromBase64String(request.PlaintextB64 ?? ""))));

app.MapPost("/floor/aes/{id}/decrypt", (string id, DecryptRequest request, FloorKey key) =>
    key.Decrypt(request) is { } answer ? Results.Ok(answer) : Results.BadRequest());

app.MapControllers();
app.Run();

namespace Floor
{
    public sealed class FloorKey(byte[] key)
    {
        private const string Prefix = "akms:v1:";

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

        /// <summary>The plaintext, or null when the tag does not verify.</summary>
        public DecryptResponse? Decrypt(DecryptRequest request)
        {
            var (nonce, ciphertext, tag) = Split(request);
            var aad = request.AadB64 is null ? null : Convert.FromBase64String(request.AadB64);
            var plaintext = new byte[ciphertext.Length];
            try
            {
                using var aes = new AesGcm(key, 16);
                aes.Decrypt(nonce, ciphertext, tag, plaintext, aad);
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }
            return new DecryptResponse { PlaintextB64 = Convert.ToBase64String(plaintext) };
        }

        /// <summary>Nonce, ciphertext and tag from the self-describing form, else from the split fields.</summary>
        public static (byte[] Nonce, byte[] Ciphertext, byte[] Tag) Split(DecryptRequest request)
        {
            if (request.Ciphertext is { } text)
            {
                if (!text.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    throw new BadHttpRequestException("ciphertext must look like akms:v1:<base64>");
                }
                var joined = Convert.FromBase64String(text[Prefix.Length..]);
                if (joined.Length < 28)
                {
                    throw new BadHttpRequestException("ciphertext too short");
                }
                return (joined[..12], joined[12..^16], joined[^16..]);
            }
            return (Convert.FromBase64String(request.NonceB64 ?? ""), Convert.FromBase64String(request.CiphertextB64 ?? ""),
                Convert.FromBase64String(request.TagB64 ?? ""));
        }
    }

    public sealed class EncryptRequest
    {
        [JsonPropertyName("plaintext_b64")]
        public string? PlaintextB64 { get; set; }
    }

    /// <summary>The fields of the service's decrypt request.</summary>
    public sealed class DecryptRequest
    {
        [JsonPropertyName("ciphertext")] public string? Ciphertext { get; set; }
        [JsonPropertyName("ciphertext_b64")] public string? CiphertextB64 { get; set; }
        [JsonPropertyName("nonce_b64")] public string? NonceB64 { get; set; }
        [JsonPropertyName("tag_b64")] public string? TagB64 { get; set; }
        [JsonPropertyName("aad_b64")] public string? AadB64 { get; set; }
        [JsonPropertyName("version")] public int? Version { get; set; }
        [JsonPropertyName("kid")] public Guid? Kid { get; set; }
        [JsonPropertyName("alg")] public string? Alg { get; set; }
    }

    public sealed class DecryptResponse
    {
        [JsonPropertyName("plaintext_b64")] public required string PlaintextB64 { get; init; }
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

        [HttpPost("/floor/mvc/{id}/decrypt")]
        public ActionResult<DecryptResponse> Decrypt(string id, [FromBody] DecryptRequest request) =>
            key.Decrypt(request) is { } answer ? Ok(answer) : BadRequest();
    }
}
