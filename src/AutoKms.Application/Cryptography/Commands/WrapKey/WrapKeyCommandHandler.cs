using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.WrapKey;

public sealed class WrapKeyCommandHandler(KeyCipher cipher) : IRequestHandler<WrapKeyCommand, CipherResult>
{
    public async Task<CipherResult> Handle(WrapKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var encryptor = await cipher.EncryptorAsync(request.KeyId, 1, cancellationToken).ConfigureAwait(false);
        return encryptor.Encrypt(request.KeyMaterial, request.Aad);
    }
}
