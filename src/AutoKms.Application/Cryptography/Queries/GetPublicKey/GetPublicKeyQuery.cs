using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using MediatR;

namespace AutoKms.Application.Cryptography.Queries.GetPublicKey;

/// <summary>The public half of an asymmetric key version (default: primary) as PEM and JWK.</summary>
public sealed record GetPublicKeyQuery(Guid KeyId, int? Version) : IRequest<PublicKeyResult>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.GetPublicKey;

    Guid? IAuditedRequest.AuditKeyId => KeyId;
}
