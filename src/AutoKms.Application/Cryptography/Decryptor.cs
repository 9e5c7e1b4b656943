using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// Decrypts with whichever version each ciphertext names (the aggregate decides whether it may),
/// unsealing each version at most once. Disposing zeroes every unsealed material.
/// </summary>
public sealed class Decryptor : IDisposable
{
    private readonly Key _key;
    private readonly IKeyMaterialSealer _sealer;
    private readonly ICryptoProvider _crypto;
    private readonly AuditNotes _notes;
    private readonly Dictionary<int, KeyMaterial> _materials = [];

    internal Decryptor(Key key, IKeyMaterialSealer sealer, ICryptoProvider crypto, AuditNotes notes)
    {
        _notes = notes;
        _key = key;
        _sealer = sealer;
        _crypto = crypto;
    }

    public byte[] Decrypt(EncryptedData data, int? version, byte[]? aad)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.EnsureMadeBy(_key);
        var keyVersion = _key.VersionForDecryption(KeyUsage.EncryptDecrypt, data.ResolveVersion(version));
        KeyAlgorithmRules.EnsureAadSupported(_key.Algorithm, aad is { Length: > 0 });
        _notes.VersionUsed(_key.Id, keyVersion.Version);
        if (!_materials.TryGetValue(keyVersion.Version, out var material))
        {
            material = _sealer.Unseal(SealingContext.For(_key, keyVersion), keyVersion.SealedMaterial);
            _materials[keyVersion.Version] = material;
        }

        return _crypto.Decrypt(_key.Algorithm, material, data.ToPayload(_key.Algorithm), aad);
    }

    public void Dispose()
    {
        foreach (var material in _materials.Values)
        {
            material.Dispose();
        }

        _materials.Clear();
    }
}
