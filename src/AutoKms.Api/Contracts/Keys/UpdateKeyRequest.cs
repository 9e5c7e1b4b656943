using AutoKms.Application.Keys.Commands.UpdateKey;

namespace AutoKms.Api.Contracts.Keys;

/// <summary>
/// Fields to change on a key: PATCH changes the fields present, PUT requires name and status.
/// The key's read-only fields (as GET answers them) are accepted too, so a client may send back
/// what it read; each one given must equal the stored value (<c>encryptions</c> and
/// <c>updated_at</c> move on their own and are not compared).
/// </summary>
public sealed class UpdateKeyRequest
{
    /// <summary>The key to change: required in the bulk forms; in the single forms, if given, the path's id.</summary>
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public Guid? Id { get; init; }

    /// <summary>New unique name, 1 to 120 characters.</summary>
    /// <example>demo</example>
    public string? Name { get; init; }

    /// <summary>enabled or disabled.</summary>
    /// <example>enabled</example>
    public string? Status { get; init; }

    /// <summary>Versions below this refuse to decrypt (403). At most the primary version.</summary>
    /// <example>1</example>
    public int? MinDecryptionVersion { get; init; }

    /// <summary>Rotate automatically every this many days; 0 turns automatic rotation off.</summary>
    /// <example>90</example>
    public int? RotationPeriodDays { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public string? Algorithm { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public string? Usage { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public int? PrimaryVersion { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public DateTimeOffset? NextRotationAt { get; init; }

    /// <summary>Read-only: must equal the stored value when given.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Read-only, accepted and not compared: it changes with every encryption.</summary>
    public long? Encryptions { get; init; }

    /// <summary>Read-only, accepted and not compared: it changes with every change.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The single forms (PATCH/PUT /kms/key/{id}).</summary>
    public UpdateKeyCommand ToCommand(Guid id, bool replace) => ToCommand(id, replace, string.Empty);

    /// <summary>The bulk forms: every item names its key; errors name the item (<c>[2].name</c>).</summary>
    public static UpdateKeyCommand ToCommand(UpdateKeyRequest item, int index, bool replace, WireDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(decoder);
        if (item.Id is null)
        {
            decoder.Invalid($"[{index}].id", "'id' is required in each item: the key to change.");
        }

        return item.ToCommand(item.Id ?? Guid.Empty, replace, $"[{index}].");
    }

    private UpdateKeyCommand ToCommand(Guid id, bool replace, string prefix) =>
        new(id, Name, Status, replace, MinDecryptionVersion, RotationPeriodDays)
        {
            Echoed = new EchoedKeyFields(Id, Algorithm, Usage, PrimaryVersion, NextRotationAt, CreatedAt),
            FieldPrefix = prefix,
        };
}
