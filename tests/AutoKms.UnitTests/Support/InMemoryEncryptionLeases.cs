using System.Collections.Concurrent;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;

namespace AutoKms.UnitTests.Support;

/// <summary>
/// <see cref="IEncryptionLeases"/> as one instance sees it when it leases exactly what it needs:
/// a version's reserved count starts at the encryptions it has made (<see cref="Given"/>) and a
/// reservation is refused when it would pass the limit.
/// </summary>
public sealed class InMemoryEncryptionLeases : IEncryptionLeases
{
    private readonly ConcurrentDictionary<Guid, long> _reserved = new();

    /// <summary>Starts every version of <paramref name="key"/> at the encryptions it records.</summary>
    public void Given(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var version in key.Versions)
        {
            _reserved[version.Id] = version.Encryptions;
        }
    }

    public long Reserved(Guid versionId) => _reserved.GetValueOrDefault(versionId);

    /// <summary>As if instances had leased <paramref name="reserved"/> encryptions of the version in all.</summary>
    public void Set(Guid versionId, long reserved) => _reserved[versionId] = reserved;

    public ValueTask<bool> TryReserveAsync(Guid versionId, long count, long limit, CancellationToken cancellationToken)
    {
        lock (_reserved)
        {
            var current = _reserved.GetValueOrDefault(versionId);
            if (current + count > limit)
            {
                return ValueTask.FromResult(false);
            }

            _reserved[versionId] = current + count;
            return ValueTask.FromResult(true);
        }
    }

    public void GiveBack(Guid versionId, long count)
    {
        lock (_reserved)
        {
            _reserved[versionId] = _reserved.GetValueOrDefault(versionId) - count;
        }
    }
}
