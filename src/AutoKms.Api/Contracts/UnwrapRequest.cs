namespace AutoKms.Api.Contracts;

/// <summary>A wrapped key from wrap, with the version that wrapped it.</summary>
public sealed class UnwrapRequest
{
    /// <example>3q2+7w8ZbWkzZmQ=</example>
    public string? WrappedKeyB64 { get; init; }

    /// <example>q83vEjRWeJCrze8S</example>
    public string? NonceB64 { get; init; }

    /// <example>3q2+796tvu/erb7v3q2+7w==</example>
    public string? TagB64 { get; init; }

    public string? AadB64 { get; init; }

    /// <summary>The version from the wrap answer; default: the primary version.</summary>
    /// <example>1</example>
    public int? Version { get; init; }

    /// <summary>The self-describing form from wrap, in place of the split fields.</summary>
    public string? Ciphertext { get; init; }
}
