using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.VerifyMac;

public sealed class VerifyMacCommandHandler(KeyMaterialReader reader, ICryptoProvider crypto) : IRequestHandler<VerifyMacCommand, bool>
{
    public async Task<bool> Handle(VerifyMacCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var opened = await reader.OpenAsync(request.KeyId, request.Version, key => key.VersionForVerification(KeyUsage.Mac, request.Version), cancellationToken).ConfigureAwait(false);
        return crypto.VerifyMac(opened.Material, request.Message, request.Mac);
    }
}
