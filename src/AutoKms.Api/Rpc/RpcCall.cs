using System.Text.Json;
using System.Text.Json.Nodes;
using AutoKms.Api.Http;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Api.Rpc;

/// <summary>
/// One call: its <c>params</c> (the REST body, plus <c>id</c> for the key or version the REST path
/// names) and the mediator to send the contract's command to. Params are read as strictly as REST
/// bodies: an unknown field or a value of the wrong type is a 422 naming it.
/// </summary>
public sealed class RpcCall(IMediator mediator, JsonSerializerOptions options, JsonElement parameters, string idName)
{
    public IMediator Mediator { get; } = mediator;

    public JsonElement Params { get; } = parameters;

    /// <summary>The params (without <c>id</c>, which the REST path carries) as the route's body contract.</summary>
    public T Body<T>()
        where T : new()
    {
        if (Params.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new T();
        }

        if (Params.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("params", "'params' must be an object.");
        }

        if (!Params.TryGetProperty("id", out _))
        {
            return Read<T>(Params);
        }

        var withoutId = JsonNode.Parse(Params.GetRawText())!.AsObject();
        withoutId.Remove("id");
        return Read<T>(withoutId);
    }

    /// <summary>Refuses any member of <c>params</c> not in <paramref name="names"/>: 422 <c>Unknown field</c>.</summary>
    public void EnsureOnly(IReadOnlyCollection<string> names)
    {
        if (Params.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in Params.EnumerateObject())
            {
                if (!names.Contains(member.Name))
                {
                    throw Invalid(member.Name, Http.JsonErrors.DescribeUnknown(member.Name));
                }
            }
        }
        else if (Params.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw Invalid("params", "'params' must be an object.");
        }
    }

    /// <summary>The params as a whole (an array for the bulk forms).</summary>
    public T Whole<T>() => Read<T>(Params);

    public Guid Id() => Text("id") is { } text && Guid.TryParse(text, out var id) ? id : throw Invalid("id", $"Invalid UUID for {idName}");

    public Guid? OptionalGuid(string name) =>
        Text(name) is not { } text ? null : Guid.TryParse(text, out var id) ? id : throw Invalid(name, $"'{name}' must be a UUID.");

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

    private T Read<T>(JsonElement element) =>
        element.Deserialize<T>(options) ?? throw Invalid("params", "'params' must not be null.");

    private T Read<T>(JsonNode node) =>
        node.Deserialize<T>(options) ?? throw Invalid("params", "'params' must not be null.");

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private bool TryGetParam(string name, out JsonElement value)
    {
        value = default;
        return Params.ValueKind == JsonValueKind.Object && Params.TryGetProperty(name, out value);
    }
}
