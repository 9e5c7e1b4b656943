using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.CreateKey;
using MediatR;

namespace AutoKms.Application.Keys.Commands.CreateKeys;

/// <summary>Creates several keys atomically: all of them or none.</summary>
public sealed record CreateKeysCommand(IReadOnlyList<CreateKeyCommand> Keys) : IRequest<IReadOnlyList<KeyDto>>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.CreateKeys;

    int? IAuditedRequest.AuditItems => Keys?.Count;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
