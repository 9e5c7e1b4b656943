using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// Encrypts under one key version with its material unsealed once. Its encryptions were reserved
/// against the version's limit up front; disposing zeroes the material and gives back what was not used.
/// </summary>
public sealed class Encryptor : IDisposable
{
    private readonly Key _key;
    private readonly KeyVersion _version;
    private readonly KeyMaterial _material;
    private readonly ICryptoProvider _crypto;
    private readonly IEncryptionCounter _counter;
    private readonly IEncryptionLeases _leases;
    private readonly long _reserved;
    private long _count;

    internal Encryptor(Key key, KeyVersion version, KeyMaterial material, ICryptoProvider crypto, IEncryptionCounter counter, IEncryptionLeases leases, long reserved)
    {
        _leases = leases;
        _reserved = reserved;
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
        KeyAlgorithmRules.EnsureAadSupported(_key.Algorithm, aad is { Length: > 0 });
        var payload = _crypto.Encrypt(_key.Algorithm, _material, plaintext, aad);
        _count++;
        return new CipherResult(_key.Id, _version.Version, _key.Algorithm.ToName(), payload.Nonce, payload.Ciphertext, payload.Tag, aad);
    }

    public void Dispose()
    {
        _material.Dispose();

        // The reservation counted every upcoming encryption; give back the ones not made.
        if (_count != _reserved)
        {
            _counter.Record(_version.Id, _count - _reserved);
            _leases.GiveBack(_version.Id, _reserved - _count);
        }

        _count = _reserved;
    }
}
