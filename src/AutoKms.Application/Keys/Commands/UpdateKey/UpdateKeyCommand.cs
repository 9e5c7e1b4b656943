using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKey;

/// <summary>
/// Renames a key and/or enables or disables it. <paramref name="Replace"/> is the PUT form, which
/// requires both fields; PATCH changes only the fields it names.
/// </summary>
/// <paramref name="MinDecryptionVersion"/> and <paramref name="RotationPeriodDays"/> (0 turns
/// automatic rotation off) change only when given.
public sealed record UpdateKeyCommand(Guid Id, string? Name, string? Status, bool Replace = false, int? MinDecryptionVersion = null, int? RotationPeriodDays = null)
    : IRequest<KeyDto>, ITransactionalRequest;
