namespace AutoKms.Api.Contracts.Service;

/// <summary>The JSON-RPC methods POST /kms/rpc accepts.</summary>
public sealed class MethodsResponse
{
    public IReadOnlyList<string> Methods { get; init; } = [];
}
