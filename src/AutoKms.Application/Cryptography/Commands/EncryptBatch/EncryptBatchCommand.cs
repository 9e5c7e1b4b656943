using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.EncryptBatch;

/// <summary>Encrypts up to 1000 plaintexts under the primary version; results come back in order.</summary>
public sealed record EncryptBatchCommand(Guid KeyId, IReadOnlyList<EncryptItem> Items) : IRequest<IReadOnlyList<BatchResult<CipherResult>>>, ISecretInput, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.EncryptBatch;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    int? IAuditedRequest.AuditItems => Items?.Count;

    public IEnumerable<byte[]?> Secrets => Items.Select(i => i.Plaintext);
}
