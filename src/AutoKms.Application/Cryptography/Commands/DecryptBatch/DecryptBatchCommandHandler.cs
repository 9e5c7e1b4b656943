using MediatR;

namespace AutoKms.Application.Cryptography.Commands.DecryptBatch;

public sealed class DecryptBatchCommandHandler(KeyCipher cipher) : IRequestHandler<DecryptBatchCommand, IReadOnlyList<BatchResult<byte[]>>>
{
    public async Task<IReadOnlyList<BatchResult<byte[]>>> Handle(DecryptBatchCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var decryptor = await cipher.DecryptorAsync(request.KeyId, cancellationToken).ConfigureAwait(false);
        return request.Items.Select(item => DecryptOne(decryptor, item)).ToList();
    }

    internal static BatchResult<byte[]> DecryptOne(Decryptor decryptor, DecryptItem item)
    {
        if (item.Error is not null)
        {
            return BatchResult.Failed<byte[]>(item.Error);
        }

        if (item.Data is null || (item.Data.Ciphertext is null && item.Data.Packed is null))
        {
            return BatchResult.Failed<byte[]>("'ciphertext_b64' (or the self-describing 'ciphertext') is required.");
        }

        try
        {
            return BatchResult.Ok(decryptor.Decrypt(item.Data, item.Version, item.Aad));
        }
        catch (Exception ex) when (BatchErrors.IsItemError(ex))
        {
            return BatchResult.Failed<byte[]>(ex.Message);
        }
    }
}
