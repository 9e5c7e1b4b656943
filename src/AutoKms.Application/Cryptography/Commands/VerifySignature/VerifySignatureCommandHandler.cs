using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.VerifySignature;

public sealed class VerifySignatureCommandHandler(IKeyRepository keys, IKeyMaterialSealer sealer, ICryptoProvider crypto) : IRequestHandler<VerifySignatureCommand, bool>
{
    public async Task<bool> Handle(VerifySignatureCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.KeyId, cancellationToken).ConfigureAwait(false);
        var version = key.VersionForVerification(KeyUsage.SignVerify, request.Version);
        using var material = sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial);
        return crypto.VerifyDigest(key.Algorithm, material, SigningInput.Digest(request.Message, request.Digest), request.Signature);
    }
}
