using System.ComponentModel.DataAnnotations;
using AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

namespace AutoKms.Api.Contracts.KeyVersions;

/// <summary>The key whose next version to create (it becomes primary, as with rotate).</summary>
public sealed class CreateKeyVersionRequest
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    [Required]
    public Guid? KeyId { get; init; }

    /// <summary>enabled (or the original service's active): a new version is the primary one, so always enabled.</summary>
    /// <example>enabled</example>
    public string? Status { get; init; }

    public CreateKeyVersionCommand ToCommand() => new(KeyId, Status);
}
