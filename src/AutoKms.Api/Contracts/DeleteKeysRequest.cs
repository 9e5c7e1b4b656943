namespace AutoKms.Api.Contracts;

/// <summary>The keys to delete at once; an unknown id fails the whole request and deletes nothing.</summary>
public sealed class DeleteKeysRequest
{
    /// <example>["5e454eb6-7739-453b-9aee-21d60032a773"]</example>
    public IReadOnlyList<string?>? Ids { get; init; }
}
