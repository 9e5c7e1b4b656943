using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Encrypt;

/// <summary>Encrypts under the key's primary version. <paramref name="Plaintext"/> is zeroed when the request ends.</summary>
public sealed record EncryptCommand(Guid KeyId, byte[] Plaintext, byte[]? Aad) : IRequest<CipherResult>, ISecretInput, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.Encrypt;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    public IEnumerable<byte[]?> Secrets => [Plaintext];

    /// <summary>The caller sent <c>nonce_b64</c>: refused, the service chooses every nonce.</summary>
    public bool CallerNonce { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
