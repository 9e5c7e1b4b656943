using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.UpdateKey;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKeys;

/// <summary>Updates several keys atomically: if one is unknown or conflicts, none changes.</summary>
public sealed record UpdateKeysCommand(IReadOnlyList<UpdateKeyCommand> Keys) : IRequest<IReadOnlyList<KeyDto>>, ITransactionalRequest, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.UpdateKeys;

    int? IAuditedRequest.AuditItems => Keys?.Count;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
