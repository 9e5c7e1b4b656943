using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.VerifyMac;

public sealed class VerifyMacCommandHandler(IKeyRepository keys, IKeyMaterialSealer sealer, ICryptoProvider crypto) : IRequestHandler<VerifyMacCommand, bool>
{
    public async Task<bool> Handle(VerifyMacCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.KeyId, cancellationToken).ConfigureAwait(false);
        var version = key.VersionForVerification(KeyUsage.Mac, request.Version);
        using var material = sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial);
        return crypto.VerifyMac(material, request.Message, request.Mac);
    }
}
