using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Queries.GetPublicKey;

public sealed class GetPublicKeyQueryHandler(KeyMaterialReader reader, ICryptoProvider crypto) : IRequestHandler<GetPublicKeyQuery, PublicKeyResult>
{
    public async Task<PublicKeyResult> Handle(GetPublicKeyQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var opened = await reader.OpenAsync(
            request.KeyId,
            request.Version,
            key =>
            {
                key.EnsureAsymmetric();
                return key.VersionForVerification(key.Usage, request.Version);
            },
            cancellationToken).ConfigureAwait(false);
        var exported = crypto.ExportPublicKey(opened.Key.Algorithm, opened.Key.Usage, opened.Material);
        var jwk = new Dictionary<string, string>(exported.Jwk) { ["kid"] = $"{opened.Key.Id}/{opened.Version.Version}" };
        var pem = new string(PemEncoding.Write("PUBLIC KEY", exported.SubjectPublicKeyInfo)) + "\n";
        return new PublicKeyResult(opened.Key.Id, opened.Version.Version, opened.Key.Algorithm.ToName(), pem, jwk);
    }
}
