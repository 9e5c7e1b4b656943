using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.WrapKey;

/// <summary>Wraps (encrypts) another key's material. <paramref name="KeyMaterial"/> is zeroed when the request ends.</summary>
public sealed record WrapKeyCommand(Guid KeyId, byte[] KeyMaterial, byte[]? Aad) : IRequest<CipherResult>, ISecretInput, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.WrapKey;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    public IEnumerable<byte[]?> Secrets => [KeyMaterial];

    /// <summary>The caller sent <c>nonce_b64</c>: refused, the service chooses every nonce.</summary>
    public bool CallerNonce { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
