using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Tokens.Commands.RevokeToken;

/// <summary>Revokes a token at once: this instance refuses it from the next request on.</summary>
public sealed record RevokeTokenCommand(Guid Id) : IRequest<DeleteResult>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.RevokeToken;
}
