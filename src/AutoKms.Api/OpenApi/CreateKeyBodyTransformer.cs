using AutoKms.Api.Contracts;
using AutoKms.Application.Common.Models;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoKms.Api.OpenApi;

/// <summary>
/// POST /kms/key takes an object or an array (read as raw JSON), so its request and 201 schemas
/// are written here as oneOf of the real types, with an example.
/// </summary>
public sealed class CreateKeyBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor { ActionName: "CreateKey" })
        {
            return;
        }

        var single = await context.GetOrCreateSchemaAsync(typeof(CreateKeyRequest), null, cancellationToken);
        var many = await context.GetOrCreateSchemaAsync(typeof(List<CreateKeyRequest>), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One key, or a JSON array of keys to create atomically.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { OneOf = [single, many] },
                    Example = System.Text.Json.Nodes.JsonNode.Parse("""{"name":"demo","algorithm":"AES256_GCM"}"""),
                },
            },
        };

        var keySchema = await context.GetOrCreateSchemaAsync(typeof(KeyDto), null, cancellationToken);
        var keysSchema = await context.GetOrCreateSchemaAsync(typeof(List<KeyDto>), null, cancellationToken);
        if (operation.Responses?.TryGetValue("201", out var created) == true && created.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Schema = new OpenApiSchema { OneOf = [keySchema, keysSchema] };
        }
    }
}
