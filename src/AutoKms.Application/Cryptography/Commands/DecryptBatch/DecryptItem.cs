namespace AutoKms.Application.Cryptography.Commands.DecryptBatch;

/// <summary>One ciphertext of a batch; <paramref name="Error"/> is set when the item could not even be read.</summary>
public sealed record DecryptItem(EncryptedData? Data, byte[]? Aad, int? Version, string? Error = null);
