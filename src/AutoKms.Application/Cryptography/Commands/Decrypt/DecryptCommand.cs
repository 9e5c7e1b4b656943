using MediatR;

namespace AutoKms.Application.Cryptography.Commands.Decrypt;

/// <summary>
/// Decrypts with the version that made the ciphertext (<paramref name="Version"/>, default: primary).
/// Nonce and tag are required for AEAD keys and absent for RSA keys. Answers the plaintext.
/// </summary>
public sealed record DecryptCommand(Guid KeyId, byte[] Ciphertext, byte[]? Nonce, byte[]? Tag, byte[]? Aad, int? Version) : IRequest<byte[]>;
