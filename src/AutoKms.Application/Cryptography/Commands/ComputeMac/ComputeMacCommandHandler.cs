using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.ComputeMac;

public sealed class ComputeMacCommandHandler(IKeyRepository keys, IKeyMaterialSealer sealer, ICryptoProvider crypto) : IRequestHandler<ComputeMacCommand, MacResult>
{
    public async Task<MacResult> Handle(ComputeMacCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.KeyId, cancellationToken).ConfigureAwait(false);
        var version = key.VersionForEncryption(KeyUsage.Mac);
        using var material = sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial);
        return new MacResult(key.Id, version.Version, crypto.Mac(material, request.Message));
    }
}
