using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.ComputeMac;

/// <summary>HMAC-SHA256 of the message with the primary version.</summary>
public sealed record ComputeMacCommand(Guid KeyId, byte[] Message) : IRequest<MacResult>, IWireRequest
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
