using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using MediatR;

namespace AutoKms.Application.Tokens.Queries.ListTokens;

/// <summary>Every issued token, oldest first, never a secret.</summary>
public sealed record ListTokensQuery(int Limit = ListTokensQuery.DefaultLimit, int Offset = 0) : IRequest<IReadOnlyList<TokenDto>>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.ListTokens;

    public const int DefaultLimit = 100;
}
