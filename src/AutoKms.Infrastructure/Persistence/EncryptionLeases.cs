using System.Collections.Concurrent;
using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Interfaces;
using Dapper;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Leases encryptions from each version's limit in blocks of <see cref="CacheSettings.EncryptionLease"/>
/// (<c>key_versions.encryptions_leased</c>), and hands them out to this instance's requests from
/// memory. Taking a block reads the leased count and adds to it in one write transaction, so the
/// count compared is the count reserved, whichever instance asks. A request that needs more than
/// is left before the limit gets none, and the key rotates.
/// </summary>
public sealed class EncryptionLeases(KmsDatabase database, DatabaseActivity activity, IOptions<CacheSettings> settings) : IEncryptionLeases
{
    private const int MaxTracked = 100_000;

    private const string LeasedSqlite = "SELECT encryptions_leased FROM key_versions WHERE id = @Id";

    // SQLite's write lock keeps the count still until the update; PostgreSQL locks the row.
    private const string LeasedPostgres = "SELECT encryptions_leased FROM key_versions WHERE id = @Id FOR UPDATE";

    private const string TakeSql = "UPDATE key_versions SET encryptions_leased = encryptions_leased + @Grant WHERE id = @Id";

    private readonly ConcurrentDictionary<Guid, Balance> _balances = new();

    public async ValueTask<bool> TryReserveAsync(Guid versionId, long count, long limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var balance = BalanceOf(versionId);
        if (balance.TryTake(count))
        {
            return true;
        }

        // One lease request per version at a time; the others wait for its block.
        await balance.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (balance.TryTake(count))
            {
                return true;
            }

            var granted = await LeaseAsync(versionId, count - balance.Available, limit, cancellationToken).ConfigureAwait(false);
            balance.Add(granted);
            return balance.TryTake(count);
        }
        finally
        {
            balance.Gate.Release();
        }
    }

    public void GiveBack(Guid versionId, long count)
    {
        if (count > 0)
        {
            BalanceOf(versionId).Add(count);
        }
    }

    private Balance BalanceOf(Guid versionId)
    {
        // Every encryption comes here: the lookup takes no lock. Count does (all of them), so it is
        // read only when a version is seen for the first time.
        if (_balances.TryGetValue(versionId, out var known))
        {
            return known;
        }

        if (_balances.Count > MaxTracked)
        {
            // Forgetting leases only retires versions a little early; it never passes a limit.
            _balances.Clear();
        }

        return _balances.GetOrAdd(versionId, static _ => new Balance());
    }

    /// <summary>At least <paramref name="needed"/> more encryptions (a whole block if the limit allows), or none.</summary>
    private Task<long> LeaseAsync(Guid versionId, long needed, long limit, CancellationToken cancellationToken) =>
        PersistenceErrors.TranslateBusyAsync(async () =>
        {
            activity.LeaseRequest();
            await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var leased = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(database.Sql(LeasedSqlite, LeasedPostgres), new { Id = versionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (leased is null || leased.Value + needed > limit)
            {
                return 0L;
            }

            var grant = Math.Min(Math.Max(needed, settings.Value.EncryptionLease), limit - leased.Value);
            await connection.ExecuteAsync(new CommandDefinition(TakeSql, new { Id = versionId, Grant = grant }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return grant;
        });

    /// <summary>What this instance holds of one version's lease; taken and given back without a lock.</summary>
    private sealed class Balance
    {
        private long _available;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Available => Interlocked.Read(ref _available);

        public bool TryTake(long count)
        {
            var current = Interlocked.Read(ref _available);
            while (current >= count)
            {
                var seen = Interlocked.CompareExchange(ref _available, current - count, current);
                if (seen == current)
                {
                    return true;
                }

                current = seen;
            }

            return false;
        }

        public void Add(long count) => Interlocked.Add(ref _available, count);
    }
}
