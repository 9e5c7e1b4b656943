using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.UnwrapKey;

/// <summary>Unwraps key material wrapped by <c>wrap</c>, with the version that wrapped it (default: primary).</summary>
public sealed record UnwrapKeyCommand(Guid KeyId, EncryptedData Data, byte[]? Aad, int? Version) : IRequest<byte[]>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.UnwrapKey;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
