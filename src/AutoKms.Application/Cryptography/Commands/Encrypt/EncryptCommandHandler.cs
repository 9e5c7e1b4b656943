using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Encrypt;

public sealed class EncryptCommandHandler(KeyCipher cipher) : IRequestHandler<EncryptCommand, CipherResult>
{
    public async Task<CipherResult> Handle(EncryptCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var encryptor = await cipher.EncryptorAsync(request.KeyId, 1, cancellationToken).ConfigureAwait(false);
        return encryptor.Encrypt(request.Plaintext, request.Aad);
    }
}
