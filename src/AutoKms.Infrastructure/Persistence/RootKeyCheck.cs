using System.Security.Cryptography;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Infrastructure.Crypto;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Refuses to start a service whose root key is not the one the database was sealed with: the
/// first start seals a known value into <c>kms_meta</c> (<c>root_key_check</c>); every later
/// start must open it. A root-key rotation seals the value under the new key too
/// (<c>root_key_next_check</c>) and, once every version is re-sealed, makes that the check.
/// </summary>
public sealed partial class RootKeyCheck(KmsDatabase database, RootKeyRing ring, ILogger<RootKeyCheck> logger)
{
    private const string CheckName = "root_key_check";
    private const string NextCheckName = "root_key_next_check";
    private const string SelectSql = "SELECT value FROM kms_meta WHERE name = @Name";
    // Two instances starting at once on one PostgreSQL database both see no check: the first
    // insert wins and both then verify the stored one.
    private const string InsertSql = "INSERT INTO kms_meta (name, value) VALUES (@Name, @Value) ON CONFLICT (name) DO NOTHING";
    private const string PromoteNextSql = """
        UPDATE kms_meta SET value = (SELECT value FROM kms_meta WHERE name = @NextCheckName) WHERE name = @CheckName;
        DELETE FROM kms_meta WHERE name = @NextCheckName;
        """;

    private static readonly byte[] Marker = "auto-kms root key check v1......"u8.ToArray();

    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await ReadAsync(connection, CheckName, cancellationToken).ConfigureAwait(false);
        var rootKey = ring.Current;
        if (stored is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { Name = CheckName, Value = SealMarker(rootKey) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            stored = await ReadAsync(connection, CheckName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The root-key check could not be stored.");
        }

        var next = await ReadAsync(connection, NextCheckName, cancellationToken).ConfigureAwait(false);
        if (Opens(rootKey, stored))
        {
            if (next is not null)
            {
                LogUnfinishedRotation(logger);
            }

            return;
        }

        if (next is not null && Opens(rootKey, next))
        {
            throw new InvalidOperationException(
                "The configured root key is the target of a root-key rotation that did not finish; refusing to start. " +
                "Start the service with the previous root key, then run POST /kms/root_key/rotate again with this key to finish the rotation.");
        }

        throw new InvalidOperationException(
            "The configured root key is not the one this database was sealed with; refusing to start. " +
            "Configure the original root key (Kms:RootKey, Kms:RootKeyFile or Kms:Pkcs11:KeyLabel), or, after a root-key rotation, the new one.");
    }

    /// <summary>
    /// Seals the check under the new root key, or, for an unfinished rotation, checks that it is the
    /// same key. Refuses the current key itself and a new key while a rotation to another is unfinished.
    /// </summary>
    public async Task PrepareRotationAsync(IRootKey next, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await ReadAsync(connection, CheckName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The database has no root-key check.");
        if (Opens(next, stored))
        {
            throw new InvalidRequestException("The new root key is the current root key.");
        }

        var pending = await ReadAsync(connection, NextCheckName, cancellationToken).ConfigureAwait(false);
        if (pending is null)
        {
            // Re-read: another instance may have prepared a rotation meanwhile.
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { Name = NextCheckName, Value = SealMarker(next) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            pending = await ReadAsync(connection, NextCheckName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The root-key check could not be stored.");
        }

        if (!Opens(next, pending))
        {
            throw new ConflictException(
                "A rotation to another root key did not finish: some versions may be sealed under that key. " +
                "Run the rotation again with that key to finish it before rotating to another.");
        }
    }

    /// <summary>
    /// Waits for every write transaction that began before this call: the service seals only
    /// inside write transactions (<see cref="KmsDatabase.BeginWriteAsync"/>), so once this returns
    /// every blob sealed under the previous root key is committed. SQLite: its one write lock;
    /// PostgreSQL: the write barrier every write transaction holds shared.
    /// </summary>
    public Task AwaitEarlierWritesAsync(CancellationToken cancellationToken) => database.AwaitEarlierWritesAsync(cancellationToken);

    /// <summary>Makes the new root key's check the database's, in one transaction, then the provider's after-erase step (SQLite: truncates the WAL).</summary>
    public async Task CompleteRotationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(PromoteNextSql, new { CheckName, NextCheckName }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Blobs sealed under the old root key are overwritten in the file (secure_delete); this
        // moves their last copies out of the write-ahead log. Best effort, like after a purge.
        await database.AfterEraseAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private static Task<byte[]?> ReadAsync(System.Data.Common.DbConnection connection, string name, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(SelectSql, new { Name = name }, cancellationToken: cancellationToken));

    private static byte[] SealMarker(IRootKey rootKey) => AesGcmKeyMaterialSealer.SealWith(rootKey, SealingContext.RootKeyCheck, Marker);

    private static bool Opens(IRootKey rootKey, byte[] sealedMarker)
    {
        try
        {
            using var opened = AesGcmKeyMaterialSealer.UnsealWith(rootKey, SealingContext.RootKeyCheck, sealedMarker);
            return CryptographicOperations.FixedTimeEquals(opened.Span, Marker);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A root-key rotation did not finish: key versions it re-sealed open only under the new root key. Run POST /kms/root_key/rotate again with the same new root key to finish it.")]
    private static partial void LogUnfinishedRotation(ILogger logger);
}
