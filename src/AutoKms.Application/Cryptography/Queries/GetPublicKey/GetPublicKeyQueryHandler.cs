using AutoKms.Application.Common.Crypto;
using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Queries.GetPublicKey;

public sealed class GetPublicKeyQueryHandler(IKeyRepository keys, IKeyMaterialSealer sealer, ICryptoProvider crypto) : IRequestHandler<GetPublicKeyQuery, PublicKeyResult>
{
    public async Task<PublicKeyResult> Handle(GetPublicKeyQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.KeyId, cancellationToken).ConfigureAwait(false);
        key.EnsureAsymmetric();
        var version = key.VersionForVerification(key.Usage, request.Version);
        using var material = sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial);
        var exported = crypto.ExportPublicKey(key.Algorithm, key.Usage, material);
        var jwk = new Dictionary<string, string>(exported.Jwk) { ["kid"] = $"{key.Id}/{version.Version}" };
        var pem = new string(PemEncoding.Write("PUBLIC KEY", exported.SubjectPublicKeyInfo)) + "\n";
        return new PublicKeyResult(key.Id, version.Version, key.Algorithm.ToName(), pem, jwk);
    }
}
