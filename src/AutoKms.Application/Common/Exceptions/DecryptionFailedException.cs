namespace AutoKms.Application.Common.Exceptions;

/// <summary>
/// A ciphertext, tag, nonce, AAD or version that failed authentication. The message is fixed and
/// says nothing about which part was wrong: an oracle is the last thing a key service should be.
/// </summary>
public sealed class DecryptionFailedException() : Exception("Decryption failed");
