using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.GenerateDataKey;

/// <summary>
/// A fresh data key for envelope encryption: random bytes, answered wrapped under the primary
/// version and (unless <paramref name="IncludePlaintext"/> is false) in the clear.
/// </summary>
public sealed record GenerateDataKeyCommand(Guid KeyId, int Bytes, byte[]? Aad, bool IncludePlaintext) : IRequest<DataKeyResult>, IWireRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.GenerateDataKey;

    Guid? IAuditedRequest.AuditKeyId => KeyId;

    public const int DefaultBytes = 32;

    /// <summary>128 bits: a data key shorter than this is too weak to be worth wrapping.</summary>
    public const int MinBytes = 16;

    public const int MaxBytes = 1024;

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> DecodingFailures { get; init; } = [];
}
