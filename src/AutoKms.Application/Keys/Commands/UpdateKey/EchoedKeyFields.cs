using AutoKms.Application.Common.Models;
using AutoKms.Application.Common.Validation;

namespace AutoKms.Application.Keys.Commands.UpdateKey;

/// <summary>
/// Read-only fields of a key that a PUT or PATCH body may carry because the client read them:
/// each one given must equal the stored value. <c>encryptions</c> and <c>updated_at</c> move on
/// their own (every encryption, every change), so they are accepted and not compared.
/// </summary>
public sealed record EchoedKeyFields(
    Guid? Id = null,
    string? Algorithm = null,
    string? Usage = null,
    int? PrimaryVersion = null,
    DateTimeOffset? NextRotationAt = null,
    DateTimeOffset? CreatedAt = null)
{
    public void EnsureMatches(KeyDto stored, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(stored);
        new ReadOnlyFieldCheck(prefix)
            .Same("id", Id, stored.Id)
            .Same("algorithm", Algorithm, stored.Algorithm)
            .Same("usage", Usage, stored.Usage)
            .Same("primary_version", PrimaryVersion, stored.PrimaryVersion)
            .Same("next_rotation_at", NextRotationAt, stored.NextRotationAt ?? DateTimeOffset.MinValue)
            .Same("created_at", CreatedAt, stored.CreatedAt)
            .ThrowIfAny();
    }
}
