using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.WrapKey;

public sealed class WrapKeyCommandHandler(KeyCipher cipher) : IRequestHandler<WrapKeyCommand, CipherResult>
{
    public async Task<CipherResult> Handle(WrapKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await cipher.EncryptAsync(request.KeyId, request.KeyMaterial, request.Aad, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            KeyCipher.Forget(request.KeyMaterial);
        }
    }
}
