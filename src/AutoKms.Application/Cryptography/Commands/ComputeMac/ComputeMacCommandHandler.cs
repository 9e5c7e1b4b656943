using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.ComputeMac;

public sealed class ComputeMacCommandHandler(KeyMaterialReader reader, ICryptoProvider crypto) : IRequestHandler<ComputeMacCommand, MacResult>
{
    public async Task<MacResult> Handle(ComputeMacCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var opened = await reader.OpenAsync(request.KeyId, null, key => key.VersionForEncryption(KeyUsage.Mac), cancellationToken).ConfigureAwait(false);
        return new MacResult(opened.Key.Id, opened.Version.Version, crypto.Mac(opened.Material, request.Message));
    }
}
