using AutoKms.Application.Common.Models;
using AutoKms.Application.Common.Validation;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.EncryptBatch;

public sealed class EncryptBatchCommandHandler(KeyCipher cipher) : IRequestHandler<EncryptBatchCommand, IReadOnlyList<BatchResult<CipherResult>>>
{
    public async Task<IReadOnlyList<BatchResult<CipherResult>>> Handle(EncryptBatchCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var encryptor = await cipher.EncryptorAsync(request.KeyId, request.Items.Count, cancellationToken).ConfigureAwait(false);
        return request.Items.Select(item => EncryptOne(encryptor, item)).ToList();
    }

    private static BatchResult<CipherResult> EncryptOne(Encryptor encryptor, EncryptItem item)
    {
        if (item.Error is not null)
        {
            return BatchResult.Failed<CipherResult>(item.Error);
        }

        if (item.CallerNonce)
        {
            return BatchResult.Failed<CipherResult>(CallerNonceRule.Message);
        }

        if (item.Plaintext is null)
        {
            return BatchResult.Failed<CipherResult>("'plaintext_b64' is required.");
        }

        if (item.Plaintext.Length > PayloadLimits.MaxPlaintextBytes || item.Aad?.Length > PayloadLimits.MaxAadBytes)
        {
            return BatchResult.Failed<CipherResult>($"An item holds at most {PayloadLimits.MaxPlaintextBytes} bytes of plaintext and {PayloadLimits.MaxAadBytes} bytes of AAD.");
        }

        try
        {
            return BatchResult.Ok(encryptor.Encrypt(item.Plaintext, item.Aad));
        }
        catch (Exception ex) when (BatchErrors.IsItemError(ex))
        {
            return BatchResult.Failed<CipherResult>(BatchErrors.Describe(ex));
        }
    }
}
