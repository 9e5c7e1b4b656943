using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using Dapper;

namespace AutoKms.Infrastructure.Persistence.Repositories;

/// <summary>Dapper access to <c>key_versions.sealed_material</c> for a root-key rotation.</summary>
public sealed class SealedMaterialStore(DbSession session, ChangeFeed changes) : ISealedMaterialStore
{
    private const string ListSql = "SELECT id FROM key_versions WHERE sealed_material IS NOT NULL ORDER BY id";

    private const string FindSql = """
        SELECT v.id, v.key_id, v.version, k.algorithm, k.usage, v.sealed_material
        FROM key_versions v JOIN keys k ON k.id = v.key_id
        WHERE v.id = @Id AND v.sealed_material IS NOT NULL
        """;

    // Compare-and-swap: a version destroyed (NULL) or purged (no row) meanwhile stays so.
    private const string ReplaceSql = """
        UPDATE key_versions SET sealed_material = @Replacement
        WHERE id = @Id AND sealed_material = @Current
        """;

    public Task<IReadOnlyList<Guid>> ListSealedVersionIdsAsync(CancellationToken cancellationToken) =>
        session.QueryAsync<Guid>(ListSql, null, cancellationToken);

    public async Task<SealedVersion?> FindSealedVersionAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<SealedRow>(FindSql, new { Id = versionId }, cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new SealedVersion(
                row.Id,
                new SealingContext(row.KeyId, checked((int)row.Version), KeyAlgorithmNames.ParseAlgorithm(row.Algorithm), KeyAlgorithmNames.ParseUsage(row.Usage)),
                row.SealedMaterial);
    }

    public async Task<bool> ReplaceSealedMaterialAsync(Guid versionId, byte[] current, byte[] replacement, CancellationToken cancellationToken)
    {
        var changed = 0;
        await session.WriteAsync(
            async (connection, transaction) =>
            {
                changed = await connection.ExecuteAsync(new CommandDefinition(ReplaceSql, new { Id = versionId, Current = current, Replacement = replacement }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (changed == 1)
                {
                    // Other instances drop their cached copy of the key, which holds the blob sealed under the old root.
                    session.AppendChange(ChangeFeed.VersionResealedSql, changes.Row(versionId));
                }
            },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    private sealed class SealedRow
    {
        public Guid Id { get; init; }

        public Guid KeyId { get; init; }

        public long Version { get; init; }

        public string Algorithm { get; init; } = string.Empty;

        public string Usage { get; init; } = string.Empty;

        public byte[] SealedMaterial { get; init; } = [];
    }
}
