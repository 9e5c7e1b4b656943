using MediatR;

namespace AutoKms.Application.Cryptography.Commands.DecryptBatch;

public sealed class DecryptBatchCommandHandler(KeyCipher cipher) : IRequestHandler<DecryptBatchCommand, IReadOnlyList<BatchResult<byte[]>>>
{
    public async Task<IReadOnlyList<BatchResult<byte[]>>> Handle(DecryptBatchCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var decryptor = await cipher.DecryptorAsync(request.KeyId, [.. request.Items.SelectMany(item => item.Data?.VersionsNamed(item.Version) ?? []).Distinct()], cancellationToken).ConfigureAwait(false);
        return request.Items.Select(item => DecryptOne(decryptor, item)).ToList();
    }

    internal static BatchResult<byte[]> DecryptOne(Decryptor decryptor, DecryptItem item)
    {
        if (item.Error is not null)
        {
            return BatchResult.Failed<byte[]>(item.Error);
        }

        if (!EncryptedData.IsPresent(item.Data))
        {
            return BatchResult.Failed<byte[]>(EncryptedData.RequiredMessage);
        }

        try
        {
            return BatchResult.Ok(decryptor.Decrypt(item.Data, item.Version, item.Aad));
        }
        catch (Exception ex) when (BatchErrors.IsItemError(ex))
        {
            return BatchResult.Failed<byte[]>(BatchErrors.Describe(ex));
        }
    }
}
