namespace AutoKms.Api.Contracts;

/// <summary>The key whose next version to create (it becomes primary, as with rotate).</summary>
public sealed class CreateKeyVersionRequest
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public string? KeyId { get; init; }
}
