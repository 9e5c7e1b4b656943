using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Rewrap;

public sealed class RewrapCommandHandler(KeyCipher cipher) : IRequestHandler<RewrapCommand, CipherResult>
{
    public async Task<CipherResult> Handle(RewrapCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var decryptor = await cipher.DecryptorAsync(request.KeyId, request.Data.VersionsNamed(request.Version), cancellationToken).ConfigureAwait(false);
        using var encryptor = await cipher.EncryptorAsync(request.KeyId, 1, cancellationToken).ConfigureAwait(false);
        return Rewrap(decryptor, encryptor, request.Data, request.Version, request.Aad);
    }

    /// <summary>Decrypt then encrypt, zeroing the plaintext in between.</summary>
    internal static CipherResult Rewrap(Decryptor decryptor, Encryptor encryptor, EncryptedData data, int? version, byte[]? aad)
    {
        var plaintext = decryptor.Decrypt(data, version, aad);
        try
        {
            return encryptor.Encrypt(plaintext, aad);
        }
        finally
        {
            Secrets.Forget(plaintext);
        }
    }
}
