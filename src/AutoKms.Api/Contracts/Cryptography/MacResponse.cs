using AutoKms.Application.Cryptography.Commands.ComputeMac;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>An HMAC-SHA256 and the key version that made it.</summary>
public sealed class MacResponse
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public required Guid Kid { get; init; }

    /// <example>1</example>
    public required int Version { get; init; }

    /// <summary>The 32-byte HMAC-SHA256, base64.</summary>
    /// <example>3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v3q2+7w8=</example>
    public required string MacB64 { get; init; }

    public static MacResponse From(MacResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MacResponse { Kid = result.KeyId, Version = result.Version, MacB64 = Convert.ToBase64String(result.Mac) };
    }
}
