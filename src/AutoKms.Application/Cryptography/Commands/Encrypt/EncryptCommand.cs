using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Encrypt;

/// <summary>Encrypts under the key's primary version. The handler zeroes <paramref name="Plaintext"/> when done.</summary>
public sealed record EncryptCommand(Guid KeyId, byte[] Plaintext, byte[]? Aad) : IRequest<CipherResult>;
