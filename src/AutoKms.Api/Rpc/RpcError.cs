using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoKms.Api.Rpc;

/// <summary>
/// A JSON-RPC error: -32700 parse error, -32600 invalid request, -32601 unknown method, -32602
/// invalid params (the REST 400/422), -32603 internal, -32000 minus (status - 400) for the other
/// HTTP errors (403 → -32003, 404 → -32004, 409 → -32009).
/// </summary>
public sealed class RpcError
{
    /// <example>-32004</example>
    public required int Code { get; init; }

    /// <example>Key not found</example>
    public required string Message { get; init; }

    /// <summary>The HTTP status and detail (and errors, for a 422) the REST route would have answered.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Data { get; init; }
}
