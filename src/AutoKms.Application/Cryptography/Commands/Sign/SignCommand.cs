using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Sign;

/// <summary>
/// Signs a message (hashed here with SHA-256) or a SHA-256 digest the caller computed, with the
/// primary version: RSA-PSS-SHA256 or ECDSA P-256 (DER).
/// </summary>
public sealed record SignCommand(Guid KeyId, byte[]? Message, byte[]? Digest) : IRequest<SignatureResult>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.Sign;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
