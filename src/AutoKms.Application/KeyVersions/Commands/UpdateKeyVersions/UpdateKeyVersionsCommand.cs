using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersions;

/// <summary>Changes several versions atomically: if one is unknown or refused, none changes.</summary>
public sealed record UpdateKeyVersionsCommand(IReadOnlyList<UpdateKeyVersionCommand> Versions) : IRequest<IReadOnlyList<KeyVersionDto>>, ITransactionalRequest, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.UpdateKeyVersions;

    int? IAuditedRequest.AuditItems => Versions?.Count;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
