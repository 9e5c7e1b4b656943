using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoKms.Api.OpenApi;

/// <summary>
/// Serves the OpenAPI document (3.0) at <c>/openapi.json</c>, with the fixes the 3.0 writer needs;
/// the committed docs/openapi.json is this same text.
/// </summary>
public static class OpenApiDocumentEndpoint
{
    public const string Path = "/openapi.json";
    public const string DocumentName = "v1";

    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context) =>
            {
                var text = await RenderAsync(context.RequestServices, context.RequestAborted).ConfigureAwait(false);
                return Results.Text(text, "application/json; charset=utf-8");
            })
            .ExcludeFromDescription();

    /// <summary>
    /// The 3.0 writer spells an optional object property as <c>oneOf: [{enum: [null], nullable: true}, {$ref}]</c>,
    /// which 3.0 tools reject (nullable without a type); an absent property says the same, so the
    /// <c>$ref</c> alone is kept.
    /// </summary>
    private static void UnwrapNullableReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonObject { Count: 1 } wrapper && wrapper["oneOf"] is JsonArray { Count: 2 } choices
                        && choices.FirstOrDefault(IsNullOnly) is { } nullOnly)
                    {
                        var other = choices.First(c => !ReferenceEquals(c, nullOnly))!;
                        choices.Clear();
                        obj[name] = other;
                        UnwrapNullableReferences(other);
                    }
                    else
                    {
                        UnwrapNullableReferences(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    UnwrapNullableReferences(item);
                }

                break;
        }
    }

    /// <summary>Schemas only used inside another's description (JsonElement) would be listed unused.</summary>
    private static void RemoveUnusedSchemas(JsonObject document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas)
        {
            return;
        }

        var text = document.ToJsonString();
        foreach (var name in schemas.Select(s => s.Key).ToList())
        {
            if (!text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal))
            {
                schemas.Remove(name);
            }
        }
    }

    private static bool IsNullOnly(JsonNode? node) =>
        node is JsonObject choice && choice["enum"] is JsonArray { Count: 1 } values && values[0] is null;

    /// <summary>The document as served, indented, with a final newline.</summary>
    public static async Task<string> RenderAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken).ConfigureAwait(false);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0, cancellationToken).ConfigureAwait(false);
        var root = JsonNode.Parse(json)!.AsObject();


        UnwrapNullableReferences(root);
        RemoveUnusedSchemas(root);
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
