using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// Encrypts under one key version with its material unsealed once. Disposing zeroes the material
/// and records how many encryptions were made.
/// </summary>
public sealed class Encryptor : IDisposable
{
    private readonly Key _key;
    private readonly KeyVersion _version;
    private readonly KeyMaterial _material;
    private readonly ICryptoProvider _crypto;
    private readonly IEncryptionCounter _counter;
    private long _count;

    internal Encryptor(Key key, KeyVersion version, KeyMaterial material, ICryptoProvider crypto, IEncryptionCounter counter)
    {
        _key = key;
        _version = version;
        _material = material;
        _crypto = crypto;
        _counter = counter;
    }

    public KeyAlgorithm Algorithm => _key.Algorithm;

    public CipherResult Encrypt(byte[] plaintext, byte[]? aad)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        KeyCipher.EnsureAadSupported(_key.Algorithm, aad);
        var payload = _crypto.Encrypt(_key.Algorithm, _material, plaintext, aad);
        _count++;
        return new CipherResult(_key.Id, _version.Version, _key.Algorithm.ToName(), payload.Nonce, payload.Ciphertext, payload.Tag, aad);
    }

    public void Dispose()
    {
        _material.Dispose();
        if (_count > 0)
        {
            _counter.Record(_version.Id, _count);
            _count = 0;
        }
    }
}
