using System.Net;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoKms.IntegrationTests.Http;

/// <summary>
/// Destroyed means gone: after a version is destroyed or a key purged, neither its row nor the raw
/// database files (<c>kms.db</c>, <c>kms.db-wal</c>) hold its sealed material. Each test first finds
/// the material where it is, so a search that cannot see it would fail the test.
/// </summary>
public sealed class ErasureTests
{
    [Test]
    public async Task DestroyVersion_LeavesNoSealedMaterial_InItsRowOrTheDatabaseFiles()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var keyId = (await client.PostJsonAsync("/kms/key", new { name = "erase-version", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        await client.PostAsync($"/kms/key/{keyId}/rotate", null).Ensure(HttpStatusCode.Created);
        var (v1Id, v1Blob) = ReadVersion(factory.DatabasePath, keyId, 1);
        var (_, v2Blob) = ReadVersion(factory.DatabasePath, keyId, 2);

        Assert.That(v1Blob, Is.Not.Null.And.Length.EqualTo(61));
        Assert.That(FoundInDatabaseFiles(factory, v1Blob!), Is.True, "before the destroy the search finds the blob in the files");

        await client.DeleteAsync($"/kms/key_version/{v1Id}").Ensure(HttpStatusCode.OK);

        var (_, afterDestroy) = ReadVersion(factory.DatabasePath, keyId, 1);
        Assert.That(afterDestroy, Is.Null, "the row is a tombstone without material");
        Assert.That(FoundInDatabaseFiles(factory, v1Blob!), Is.False, "no part of the destroyed blob is left in kms.db or kms.db-wal");
        Assert.That(FoundInDatabaseFiles(factory, v2Blob!), Is.True, "the version that lives on is still found");
    }

    [Test]
    public async Task PurgeKey_LeavesNoSealedMaterial_InAnyRowOrTheDatabaseFiles()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var keyId = (await client.PostJsonAsync("/kms/key", new { name = "erase-key", algorithm = "EC_P256" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        await client.PostAsync($"/kms/key/{keyId}/rotate", null).Ensure(HttpStatusCode.Created);
        var blobs = new[] { ReadVersion(factory.DatabasePath, keyId, 1).Blob!, ReadVersion(factory.DatabasePath, keyId, 2).Blob! };

        await client.DeleteAsync($"/kms/key/{keyId}").Ensure(HttpStatusCode.OK);
        Assert.That(blobs.All(b => FoundInDatabaseFiles(factory, b)), Is.True, "a deleted key keeps its material until it is purged, and the search finds it");

        await client.DeleteAsync($"/kms/deleted_key/{keyId}").Ensure(HttpStatusCode.OK);

        Assert.That(CountVersionRows(factory.DatabasePath, keyId), Is.Zero);
        Assert.That(blobs.Any(b => FoundInDatabaseFiles(factory, b)), Is.False, "no part of a purged key's blobs is left in kms.db or kms.db-wal");
    }

    // Any 16-byte window of the blob (nonce, ciphertext, tag), in the database or its write-ahead log.
    private static bool FoundInDatabaseFiles(KmsApiFactory factory, byte[] blob)
    {
        var files = new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists).Select(ReadShared).ToList();
        for (var offset = 0; offset + 16 <= blob.Length; offset += 8)
        {
            var window = blob.AsSpan(offset, 16).ToArray();
            if (files.Any(bytes => bytes.AsSpan().IndexOf(window) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (string Id, byte[]? Blob) ReadVersion(string database, string keyId, int version)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, sealed_material FROM key_versions WHERE key_id = $key AND version = $version";
        command.Parameters.AddWithValue("$key", keyId);
        command.Parameters.AddWithValue("$version", version);
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True, $"version {version} has a row");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
    }

    private static long CountVersionRows(string database, string keyId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM key_versions WHERE key_id = $key";
        command.Parameters.AddWithValue("$key", keyId);
        return (long)command.ExecuteScalar()!;
    }
}
