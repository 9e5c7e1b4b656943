using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoKms.Api.OpenApi;

public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Auto KMS",
            Version = "1.0.0",
            Description = "A lightweight, self-hosted key management service. Keys never leave the service; clients encrypt, " +
                "decrypt, wrap, unwrap and rotate by key id. Binary values are standard base64 (`*_b64`). Errors are RFC 9457 " +
                "problem details: 400 bad base64 or failed authentication, 403 disabled, 404 unknown, 409 conflict, 413 body too " +
                "large, 415 not JSON, 422 invalid fields.",
        };
        return Task.CompletedTask;
    }
}
