using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoKms.Api.OpenApi;

/// <summary>
/// The document's front matter: info with licence and contact, a relative server (the document
/// is served by the service it describes, wherever that runs), the bearer security scheme, and a
/// description for every tag.
/// </summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Keys"] = "Create, read, change, delete and rotate keys. A key's material never leaves the service.",
        ["Cryptography"] = "Encrypt, decrypt, wrap, unwrap, rewrap, data keys, signatures, MACs and random bytes with a key.",
        ["Key versions"] = "Each rotation makes a version; old versions keep decrypting until disabled or destroyed.",
        ["Deleted keys"] = "Deleted keys wait out a retention window, recoverable, before they are purged.",
        ["JSON-RPC"] = "The same operations as JSON-RPC 2.0 calls over one route.",
        ["Audit"] = "The hash-chained audit trail: who used which key, how it ended, and a check that no record was changed, removed or moved.",
        ["System"] = "Health and discovery; open to every caller.",
        ["Tokens"] = "Bearer tokens with scopes and key-name globs, managed by admins (kms.admin).",
    };

    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Auto KMS",
            Version = "1.0.0",
            Description = "A lightweight, self-hosted key management service. Keys never leave the service; clients encrypt, " +
                "decrypt, wrap, unwrap and rotate by key id. Binary values are standard base64 (`*_b64`). Bodies are read " +
                "strictly: an unknown field or a string where a number belongs is a 422. Errors are RFC 9457 problem details " +
                "(`application/problem+json`): 400 bad base64 or failed authentication, 403 disabled, 404 unknown, 409 conflict, " +
                "413 body too large, 415 not JSON, 422 invalid fields, 503 database busy.",
            License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") },
            Contact = new OpenApiContact { Name = "Auto KMS maintainers", Url = new Uri("https://github.com/auto-kms/auto-kms") },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service that serves this document." }];
        // The service's own tokens and JWTs are both bearer tokens. In open mode (development:
        // nothing configured, loopback only) no token is needed, hence the empty alternative.
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from POST /kms/token (akms_...) or a JWT from the platform's identity provider, with the scopes each operation names.",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement(),
        ];
        document.Tags = new HashSet<OpenApiTag>(
            TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        return Task.CompletedTask;
    }
}
