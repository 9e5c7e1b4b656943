using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.WrapKey;

/// <summary>Wraps (encrypts) another key's material. The handler zeroes <paramref name="KeyMaterial"/> when done.</summary>
public sealed record WrapKeyCommand(Guid KeyId, byte[] KeyMaterial, byte[]? Aad) : IRequest<CipherResult>;
