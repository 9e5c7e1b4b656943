namespace AutoKms.Api.Contracts;

/// <summary>How many random bytes to generate (1 to 1024).</summary>
public sealed class RandomRequest
{
    /// <example>32</example>
    public int? Bytes { get; init; }
}
