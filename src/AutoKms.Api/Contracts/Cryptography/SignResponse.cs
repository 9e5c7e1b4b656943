using AutoKms.Application.Cryptography.Commands.Sign;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>A signature: RSA-PSS-SHA256 (salt = 32 bytes) for RSA keys, DER-encoded ECDSA P-256/SHA-256 for EC_P256.</summary>
public sealed class SignResponse
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public required Guid Kid { get; init; }

    /// <example>1</example>
    public required int Version { get; init; }

    /// <example>EC_P256</example>
    public required string Alg { get; init; }

    /// <example>MEUCIQDkWmTn3mXhCkA7PjB3ZZhN1v4lP3o7bT9DlS6ZbYgbAgIgV0n1mHfSx1oZm5d3j9QfC4FJbW5j4bM7Qm4i8pQd0aE=</example>
    public required string SignatureB64 { get; init; }

    public static SignResponse From(SignatureResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SignResponse { Kid = result.KeyId, Version = result.Version, Alg = result.Algorithm, SignatureB64 = Convert.ToBase64String(result.Signature) };
    }
}
