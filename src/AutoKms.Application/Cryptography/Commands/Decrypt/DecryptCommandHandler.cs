using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Decrypt;

public sealed class DecryptCommandHandler(KeyCipher cipher) : IRequestHandler<DecryptCommand, byte[]>
{
    public async Task<byte[]> Handle(DecryptCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var decryptor = await cipher.DecryptorAsync(request.KeyId, request.Data.VersionsNamed(request.Version), cancellationToken).ConfigureAwait(false);
        return decryptor.Decrypt(request.Data, request.Version, request.Aad);
    }
}
