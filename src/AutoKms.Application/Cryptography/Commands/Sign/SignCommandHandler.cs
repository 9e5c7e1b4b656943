using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Sign;

public sealed class SignCommandHandler(KeyMaterialReader reader, ICryptoProvider crypto) : IRequestHandler<SignCommand, SignatureResult>
{
    public async Task<SignatureResult> Handle(SignCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var opened = await reader.OpenAsync(request.KeyId, null, key => key.VersionForEncryption(KeyUsage.SignVerify), cancellationToken).ConfigureAwait(false);
        var signature = crypto.SignDigest(opened.Key.Algorithm, opened.Material, SigningInput.Digest(request.Message, request.Digest));
        return new SignatureResult(opened.Key.Id, opened.Version.Version, opened.Key.Algorithm.ToName(), signature);
    }
}
