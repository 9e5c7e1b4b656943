using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Sign;

public sealed class SignCommandHandler(IKeyRepository keys, IKeyMaterialSealer sealer, ICryptoProvider crypto) : IRequestHandler<SignCommand, SignatureResult>
{
    public async Task<SignatureResult> Handle(SignCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.KeyId, cancellationToken).ConfigureAwait(false);
        var version = key.VersionForEncryption(KeyUsage.SignVerify);
        using var material = sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial);
        var signature = crypto.SignDigest(key.Algorithm, material, SigningInput.Digest(request.Message, request.Digest));
        return new SignatureResult(key.Id, version.Version, key.Algorithm.ToName(), signature);
    }
}
