using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

/// <summary>Enables, disables or destroys a version. The primary version can only stay enabled.</summary>
public sealed record UpdateKeyVersionCommand(Guid Id, string Status) : IRequest<KeyVersionDto>, ITransactionalRequest;
