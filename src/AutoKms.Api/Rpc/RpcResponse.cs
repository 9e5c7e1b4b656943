using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoKms.Api.Rpc;

/// <summary>A JSON-RPC 2.0 response: <c>result</c> (the REST answer's body) or <c>error</c>, and the call's id.</summary>
public sealed class RpcResponse
{
    /// <example>"2.0"</example>
    public required string Jsonrpc { get; init; }

    /// <summary>The operation's answer, shaped as the REST route's success body.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Result { get; init; }

    /// <summary>Why the call failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RpcError? Error { get; init; }

    /// <summary>The call's id (null when the call could not be read).</summary>
    public JsonElement? Id { get; init; }
}
