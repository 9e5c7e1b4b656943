using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Encrypt;

public sealed class EncryptCommandHandler(KeyCipher cipher) : IRequestHandler<EncryptCommand, CipherResult>
{
    public async Task<CipherResult> Handle(EncryptCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await cipher.EncryptAsync(request.KeyId, request.Plaintext, request.Aad, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            KeyCipher.Forget(request.Plaintext);
        }
    }
}
