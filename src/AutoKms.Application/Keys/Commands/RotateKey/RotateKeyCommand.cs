using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.RotateKey;

/// <summary>Adds a version with fresh material and makes it primary; older versions keep decrypting.</summary>
public sealed record RotateKeyCommand(Guid Id) : IRequest<KeyVersionDto>;
