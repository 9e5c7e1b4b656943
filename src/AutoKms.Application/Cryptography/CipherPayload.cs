namespace AutoKms.Application.Cryptography;

/// <summary>
/// What an encryption produces: for AEAD algorithms a nonce, ciphertext and tag; for RSA-OAEP the
/// ciphertext alone (nonce and tag <c>null</c>).
/// </summary>
public sealed record CipherPayload(byte[]? Nonce, byte[] Ciphertext, byte[]? Tag);
