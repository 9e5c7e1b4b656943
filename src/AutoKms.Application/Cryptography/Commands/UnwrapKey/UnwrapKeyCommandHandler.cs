using MediatR;

namespace AutoKms.Application.Cryptography.Commands.UnwrapKey;

public sealed class UnwrapKeyCommandHandler(KeyCipher cipher) : IRequestHandler<UnwrapKeyCommand, byte[]>
{
    public async Task<byte[]> Handle(UnwrapKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var decryptor = await cipher.DecryptorAsync(request.KeyId, request.Data.VersionsNamed(request.Version), cancellationToken).ConfigureAwait(false);
        return decryptor.Decrypt(request.Data, request.Version, request.Aad);
    }
}
