using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Queries.ListKeyVersions;

/// <summary>Versions of live keys, optionally of one key, ordered by key and version.</summary>
public sealed record ListKeyVersionsQuery(Guid? KeyId = null, int Limit = ListKeyVersionsQuery.DefaultLimit, int Offset = 0) : IRequest<IReadOnlyList<KeyVersionDto>>, IAuditedRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.ListKeyVersions;

    Guid? IAuditedRequest.AuditKeyId => KeyId;
}
