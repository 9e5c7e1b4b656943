using System.ComponentModel.DataAnnotations;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

namespace AutoKms.Api.Contracts.KeyVersions;

/// <summary>
/// The new status of a version. The version's read-only fields (as GET answers them) are accepted
/// too, so a client may send back what it read; each one given must equal the stored value.
/// </summary>
public sealed class UpdateKeyVersionRequest
{
    /// <summary>The version to change: required in the bulk forms; in the single forms, if given, the path's id.</summary>
    /// <example>0b6f1c52-4f1e-4c55-9a51-0c6a3d1c2e11</example>
    public Guid? Id { get; init; }

    /// <summary>enabled (or active), disabled or destroyed (destroying erases the material for good).</summary>
    /// <example>enabled</example>
    [Required]
    public string? Status { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public Guid? KeyId { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public int? Version { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The single forms (PATCH/PUT /kms/key_version/{id}).</summary>
    public UpdateKeyVersionCommand ToCommand(Guid id) => ToCommand(id, string.Empty);

    /// <summary>The bulk forms: every item names its version; errors name the item (<c>[2].status</c>).</summary>
    public static UpdateKeyVersionCommand ToCommand(UpdateKeyVersionRequest item, int index, WireDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(decoder);
        if (item.Id is null)
        {
            decoder.Invalid($"[{index}].id", "'id' is required in each item: the version to change.");
        }

        return item.ToCommand(item.Id ?? Guid.Empty, $"[{index}].");
    }

    private UpdateKeyVersionCommand ToCommand(Guid id, string prefix) =>
        new(id, Status!) { Echoed = new EchoedKeyVersionFields(Id, KeyId, Version, CreatedAt), FieldPrefix = prefix };
}
