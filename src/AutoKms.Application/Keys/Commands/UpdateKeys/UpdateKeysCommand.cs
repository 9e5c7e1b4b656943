using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.UpdateKey;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKeys;

/// <summary>Updates several keys atomically: if one is unknown or conflicts, none changes.</summary>
public sealed record UpdateKeysCommand(IReadOnlyList<UpdateKeyCommand> Keys) : IRequest<IReadOnlyList<KeyDto>>, ITransactionalRequest, IWireRequest
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
