using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Rewrap;

/// <summary>
/// Re-encrypts a ciphertext of any live version under the primary version, with the same AAD;
/// the plaintext never leaves the service.
/// </summary>
public sealed record RewrapCommand(Guid KeyId, EncryptedData Data, byte[]? Aad, int? Version) : IRequest<CipherResult>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.Rewrap;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
