using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Decrypt;

/// <summary>
/// Decrypts with the version that made the ciphertext (the self-describing form names it; else
/// <paramref name="Version"/>; else primary). Answers the plaintext.
/// </summary>
public sealed record DecryptCommand(Guid KeyId, EncryptedData Data, byte[]? Aad, int? Version) : IRequest<byte[]>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.Decrypt;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
