namespace AutoKms.Api.Contracts;

/// <summary>A MAC to check against the message; compared in constant time.</summary>
public sealed class VerifyMacRequest
{
    public string? MessageB64 { get; init; }

    public string? MacB64 { get; init; }

    /// <summary>The version that made the MAC (default: primary).</summary>
    public int? Version { get; init; }
}
