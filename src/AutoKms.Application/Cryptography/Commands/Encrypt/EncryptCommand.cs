using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Encrypt;

/// <summary>Encrypts under the key's primary version. <paramref name="Plaintext"/> is zeroed when the request ends.</summary>
public sealed record EncryptCommand(Guid KeyId, byte[] Plaintext, byte[]? Aad) : IRequest<CipherResult>, ISecretInput
{
    public IEnumerable<byte[]?> Secrets => [Plaintext];
}
