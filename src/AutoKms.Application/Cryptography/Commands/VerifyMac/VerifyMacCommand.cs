using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.VerifyMac;

/// <summary>Recomputes the HMAC with the version named (default: primary) and compares in constant time.</summary>
public sealed record VerifyMacCommand(Guid KeyId, byte[] Message, byte[] Mac, int? Version) : IRequest<bool>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.VerifyMac;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
