using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

/// <summary>Creates the key's next version and makes it primary, exactly as a rotation does.</summary>
public sealed record CreateKeyVersionCommand(Guid KeyId) : IRequest<KeyVersionDto>;
