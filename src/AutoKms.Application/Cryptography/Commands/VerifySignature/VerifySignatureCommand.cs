using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.VerifySignature;

/// <summary>Checks a signature with the version that made it (default: primary). A bad signature is <c>false</c>, not an error.</summary>
public sealed record VerifySignatureCommand(Guid KeyId, byte[]? Message, byte[]? Digest, byte[] Signature, int? Version) : IRequest<bool>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.VerifySignature;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
