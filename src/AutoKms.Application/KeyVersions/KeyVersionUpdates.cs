using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;
using AutoKms.Domain.Keys;
using AutoMapper;

namespace AutoKms.Application.KeyVersions;

/// <summary>One version's status change or destruction, shared by the single and the bulk use cases.</summary>
public sealed class KeyVersionUpdates(IKeyRepository keys, TimeProvider clock, IMapper mapper, AuditNotes notes)
{
    public async Task<KeyVersionDto> ApplyAsync(UpdateKeyVersionCommand change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = await LoadAsync(change.Id, cancellationToken).ConfigureAwait(false);
        var version = key.VersionById(change.Id);
        notes.VersionUsed(key.Id, version.Version);
        change.Echoed?.EnsureMatches(mapper.Map<KeyVersionDto>(version), change.FieldPrefix);
        var now = clock.GetUtcNow();
        switch (KeyAlgorithmNames.ParseVersionStatus(change.Status))
        {
            case KeyVersionStatus.Enabled:
                key.EnableVersion(version.Version, now);
                break;
            case KeyVersionStatus.Disabled:
                key.DisableVersion(version.Version, now);
                break;
            case KeyVersionStatus.Destroyed:
                key.DestroyVersion(version.Version, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Status, "Unknown key version status");
        }

        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyVersionDto>(version);
    }

    public async Task DestroyAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var key = await LoadAsync(versionId, cancellationToken).ConfigureAwait(false);
        var version = key.VersionById(versionId).Version;
        notes.VersionUsed(key.Id, version);
        key.DestroyVersion(version, clock.GetUtcNow());
        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Key> LoadAsync(Guid versionId, CancellationToken cancellationToken) =>
        await keys.GetByVersionIdAsync(versionId, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.KeyVersion();
}
