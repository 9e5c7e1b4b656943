using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AutoKms.Api.Http;

/// <summary>
/// Reads JSON taken raw (a route that accepts an object or an array, JSON-RPC params) with the
/// API's JSON rules, turning a value of the wrong type into a 422 that names the field.
/// </summary>
public sealed class JsonBody(IOptions<JsonOptions> options)
{
    public JsonSerializerOptions Options => options.Value.JsonSerializerOptions;

    public T Read<T>(JsonElement body)
    {
        try
        {
            return body.Deserialize<T>(Options) ?? throw new ValidationException([new ValidationFailure("body", "The request body must not be null.")]);
        }
        catch (JsonException ex) when (JsonErrors.IsTypeMismatch(ex.Message))
        {
            var field = JsonErrors.FieldFromPath(ex.Path);
            throw new ValidationException([new ValidationFailure(field, JsonErrors.DescribeTypeMismatch(field, ex.Message))]);
        }
    }
}
