using System.Security.Cryptography;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// The default crypto provider: System.Security.Cryptography in process (OpenSSL underneath on
/// Linux). AES-256-GCM and ChaCha20-Poly1305 with a 96-bit random nonce and a 128-bit tag;
/// RSA-OAEP with SHA-256. Symmetric material is 32 bytes from the OS CSPRNG; asymmetric material
/// is the PKCS#8 private key. Every operation asked of it counts in
/// <c>autokms.crypto.operations</c> by algorithm and operation (a failed authentication too).
/// </summary>
public sealed class SoftwareCryptoProvider(KmsMetrics? metrics = null) : ICryptoProvider
{
    public const int SymmetricKeySize = 32;

    public KeyMaterial GenerateKeyMaterial(KeyAlgorithm algorithm)
    {
        Count(algorithm, "generate");
        switch (algorithm)
        {
            case KeyAlgorithm.Aes256Gcm or KeyAlgorithm.ChaCha20Poly1305 or KeyAlgorithm.HmacSha256:
                return new KeyMaterial(RandomNumberGenerator.GetBytes(SymmetricKeySize));
            case KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072:
                using (var rsa = RSA.Create(RsaBits(algorithm)))
                {
                    return new KeyMaterial(rsa.ExportPkcs8PrivateKey());
                }

            case KeyAlgorithm.EcP256:
                using (var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    return new KeyMaterial(ecdsa.ExportPkcs8PrivateKey());
                }

            default:
                throw new UnsupportedKeyOperationException($"Algorithm {algorithm} has no key generator");
        }
    }

    public CipherPayload Encrypt(KeyAlgorithm algorithm, KeyMaterial key, byte[] plaintext, byte[]? aad)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(plaintext);
        Count(algorithm, "encrypt");
        switch (algorithm)
        {
            case KeyAlgorithm.Aes256Gcm or KeyAlgorithm.ChaCha20Poly1305:
                {
                    var nonce = RandomNumberGenerator.GetBytes(AeadSizes.Nonce);
                    var ciphertext = new byte[plaintext.Length];
                    var tag = new byte[AeadSizes.Tag];
                    using (var aead = RentAead(algorithm, key))
                    {
                        aead.Encrypt(nonce, plaintext, ciphertext, tag, aad);
                    }

                    return new CipherPayload(nonce, ciphertext, tag);
                }

            case KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072:
                {
                    var max = RsaOaepMaxPlaintext(algorithm);
                    if (plaintext.Length > max)
                    {
                        throw new InvalidRequestException($"{algorithm.ToName()} with OAEP-SHA256 encrypts at most {max} bytes; use a data key for larger payloads");
                    }

                    using var rsa = RentRsa(key);
                    return new CipherPayload(null, rsa.Value.Encrypt(plaintext, RSAEncryptionPadding.OaepSHA256), null);
                }

            default:
                throw new UnsupportedKeyOperationException($"{algorithm.ToName()} keys do not encrypt");
        }
    }

    public byte[] Decrypt(KeyAlgorithm algorithm, KeyMaterial key, CipherPayload payload, byte[]? aad)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(payload);
        Count(algorithm, "decrypt");
        switch (algorithm)
        {
            case KeyAlgorithm.Aes256Gcm or KeyAlgorithm.ChaCha20Poly1305:
                {
                    if (payload.Nonce is null || payload.Tag is null)
                    {
                        throw new InvalidRequestException($"nonce_b64 and tag_b64 are required to decrypt with {algorithm.ToName()}");
                    }

                    if (payload.Nonce.Length != AeadSizes.Nonce || payload.Tag.Length != AeadSizes.Tag)
                    {
                        throw new DecryptionFailedException();
                    }

                    var plaintext = new byte[payload.Ciphertext.Length];
                    try
                    {
                        using var aead = RentAead(algorithm, key);
                        aead.Decrypt(payload.Nonce, payload.Ciphertext, payload.Tag, plaintext, aad);
                        return plaintext;
                    }
                    catch (CryptographicException)
                    {
                        CryptographicOperations.ZeroMemory(plaintext);
                        throw new DecryptionFailedException();
                    }
                }

            case KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072:
                try
                {
                    using var rsa = RentRsa(key);
                    return rsa.Value.Decrypt(payload.Ciphertext, RSAEncryptionPadding.OaepSHA256);
                }
                catch (CryptographicException)
                {
                    throw new DecryptionFailedException();
                }

            default:
                throw new UnsupportedKeyOperationException($"{algorithm.ToName()} keys do not decrypt");
        }
    }

    public byte[] SignDigest(KeyAlgorithm algorithm, KeyMaterial key, byte[] digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(digest);
        Count(algorithm, "sign");
        switch (algorithm)
        {
            case KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072:
                using (var rsa = RentRsa(key))
                {
                    return rsa.Value.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                }

            case KeyAlgorithm.EcP256:
                using (var ecdsa = RentEc(key))
                {
                    return ecdsa.Value.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence);
                }

            default:
                throw new UnsupportedKeyOperationException($"{algorithm.ToName()} keys do not sign");
        }
    }

    public bool VerifyDigest(KeyAlgorithm algorithm, KeyMaterial key, byte[] digest, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(signature);
        Count(algorithm, "verify");
        try
        {
            switch (algorithm)
            {
                case KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072:
                    using (var rsa = RentRsa(key))
                    {
                        return rsa.Value.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                    }

                case KeyAlgorithm.EcP256:
                    using (var ecdsa = RentEc(key))
                    {
                        return ecdsa.Value.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
                    }

                default:
                    throw new UnsupportedKeyOperationException($"{algorithm.ToName()} keys do not verify signatures");
            }
        }
        catch (CryptographicException)
        {
            // A malformed signature is simply not a valid one.
            return false;
        }
    }

    public byte[] Mac(KeyMaterial key, byte[] message)
    {
        ArgumentNullException.ThrowIfNull(key);
        Count(KeyAlgorithm.HmacSha256, "mac");
        return HMACSHA256.HashData(key.Span, message);
    }

    public bool VerifyMac(KeyMaterial key, byte[] message, byte[] mac)
    {
        ArgumentNullException.ThrowIfNull(key);
        Count(KeyAlgorithm.HmacSha256, "verify_mac");
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key.Span, message, expected);
        return CryptographicOperations.FixedTimeEquals(expected, mac);
    }

    public byte[] Random(int count) => RandomNumberGenerator.GetBytes(count);

    public PublicKeyExport ExportPublicKey(KeyAlgorithm algorithm, KeyUsage usage, KeyMaterial key)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (algorithm)
        {
            case KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072:
                using (var rsa = RentRsa(key))
                {
                    var parameters = rsa.Value.ExportParameters(includePrivateParameters: false);
                    return new PublicKeyExport(rsa.Value.ExportSubjectPublicKeyInfo(), new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["n"] = Base64Url(parameters.Modulus!),
                        ["e"] = Base64Url(parameters.Exponent!),
                        ["alg"] = usage == KeyUsage.SignVerify ? "PS256" : "RSA-OAEP-256",
                        ["use"] = usage == KeyUsage.SignVerify ? "sig" : "enc",
                    });
                }

            case KeyAlgorithm.EcP256:
                using (var ecdsa = RentEc(key))
                {
                    var point = ecdsa.Value.ExportParameters(includePrivateParameters: false).Q;
                    return new PublicKeyExport(ecdsa.Value.ExportSubjectPublicKeyInfo(), new Dictionary<string, string>
                    {
                        ["kty"] = "EC",
                        ["crv"] = "P-256",
                        ["x"] = Base64Url(point.X!),
                        ["y"] = Base64Url(point.Y!),
                        ["alg"] = "ES256",
                        ["use"] = "sig",
                    });
                }

            default:
                throw new UnsupportedKeyOperationException($"{algorithm.ToName()} keys are symmetric: they have no public key");
        }
    }

    /// <summary>RSA-OAEP with SHA-256 fits k - 2·hLen - 2 bytes of message: 190 for RSA2048, 318 for RSA3072.</summary>
    public static int RsaOaepMaxPlaintext(KeyAlgorithm algorithm) => (RsaBits(algorithm) / 8) - (2 * 32) - 2;

    private void Count(KeyAlgorithm algorithm, string operation) =>
        metrics?.CryptoOperation(Enum.IsDefined(algorithm) ? algorithm.ToName() : "unknown", operation);

    private static int RsaBits(KeyAlgorithm algorithm) => algorithm == KeyAlgorithm.Rsa3072 ? 3072 : 2048;

    private static Rented<RSA> RentRsa(KeyMaterial key) => Rented<RSA>.From(key, ImportRsa);

    private static Rented<ECDsa> RentEc(KeyMaterial key) => Rented<ECDsa>.From(key, ImportEc);

    private static RSA ImportRsa(KeyMaterial key)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(key.Span, out _);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static ECDsa ImportEc(KeyMaterial key)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(key.Span, out _);
            return ecdsa;
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    private static string Base64Url(byte[] value) => Convert.ToBase64String(value).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static AeadCipher RentAead(KeyAlgorithm algorithm, KeyMaterial key) =>
        algorithm == KeyAlgorithm.Aes256Gcm
            ? new AeadCipher(Rented<AesGcm>.From(key, static k => new AesGcm(k.Span, AeadSizes.Tag)))
            : new AeadCipher(Rented<ChaCha20Poly1305>.From(key, static k => new ChaCha20Poly1305(k.Span)));

    /// <summary>A cipher object rented from the material's pool; disposing gives it back.</summary>
    private readonly struct Rented<T> : IDisposable
        where T : class, IDisposable
    {
        private readonly PreparedPool<T> _pool;

        private Rented(PreparedPool<T> pool, T value)
        {
            _pool = pool;
            Value = value;
        }

        public T Value { get; }

        public static Rented<T> From(KeyMaterial key, Func<KeyMaterial, T> create)
        {
            var pool = key.Prepared(static _ => new PreparedPool<T>());
            return new Rented<T>(pool, pool.Rent(key, create));
        }

        public void Dispose() => _pool?.Return(Value);
    }

    /// <summary>One shape over AesGcm and ChaCha20Poly1305, which share no interface.</summary>
    private readonly struct AeadCipher : IDisposable
    {
        private readonly Rented<AesGcm> _aesLease;
        private readonly Rented<ChaCha20Poly1305> _chachaLease;
        private readonly AesGcm? _aes;
        private readonly ChaCha20Poly1305? _chacha;

        public AeadCipher(Rented<AesGcm> aes)
        {
            _aesLease = aes;
            _aes = aes.Value;
        }

        public AeadCipher(Rented<ChaCha20Poly1305> chacha)
        {
            _chachaLease = chacha;
            _chacha = chacha.Value;
        }

        public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad)
        {
            if (_aes is not null)
            {
                _aes.Encrypt(nonce, plaintext, ciphertext, tag, aad);
            }
            else
            {
                _chacha!.Encrypt(nonce, plaintext, ciphertext, tag, aad);
            }
        }

        public void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad)
        {
            if (_aes is not null)
            {
                _aes.Decrypt(nonce, ciphertext, tag, plaintext, aad);
            }
            else
            {
                _chacha!.Decrypt(nonce, ciphertext, tag, plaintext, aad);
            }
        }

        public void Dispose()
        {
            _aesLease.Dispose();
            _chachaLease.Dispose();
        }
    }
}
