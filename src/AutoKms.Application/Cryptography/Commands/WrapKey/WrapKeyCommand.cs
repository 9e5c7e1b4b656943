using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.WrapKey;

/// <summary>Wraps (encrypts) another key's material. <paramref name="KeyMaterial"/> is zeroed when the request ends.</summary>
public sealed record WrapKeyCommand(Guid KeyId, byte[] KeyMaterial, byte[]? Aad) : IRequest<CipherResult>, ISecretInput
{
    public IEnumerable<byte[]?> Secrets => [KeyMaterial];
}
