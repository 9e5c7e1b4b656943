using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.GenerateDataKey;

public sealed class GenerateDataKeyCommandHandler(KeyCipher cipher, ICryptoProvider crypto) : IRequestHandler<GenerateDataKeyCommand, DataKeyResult>
{
    public async Task<DataKeyResult> Handle(GenerateDataKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var encryptor = await cipher.EncryptorAsync(request.KeyId, 1, cancellationToken).ConfigureAwait(false);
        var dataKey = crypto.Random(request.Bytes);
        try
        {
            var wrapped = encryptor.Encrypt(dataKey, request.Aad);
            return new DataKeyResult(wrapped, request.IncludePlaintext ? dataKey.ToArray() : null);
        }
        finally
        {
            Secrets.Forget(dataKey);
        }
    }
}
