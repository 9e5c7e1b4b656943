using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using Dapper;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Refuses to start a service whose root key is not the one the database was sealed with: the
/// first start seals a known value into <c>kms_meta</c>; every later start must open it.
/// </summary>
public sealed class RootKeyCheck(SqliteDatabase database, IKeyMaterialSealer sealer)
{
    private const string Name = "root_key_check";
    private const string SelectSql = "SELECT value FROM kms_meta WHERE name = @Name";
    private const string InsertSql = "INSERT INTO kms_meta (name, value) VALUES (@Name, @Value)";

    private static readonly byte[] Marker = "auto-kms root key check v1......"u8.ToArray();

    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var stored = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(SelectSql, new { Name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (stored is null)
        {
            using var marker = new KeyMaterial(Marker.ToArray());
            var sealedMarker = sealer.Seal(SealingContext.RootKeyCheck, marker);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { Name, Value = sealedMarker }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return;
        }

        try
        {
            using var opened = sealer.Unseal(SealingContext.RootKeyCheck, stored);
            if (!CryptographicOperations.FixedTimeEquals(opened.Span, Marker))
            {
                throw new CryptographicException("marker mismatch");
            }
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                "The configured root key is not the one this database was sealed with; refusing to start. " +
                "Configure the original root key (Kms:RootKey or Kms:RootKeyFile).");
        }
    }
}
