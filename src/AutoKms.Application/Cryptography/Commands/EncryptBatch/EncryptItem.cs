namespace AutoKms.Application.Cryptography.Commands.EncryptBatch;

/// <summary>
/// One plaintext of a batch; <paramref name="Error"/> is set when the item could not even be read
/// (not an object, bad base64), <paramref name="CallerNonce"/> when it carried a <c>nonce_b64</c>.
/// </summary>
public sealed record EncryptItem(byte[]? Plaintext, byte[]? Aad, string? Error = null, bool CallerNonce = false);
