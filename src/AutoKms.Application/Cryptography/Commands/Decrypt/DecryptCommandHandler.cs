using AutoKms.Application.Common.Crypto;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Decrypt;

public sealed class DecryptCommandHandler(KeyCipher cipher) : IRequestHandler<DecryptCommand, byte[]>
{
    public Task<byte[]> Handle(DecryptCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = new CipherPayload(request.Nonce, request.Ciphertext, request.Tag);
        return cipher.DecryptAsync(request.KeyId, request.Version, payload, request.Aad, cancellationToken);
    }
}
