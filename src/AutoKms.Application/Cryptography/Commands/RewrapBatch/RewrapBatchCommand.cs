using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography.Commands.DecryptBatch;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.RewrapBatch;

/// <summary>Moves up to 1000 ciphertexts to the primary version; results in order, failures per item.</summary>
public sealed record RewrapBatchCommand(Guid KeyId, IReadOnlyList<DecryptItem> Items) : IRequest<IReadOnlyList<BatchResult<CipherResult>>>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.RewrapBatch;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    int? IAuditedRequest.AuditItems => Items?.Count;
}
