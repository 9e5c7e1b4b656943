using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Domain.Keys;
using AutoMapper;

namespace AutoKms.Application.Keys;

/// <summary>
/// One key's PUT or PATCH, shared by the single and the bulk use case (each runs it inside its
/// own transaction), so neither handler calls the other.
/// </summary>
public sealed class KeyUpdates(IKeyRepository keys, IKeyAccess access, TimeProvider clock, IMapper mapper)
{
    public async Task<KeyDto> ApplyAsync(UpdateKeyCommand change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = await keys.GetRequiredAsync(change.Id, cancellationToken).ConfigureAwait(false);
        change.Echoed?.EnsureMatches(mapper.Map<KeyDto>(key), change.FieldPrefix);
        var now = clock.GetUtcNow();

        if (change.Name is not null && change.Name != key.Name)
        {
            // The caller's key-name rules first: a name outside them is a 403, never a hint that it exists.
            await access.EnsureMayUseAsync(change.Name, cancellationToken).ConfigureAwait(false);
            if (await keys.NameExistsAsync(change.Name, key.Id, cancellationToken).ConfigureAwait(false))
            {
                throw ConflictException.NameTaken(change.Name);
            }

            key.Rename(change.Name, now);
        }

        if (change.Status is not null)
        {
            if (KeyAlgorithmNames.ParseStatus(change.Status) == KeyStatus.Enabled)
            {
                key.Enable(now);
            }
            else
            {
                key.Disable(now);
            }
        }

        if (change.MinDecryptionVersion is { } minimum)
        {
            key.ChangeMinDecryptionVersion(minimum, now);
        }

        if (change.RotationPeriodDays is { } days)
        {
            key.ChangeRotationPeriod(days == 0 ? null : days, now);
        }

        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyDto>(key);
    }
}
