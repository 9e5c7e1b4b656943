using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AutoKms.Application.Common.Models;

namespace AutoKms.Application.Common.Auditing;

/// <summary>
/// The hash chain of the audit trail. Each record's hash is
/// <c>SHA-256(domain ‖ F(seq) ‖ F(time) ‖ F(principal) ‖ F(operation) ‖ F(key_id) ‖ F(version) ‖
/// F(outcome) ‖ F(items) ‖ F(request_id) ‖ F(client_address) ‖ previous hash)</c>, where
/// <c>domain</c> is the ASCII bytes of <c>akms-audit-v1</c> followed by a line feed, <c>F(null)</c> is the four bytes
/// <c>FF FF FF FF</c> and <c>F(text)</c> is the UTF-8 length as a 4-byte big-endian integer followed by the
/// UTF-8 bytes. Numbers are written in decimal ASCII, the time as stored
/// (<see cref="FormatTime"/>), the key id as its lowercase "D" form; the previous hash is the 32
/// raw bytes of the previous record's hash (32 zero bytes before record 1). Hashes are stored as
/// lowercase hex. Changing, removing or reordering any record breaks the chain at that place.
/// </summary>
public static class AuditChain
{
    public const int HashBytes = 32;

    private static readonly byte[] Domain = "akms-audit-v1\n"u8.ToArray();

    /// <summary>The previous hash of record 1.</summary>
    public static string GenesisHash { get; } = new('0', HashBytes * 2);

    /// <summary>How a record's time is stored and hashed: UTC with seven fractional digits.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The stored form of <paramref name="entry"/> at position <paramref name="seq"/>, chained to <paramref name="previousHash"/>.</summary>
    public static AuditRecord Seal(long seq, AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new AuditRecord(
            seq,
            FormatTime(entry.Time),
            entry.Principal,
            entry.Operation,
            entry.KeyId?.ToString("D"),
            entry.Version,
            entry.Outcome,
            entry.Items,
            entry.RequestId,
            entry.ClientAddress,
            string.Empty);
        return record with { Hash = Hash(record, previousHash) };
    }

    /// <summary>The hash <paramref name="record"/> must carry when it follows a record whose hash is <paramref name="previousHash"/>.</summary>
    public static string Hash(AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(previousHash);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        Append(hash, record.Seq.ToString(CultureInfo.InvariantCulture));
        Append(hash, record.Time);
        Append(hash, record.Principal);
        Append(hash, record.Operation);
        Append(hash, record.KeyId);
        Append(hash, record.Version?.ToString(CultureInfo.InvariantCulture));
        Append(hash, record.Outcome);
        Append(hash, record.Items?.ToString(CultureInfo.InvariantCulture));
        Append(hash, record.RequestId);
        Append(hash, record.ClientAddress);
        hash.AppendData(PreviousBytes(previousHash));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] PreviousBytes(string previousHash)
    {
        // A stored hash that is not 64 hex digits cannot be a link of the chain; hash it as it is
        // (the record after it then fails verification) rather than throw on a tampered row.
        if (previousHash.Length == HashBytes * 2)
        {
            try
            {
                return Convert.FromHexString(previousHash);
            }
            catch (FormatException)
            {
            }
        }

        return Encoding.UTF8.GetBytes(previousHash);
    }

    private static void Append(IncrementalHash hash, string? field)
    {
        Span<byte> length = stackalloc byte[4];
        if (field is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            hash.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(field);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
