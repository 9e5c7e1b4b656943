using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace AutoKms.Api.Rpc;

/// <summary>
/// A JSON-RPC 2.0 call. POST /kms/rpc also takes an array of these (a batch of up to 100), answered
/// with an array of responses. This type documents the envelope; the controller reads it raw so
/// that malformed calls get JSON-RPC errors rather than HTTP ones.
/// </summary>
public sealed class RpcRequest
{
    /// <summary>Always 2.0.</summary>
    /// <example>"2.0"</example>
    [Required]
    public string Jsonrpc { get; init; } = "2.0";

    /// <summary>One of the names GET /system/methodz lists, e.g. Key.encrypt.</summary>
    /// <example>Key.list</example>
    [Required]
    public string Method { get; init; } = string.Empty;

    /// <summary>The REST body of the operation, plus <c>id</c> for the key or version its path names.</summary>
    public JsonElement? Params { get; init; }

    /// <summary>A string or number echoed in the response; without it the call is a notification and gets no answer.</summary>
    /// <example>1</example>
    public JsonElement? Id { get; init; }
}
