using AutoKms.Application.Common.Caching;
using AutoKms.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Maintenance;

/// <summary>
/// Reads the change feed (the <c>changes</c> table every key and token write appends to in its
/// own transaction) every <see cref="CacheSettings.ChangePollMilliseconds"/>, and drops what
/// this instance cached about each key or token changed, through whichever instance. So a rotate,
/// disable, destroy, delete or revoke made elsewhere is seen here within one poll, and requests
/// never query the database to find out. Rows older than an hour are pruned; an instance that
/// could not read the feed for longer than that drops everything it cached.
/// </summary>
public sealed partial class ChangeFeedWatcher(
    KmsDatabase database,
    ChangeFeed feed,
    CacheInvalidation invalidation,
    DatabaseActivity activity,
    IOptions<CacheSettings> settings,
    TimeProvider clock,
    ILogger<ChangeFeedWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private const string LastSql = "SELECT COALESCE(MAX(seq), 0) FROM changes";

    private const string ReadSqlite = "SELECT seq, kind, subject, origin FROM changes WHERE seq > @After ORDER BY seq LIMIT 1000";

    // subject is a uuid there, read as its text like SQLite's.
    private const string ReadPostgres = "SELECT seq, kind, subject::text AS subject, origin FROM changes WHERE seq > @After ORDER BY seq LIMIT 1000";

    private const string PruneSql = "DELETE FROM changes WHERE at < @Cutoff";

    private long _after = -1;
    private DateTimeOffset _lastRead;
    private DateTimeOffset _lastPrune;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.Value.ChangePollMilliseconds), clock);
        do
        {
            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One read of the feed: drops what changed since the last one.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        activity.ChangeFeedPoll();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (_after < 0)
        {
            // Nothing is cached before the first request, so the feed starts from here.
            _after = await connection.ExecuteScalarAsync<long>(new CommandDefinition(LastSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
            _lastRead = now;
            return;
        }

        if (now - _lastRead > Retention)
        {
            // Changes may have been pruned unread.
            invalidation.All();
        }

        while (true)
        {
            var rows = (await connection.QueryAsync<ChangeRow>(new CommandDefinition(database.Sql(ReadSqlite, ReadPostgres), new { After = _after }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            foreach (var row in rows)
            {
                _after = row.Seq;
                if (row.Origin == feed.Origin)
                {
                    // This instance's own change: dropped from its caches when it committed.
                    continue;
                }

                if (row.Kind == "key" && Guid.TryParse(row.Subject, out var keyId))
                {
                    invalidation.KeyChanged(keyId);
                }
                else
                {
                    invalidation.TokensChanged();
                }
            }

            if (rows.Count < 1000)
            {
                break;
            }
        }

        _lastRead = now;
        if (now - _lastPrune > TimeSpan.FromMinutes(1))
        {
            _lastPrune = now;
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(PruneSql, new { Cutoff = now - Retention }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change feed; cached keys and tokens are kept until their time to live and the next read")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    private sealed record ChangeRow
    {
        public long Seq { get; init; }

        public string Kind { get; init; } = string.Empty;

        public string Subject { get; init; } = string.Empty;

        public string Origin { get; init; } = string.Empty;
    }
}
