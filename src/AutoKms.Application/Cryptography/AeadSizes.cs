namespace AutoKms.Application.Cryptography;

/// <summary>The AEAD sizes every part of the service uses: a 96-bit random nonce and a 128-bit tag.</summary>
public static class AeadSizes
{
    public const int Nonce = 12;
    public const int Tag = 16;
}
