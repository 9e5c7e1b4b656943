namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>Random bytes from the service's CSPRNG.</summary>
public sealed class RandomResponse
{
    /// <example>3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v3q2+7w8=</example>
    public required string RandomB64 { get; init; }

    public static RandomResponse From(byte[] bytes) => new() { RandomB64 = Convert.ToBase64String(bytes) };
}
