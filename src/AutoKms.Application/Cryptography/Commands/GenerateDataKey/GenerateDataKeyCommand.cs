using MediatR;

namespace AutoKms.Application.Cryptography.Commands.GenerateDataKey;

/// <summary>
/// A fresh data key for envelope encryption: random bytes, answered wrapped under the primary
/// version and (unless <paramref name="IncludePlaintext"/> is false) in the clear.
/// </summary>
public sealed record GenerateDataKeyCommand(Guid KeyId, int Bytes, byte[]? Aad, bool IncludePlaintext) : IRequest<DataKeyResult>
{
    public const int DefaultBytes = 32;
    public const int MaxBytes = 1024;
}
