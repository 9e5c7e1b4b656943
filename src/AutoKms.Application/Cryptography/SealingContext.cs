using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// What a sealed blob is bound to: the key, the version, and the algorithm and usage the
/// material is for. A blob opens only for exactly this context, so material cannot be moved to
/// another key or version, nor reused under another algorithm by editing a database row.
/// </summary>
public sealed record SealingContext(Guid KeyId, int Version, KeyAlgorithm Algorithm, KeyUsage Usage)
{
    /// <summary>The marker the service seals at first start, to recognise its root key later.</summary>
    public static SealingContext RootKeyCheck { get; } = new(Guid.Empty, 0, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt);

    public static SealingContext For(Key key, KeyVersion version)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(version);
        return new(key.Id, version.Version, key.Algorithm, key.Usage);
    }

    /// <summary>The associated data: <c>akms-seal-v1|key id|version|algorithm|usage</c>.</summary>
    public byte[] AssociatedData() =>
        System.Text.Encoding.UTF8.GetBytes($"akms-seal-v1|{KeyId:D}|{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{Algorithm.ToName()}|{Usage.ToName()}");
}
