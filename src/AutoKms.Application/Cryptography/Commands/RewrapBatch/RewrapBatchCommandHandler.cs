using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography.Commands.DecryptBatch;
using AutoKms.Application.Cryptography.Commands.Rewrap;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.RewrapBatch;

public sealed class RewrapBatchCommandHandler(KeyCipher cipher) : IRequestHandler<RewrapBatchCommand, IReadOnlyList<BatchResult<CipherResult>>>
{
    public async Task<IReadOnlyList<BatchResult<CipherResult>>> Handle(RewrapBatchCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var decryptor = await cipher.DecryptorAsync(request.KeyId, [.. request.Items.SelectMany(item => item.Data?.VersionsNamed(item.Version) ?? []).Distinct()], cancellationToken).ConfigureAwait(false);
        using var encryptor = await cipher.EncryptorAsync(request.KeyId, request.Items.Count, cancellationToken).ConfigureAwait(false);
        return request.Items.Select(item => RewrapOne(decryptor, encryptor, item)).ToList();
    }

    private static BatchResult<CipherResult> RewrapOne(Decryptor decryptor, Encryptor encryptor, DecryptItem item)
    {
        if (item.Error is not null)
        {
            return BatchResult.Failed<CipherResult>(item.Error);
        }

        if (!EncryptedData.IsPresent(item.Data))
        {
            return BatchResult.Failed<CipherResult>(EncryptedData.RequiredMessage);
        }

        try
        {
            return BatchResult.Ok(RewrapCommandHandler.Rewrap(decryptor, encryptor, item.Data, item.Version, item.Aad));
        }
        catch (Exception ex) when (BatchErrors.IsItemError(ex))
        {
            return BatchResult.Failed<CipherResult>(BatchErrors.Describe(ex));
        }
    }
}
