using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Tokens.Commands.CreateToken;

/// <summary>Issues a bearer token with these scopes, limited to keys matching <paramref name="Keys"/> (none: every key).</summary>
public sealed record CreateTokenCommand(string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string>? Keys, DateTimeOffset? ExpiresAt) : IRequest<IssuedToken>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.CreateToken;
}
