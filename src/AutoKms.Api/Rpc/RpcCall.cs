using System.Text.Json;
using AutoKms.Api.Http;
using AutoKms.Api.Operations;
using FluentValidation;
using FluentValidation.Results;

namespace AutoKms.Api.Rpc;

/// <summary>One call's params and the operations to run them with. Params that cannot be read are 422s naming the field.</summary>
public sealed class RpcCall(KmsOperations operations, JsonBody json, JsonElement parameters)
{
    public KmsOperations Operations { get; } = operations;

    public JsonElement Params { get; } = parameters;

    public T Body<T>()
        where T : new() =>
        Params.ValueKind == JsonValueKind.Object ? json.Read<T>(Params) : new T();

    public Guid KeyId() => RouteIds.Key(Text("id"));

    public Guid VersionId() => RouteIds.KeyVersion(Text("id"));

    public string? Text(string name)
    {
        if (!TryGetParam(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return TryReadText(value, out var text) ? text : throw Invalid(name, $"'{name}' must be a string of valid Unicode text.");
    }

    public int? Number(string name)
    {
        if (!TryGetParam(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Invalid(name, $"'{name}' must be an integer.");
    }

    /// <summary>Reads a JSON string; <c>false</c> for another kind of value or text that is not valid Unicode (a lone surrogate).</summary>
    public static bool TryReadText(JsonElement value, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private bool TryGetParam(string name, out JsonElement value)
    {
        value = default;
        return Params.ValueKind == JsonValueKind.Object && Params.TryGetProperty(name, out value);
    }
}
