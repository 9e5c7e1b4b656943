using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoKms.Api.OpenApi;

/// <summary>
/// Schemas that say what is required and what may be null, so generated clients get plain types:
/// a request property marked <c>[Required]</c> is required and not nullable; an answer's property
/// that is always written is required, and nullable only when its C# type is. The one
/// problem-details schema names every field the service sends (<c>request_id</c>,
/// <c>trace_id</c>, <c>errors</c>).
/// </summary>
public sealed class SchemaShapeTransformer : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (type == typeof(ProblemDetails))
        {
            DescribeProblem(schema);
            return Task.CompletedTask;
        }

        if (type.Namespace?.StartsWith("AutoKms.", StringComparison.Ordinal) != true || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        var isRequest = type.Name.EndsWith("Request", StringComparison.Ordinal);
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo info || !schema.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            if (property.PropertyType == typeof(JsonElement) || property.PropertyType == typeof(JsonElement?))
            {
                // Any JSON value (JSON-RPC params, result, id): a schema without a type says exactly that.
                schema.Properties[property.Name] = new OpenApiSchema { Description = propertySchema.Description };
                continue;
            }

            var required = isRequest
                ? info.GetCustomAttribute<System.ComponentModel.DataAnnotations.RequiredAttribute>() is not null
                : info.GetCustomAttribute<JsonIgnoreAttribute>() is null;
            if (!required)
            {
                continue;
            }

            (schema.Required ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name);
            var nullable = !isRequest && Nullability.Create(info).ReadState == NullabilityState.Nullable;
            if (!nullable && propertySchema is OpenApiSchema concrete && concrete.Type is { } kind)
            {
                concrete.Type = kind & ~JsonSchemaType.Null;
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeProblem(OpenApiSchema schema)
    {
        schema.Description = "RFC 9457 problem details. detail says what to change; errors (422) names each invalid field.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Properties["request_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's id, as in the X-Request-Id header and the service log." };
        schema.Properties["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The W3C trace id of the request." };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "422 only: each invalid field and what is wrong with it.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Required = new HashSet<string>(["status", "detail", "request_id"], StringComparer.Ordinal);
    }
}
