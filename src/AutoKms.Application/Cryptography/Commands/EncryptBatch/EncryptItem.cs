namespace AutoKms.Application.Cryptography.Commands.EncryptBatch;

/// <summary>One plaintext of a batch; <paramref name="Error"/> is set when the item could not even be read (bad base64).</summary>
public sealed record EncryptItem(byte[]? Plaintext, byte[]? Aad, string? Error = null);
