using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKey;

/// <summary>
/// Renames a key and/or enables or disables it. <paramref name="Replace"/> is the PUT form, which
/// requires both fields; PATCH changes only the fields it names.
/// </summary>
public sealed record UpdateKeyCommand(Guid Id, string? Name, string? Status, bool Replace = false) : IRequest<KeyDto>, ITransactionalRequest;
