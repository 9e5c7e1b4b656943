using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Keys.Commands.DeleteKeys;

namespace AutoKms.Api.Contracts.Keys;

/// <summary>The keys to delete at once; an unknown id fails the whole request and deletes nothing.</summary>
public sealed class DeleteKeysRequest
{
    /// <summary>Key ids (1 to 100).</summary>
    /// <example>["5e454eb6-7739-453b-9aee-21d60032a773"]</example>
    [Required]
    public IReadOnlyList<Guid>? Ids { get; init; }

    public DeleteKeysCommand ToCommand() => new(Ids ?? []);
}
