namespace AutoKms.Api.Contracts;

/// <summary>Asks for a fresh data key for envelope encryption.</summary>
public sealed class DataKeyRequest
{
    /// <summary>Length of the data key in bytes (1 to 1024, default 32).</summary>
    /// <example>32</example>
    public int? Bytes { get; init; }

    /// <summary>Optional associated data bound to the wrapped form.</summary>
    public string? AadB64 { get; init; }

    /// <summary>false answers only the wrapped form (default true).</summary>
    /// <example>true</example>
    public bool? IncludePlaintext { get; init; }
}
