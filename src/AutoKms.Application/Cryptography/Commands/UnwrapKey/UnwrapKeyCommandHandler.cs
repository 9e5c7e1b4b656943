using AutoKms.Application.Common.Crypto;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.UnwrapKey;

public sealed class UnwrapKeyCommandHandler(KeyCipher cipher) : IRequestHandler<UnwrapKeyCommand, byte[]>
{
    public Task<byte[]> Handle(UnwrapKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = new CipherPayload(request.Nonce, request.WrappedKey, request.Tag);
        return cipher.DecryptAsync(request.KeyId, request.Version, payload, request.Aad, cancellationToken);
    }
}
