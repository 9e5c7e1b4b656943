using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using System.Data.Common;
using Dapper;

namespace AutoKms.Infrastructure.Persistence.Repositories;

/// <summary>
/// Dapper persistence of the <see cref="Key"/> aggregate: one key row and its version rows. A unique
/// violation on the key row can only be ux_keys_name (the id is the primary key, another code); on
/// a version row only UNIQUE (key_id, version) (an existing id is an upsert). So which statement
/// failed says which rule was broken.
/// </summary>
public sealed class KeyRepository(DbSession session, DatabaseActivity activity, ChangeFeed changes) : IKeyRepository
{
    private const string SelectKeyRowSql = """
        SELECT id, name, algorithm, usage, status, primary_version, created_at, updated_at, deleted_at,
               min_decryption_version, rotation_period_days, next_rotation_at
        FROM keys
        WHERE id = @Id AND (deleted_at IS NULL) = @Live
        """;

    private const string SelectVersionRowsSql = """
        SELECT id, key_id, version, status, sealed_material, encryptions, created_at, updated_at
        FROM key_versions
        WHERE key_id = @Id
        ORDER BY version;
        """;

    // Both providers, and PostgreSQL outside a transaction.
    private const string SelectKeySql = $"{SelectKeyRowSql};\n{SelectVersionRowsSql}";

    // PostgreSQL inside a request transaction: the key row stays locked until the commit, as
    // SQLite's write lock keeps the whole database, so two requests changing one key take turns
    // instead of the later save overwriting the earlier one.
    private const string SelectKeyForUpdatePostgresSql = $"{SelectKeyRowSql} FOR UPDATE;\n{SelectVersionRowsSql}";

    // The key row, its primary version and the versions asked for: one round trip whose cost does
    // not grow with the number of versions (UNIQUE (key_id, version) is the index it uses). The
    // providers differ in the list: Dapper expands IN @Versions for SQLite, PostgreSQL takes an array.
    private const string SelectKeyWithVersionsSqlite = """
        SELECT id, name, algorithm, usage, status, primary_version, created_at, updated_at, deleted_at,
               min_decryption_version, rotation_period_days, next_rotation_at
        FROM keys
        WHERE id = @Id AND deleted_at IS NULL;

        SELECT v.id, v.key_id, v.version, v.status, v.sealed_material, v.encryptions, v.created_at, v.updated_at
        FROM key_versions v
        WHERE v.key_id = @Id
          AND (v.version = (SELECT primary_version FROM keys WHERE id = @Id) OR v.version IN @Versions)
        ORDER BY v.version;
        """;

    private const string SelectKeyWithVersionsPostgres = """
        SELECT id, name, algorithm, usage, status, primary_version, created_at, updated_at, deleted_at,
               min_decryption_version, rotation_period_days, next_rotation_at
        FROM keys
        WHERE id = @Id AND deleted_at IS NULL;

        SELECT v.id, v.key_id, v.version, v.status, v.sealed_material, v.encryptions, v.created_at, v.updated_at
        FROM key_versions v
        WHERE v.key_id = @Id
          AND (v.version = (SELECT primary_version FROM keys WHERE id = @Id) OR v.version = ANY(@Versions))
        ORDER BY v.version;
        """;

    private const string KeyIdOfVersionSql = "SELECT key_id FROM key_versions WHERE id = @Id";

    private const string CountSql = "SELECT COUNT(*) FROM keys";

    private const string NameExistsSql = """
        SELECT EXISTS (SELECT 1 FROM keys WHERE name = @Name AND (@ExceptId IS NULL OR id <> @ExceptId))
        """;

    private const string InsertKeySql = """
        INSERT INTO keys (id, name, algorithm, usage, status, primary_version, created_at, updated_at, deleted_at,
                          min_decryption_version, rotation_period_days, next_rotation_at)
        VALUES (@Id, @Name, @Algorithm, @Usage, @Status, @PrimaryVersion, @CreatedAt, @UpdatedAt, @DeletedAt,
                @MinDecryptionVersion, @RotationPeriodDays, @NextRotationAt)
        """;

    private const string UpdateKeySql = """
        UPDATE keys
        SET name = @Name, status = @Status, primary_version = @PrimaryVersion, updated_at = @UpdatedAt, deleted_at = @DeletedAt,
            min_decryption_version = @MinDecryptionVersion, rotation_period_days = @RotationPeriodDays, next_rotation_at = @NextRotationAt
        WHERE id = @Id
        """;

    // Upsert: new versions are inserted, existing ones take their new status. Stored material is
    // never rewritten, only erased when the version is destroyed, so no save can bring back the
    // material of a destroyed version. Encryption counters are never written from here.
    private const string UpsertVersionSql = """
        INSERT INTO key_versions (id, key_id, version, status, sealed_material, encryptions, created_at, updated_at)
        VALUES (@Id, @KeyId, @Version, @Status, @SealedMaterial, 0, @CreatedAt, @UpdatedAt)
        ON CONFLICT (id) DO UPDATE SET
            status = excluded.status,
            sealed_material = CASE WHEN excluded.status = 'destroyed' THEN NULL ELSE key_versions.sealed_material END,
            updated_at = excluded.updated_at
        """;

    private const string PurgeSql = "DELETE FROM keys WHERE id = @Id AND deleted_at IS NOT NULL AND deleted_at <= @Cutoff";

    private const string DueForRotationSql = """
        SELECT id FROM keys
        WHERE next_rotation_at IS NOT NULL AND next_rotation_at <= @Now AND deleted_at IS NULL
        ORDER BY next_rotation_at
        LIMIT @Limit
        """;

    private const string ExpiredDeletedSql = """
        SELECT id FROM keys
        WHERE deleted_at IS NOT NULL AND deleted_at <= @Cutoff
        ORDER BY deleted_at
        LIMIT @Limit
        """;

    public Task<Key?> GetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, live: true, cancellationToken);

    public Task<Key?> GetDeletedAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, live: false, cancellationToken);

    public async Task<bool> PurgeAsync(Guid id, DateTimeOffset deletedAtOrBefore, CancellationToken cancellationToken)
    {
        // The versions go by cascade. SQLite: secure_delete (set on every connection) zeroes the
        // freed pages. PostgreSQL: the rows are dead tuples until VACUUM (docs/operations.md).
        session.RequestCheckpoint();
        var deleted = 0;
        await session.WriteAsync(
            async (connection, transaction) =>
            {
                deleted = await connection.ExecuteAsync(new CommandDefinition(PurgeSql, new { Id = id, Cutoff = deletedAtOrBefore }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (deleted > 0)
                {
                    session.AppendChange(ChangeFeed.KeyChangedSql, changes.Row(id));
                }
            },
            cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    public Task<IReadOnlyList<Guid>> FindDueForRotationAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        session.QueryAsync<Guid>(DueForRotationSql, new { Now = now, Limit = limit }, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        session.QueryAsync<Guid>(ExpiredDeletedSql, new { Cutoff = cutoff, Limit = limit }, cancellationToken);

    public Task<Key?> GetWithVersionsAsync(Guid id, IReadOnlyCollection<int> versions, CancellationToken cancellationToken) =>
        session.ReadAsync(
            async (connection, transaction) =>
            {
                await using var results = await connection.QueryMultipleAsync(new CommandDefinition(session.Database.Sql(SelectKeyWithVersionsSqlite, SelectKeyWithVersionsPostgres), new { Id = id, Versions = versions.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                var key = await results.ReadSingleOrDefaultAsync<KeyRow>().ConfigureAwait(false);
                if (key is null)
                {
                    return null;
                }

                var loaded = (await results.ReadAsync<KeyVersionRow>().ConfigureAwait(false)).AsList();
                activity.VersionRowsRead(loaded.Count);
                return key.ToDomain(loaded.Select(v => v.ToDomain()), allVersions: false);
            },
            cancellationToken);

    private Task<Key?> LoadAsync(Guid id, bool live, CancellationToken cancellationToken) =>
        session.ReadAsync(
            async (connection, transaction) =>
            {
                var sql = transaction is null ? SelectKeySql : session.Database.Sql(sqlite: SelectKeySql, postgres: SelectKeyForUpdatePostgresSql);
                await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { Id = id, Live = live }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                var key = await results.ReadSingleOrDefaultAsync<KeyRow>().ConfigureAwait(false);
                if (key is null)
                {
                    return null;
                }

                var versions = (await results.ReadAsync<KeyVersionRow>().ConfigureAwait(false)).AsList();
                activity.VersionRowsRead(versions.Count);
                return key.ToDomain(versions.Select(v => v.ToDomain()));
            },
            cancellationToken);

    public async Task<Key?> GetByVersionIdAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var keyId = await session.QuerySingleOrDefaultAsync<Guid?>(KeyIdOfVersionSql, new { Id = versionId }, cancellationToken).ConfigureAwait(false);
        return keyId is null ? null : await GetAsync(keyId.Value, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> NameExistsAsync(string name, Guid? exceptId, CancellationToken cancellationToken) =>
        session.ExecuteScalarAsync<bool>(NameExistsSql, new { Name = name, ExceptId = exceptId }, cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<int>(CountSql, null, cancellationToken).ConfigureAwait(false);

    public Task AddAsync(Key key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync(key, InsertKeySql, changed: false, cancellationToken);
    }

    public Task SaveAsync(Key key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.HasAllVersions)
        {
            throw new InvalidOperationException("A key loaded with some of its versions is for reading; load the whole key to change it.");
        }

        if (key.Versions.Any(v => v.Status == KeyVersionStatus.Destroyed && v.UpdatedAt == key.UpdatedAt))
        {
            session.RequestCheckpoint();
        }

        return WriteAsync(key, UpdateKeySql, changed: true, cancellationToken);
    }

    // A change to a stored key also appends to the change feed, so other instances drop their
    // cached copy. A new key needs no row: nothing caches a key that does not exist.
    private Task WriteAsync(Key key, string keySql, bool changed, CancellationToken cancellationToken) =>
        session.WriteAsync(
            async (connection, transaction) =>
            {
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(keySql, KeyRow.From(key), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                catch (DbException ex) when (PersistenceErrors.IsUniqueViolation(ex))
                {
                    throw ConflictException.NameTaken(key.Name);
                }

                foreach (var version in key.Versions)
                {
                    try
                    {
                        await connection.ExecuteAsync(new CommandDefinition(UpsertVersionSql, KeyVersionRow.From(version), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    }
                    catch (DbException ex) when (PersistenceErrors.IsUniqueViolation(ex))
                    {
                        throw new ConflictException("The key was rotated concurrently; retry the request");
                    }
                }

                if (changed)
                {
                    session.AppendChange(ChangeFeed.KeyChangedSql, changes.Row(key.Id));
                }
            },
            cancellationToken);

    private sealed class KeyRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string Algorithm { get; init; } = string.Empty;

        public string Usage { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public long PrimaryVersion { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public DateTimeOffset? DeletedAt { get; init; }

        public long MinDecryptionVersion { get; init; } = 1;

        public long? RotationPeriodDays { get; init; }

        public DateTimeOffset? NextRotationAt { get; init; }

        public static KeyRow From(Key key) => new()
        {
            Id = key.Id,
            Name = key.Name,
            Algorithm = key.Algorithm.ToName(),
            Usage = key.Usage.ToName(),
            Status = key.Status.ToName(),
            PrimaryVersion = key.PrimaryVersion,
            CreatedAt = key.CreatedAt,
            UpdatedAt = key.UpdatedAt,
            DeletedAt = key.DeletedAt,
            MinDecryptionVersion = key.MinDecryptionVersion,
            RotationPeriodDays = key.RotationPeriodDays,
            NextRotationAt = key.NextRotationAt,
        };

        public Key ToDomain(IEnumerable<KeyVersion> versions, bool allVersions = true) => Key.Rehydrate(
            Id,
            Name,
            KeyAlgorithmNames.ParseAlgorithm(Algorithm),
            KeyAlgorithmNames.ParseUsage(Usage),
            KeyAlgorithmNames.ParseStatus(Status),
            checked((int)PrimaryVersion),
            CreatedAt,
            UpdatedAt,
            DeletedAt,
            checked((int)MinDecryptionVersion),
            RotationPeriodDays is null ? null : checked((int)RotationPeriodDays.Value),
            NextRotationAt,
            versions,
            allVersions);
    }

    private sealed class KeyVersionRow
    {
        public Guid Id { get; init; }

        public Guid KeyId { get; init; }

        public long Version { get; init; }

        public string Status { get; init; } = string.Empty;

        public byte[]? SealedMaterial { get; init; }

        public long Encryptions { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public static KeyVersionRow From(KeyVersion version) => new()
        {
            Id = version.Id,
            KeyId = version.KeyId,
            Version = version.Version,
            Status = version.Status.ToName(),
            SealedMaterial = version.HasMaterial ? version.SealedMaterial.ToArray() : null,
            Encryptions = version.Encryptions,
            CreatedAt = version.CreatedAt,
            UpdatedAt = version.UpdatedAt,
        };

        public KeyVersion ToDomain() => KeyVersion.Rehydrate(
            Id,
            KeyId,
            checked((int)Version),
            KeyAlgorithmNames.ParseVersionStatus(Status),
            SealedMaterial,
            Encryptions,
            CreatedAt,
            UpdatedAt);
    }
}
