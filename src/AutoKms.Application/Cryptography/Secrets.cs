using System.Security.Cryptography;

namespace AutoKms.Application.Cryptography;

/// <summary>Zeroes secret buffers (plaintext, key material) once nothing needs them any more.</summary>
public static class Secrets
{
    public static void Forget(byte[]? secret)
    {
        if (secret is not null)
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
