using System.ComponentModel.DataAnnotations;
using AutoKms.Application.KeyVersions.Commands.DestroyKeyVersions;

namespace AutoKms.Api.Contracts.KeyVersions;

/// <summary>The versions to destroy at once; an unknown id or a primary version fails the whole request.</summary>
public sealed class DeleteKeyVersionsRequest
{
    /// <summary>Version ids (1 to 100).</summary>
    /// <example>["0b6f1c52-4f1e-4c55-9a51-0c6a3d1c2e11"]</example>
    [Required]
    public IReadOnlyList<Guid>? Ids { get; init; }

    public DestroyKeyVersionsCommand ToCommand() => new(Ids ?? []);
}
