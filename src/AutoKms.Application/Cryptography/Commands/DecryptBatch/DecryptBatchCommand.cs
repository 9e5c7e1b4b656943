using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.DecryptBatch;

/// <summary>Decrypts up to 1000 ciphertexts, each with its own version; results in order, failures per item.</summary>
public sealed record DecryptBatchCommand(Guid KeyId, IReadOnlyList<DecryptItem> Items) : IRequest<IReadOnlyList<BatchResult<byte[]>>>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.DecryptBatch;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    int? IAuditedRequest.AuditItems => Items?.Count;
}
