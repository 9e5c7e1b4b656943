using AutoKms.Application.Common.Models;
using AutoKms.Application.Common.Validation;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

/// <summary>Read-only fields of a version that a PUT or PATCH body may carry: each one given must equal the stored value.</summary>
public sealed record EchoedKeyVersionFields(Guid? Id = null, Guid? KeyId = null, int? Version = null, DateTimeOffset? CreatedAt = null)
{
    public void EnsureMatches(KeyVersionDto stored, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(stored);
        new ReadOnlyFieldCheck(prefix)
            .Same("id", Id, stored.Id)
            .Same("key_id", KeyId, stored.KeyId)
            .Same("version", Version, stored.Version)
            .Same("created_at", CreatedAt, stored.CreatedAt)
            .ThrowIfAny();
    }
}
