namespace AutoKms.Application.Common.Validation;

/// <summary>Limits shared by the validators of the cryptographic operations.</summary>
public static class PayloadLimits
{
    /// <summary>Plaintext and key material above this size belong in envelope encryption (datakey), not here.</summary>
    public const int MaxPlaintextBytes = 512 * 1024;

    public const int MaxAadBytes = 64 * 1024;
}
