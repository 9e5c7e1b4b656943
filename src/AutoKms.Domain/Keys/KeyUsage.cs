namespace AutoKms.Domain.Keys;

/// <summary>One key, one purpose: what a key may be used for is fixed when it is created.</summary>
public enum KeyUsage
{
    EncryptDecrypt,
    SignVerify,
    Mac,
}
