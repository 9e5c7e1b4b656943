namespace AutoKms.Application.Common;

/// <summary>
/// <c>Kms:Limits</c>: what one caller or one request can make the service do. Generating RSA keys
/// costs seconds of CPU, so how many may be made at once, per request and in all is bounded.
/// </summary>
public sealed record KeyLimits
{
    public const string SectionName = "Kms:Limits";

    /// <summary>Keys in all, deleted ones waiting for purge included.</summary>
    public int MaxKeys { get; init; } = 100_000;

    /// <summary>Versions one key may have (each rotation adds one).</summary>
    public int MaxVersionsPerKey { get; init; } = 1_000;

    /// <summary>RSA and EC keys one request may create: a REST array, or a whole JSON-RPC batch together.</summary>
    public int MaxAsymmetricKeysPerRequest { get; init; } = 10;

    /// <summary>Key generations running at once; 0: half the processors (at least one), so crypto traffic keeps the rest.</summary>
    public int KeyGenerationConcurrency { get; init; }

    public int EffectiveGenerationConcurrency => KeyGenerationConcurrency > 0 ? KeyGenerationConcurrency : Math.Max(1, Environment.ProcessorCount / 2);
}
