using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.VerifySignature;

public sealed class VerifySignatureCommandHandler(KeyMaterialReader reader, ICryptoProvider crypto) : IRequestHandler<VerifySignatureCommand, bool>
{
    public async Task<bool> Handle(VerifySignatureCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var opened = await reader.OpenAsync(request.KeyId, request.Version, key => key.VersionForVerification(KeyUsage.SignVerify, request.Version), cancellationToken).ConfigureAwait(false);
        return crypto.VerifyDigest(opened.Key.Algorithm, opened.Material, SigningInput.Digest(request.Message, request.Digest), request.Signature);
    }
}
