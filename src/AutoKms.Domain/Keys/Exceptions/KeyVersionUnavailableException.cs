using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

/// <summary>The version exists but may not be used: disabled, destroyed or below the key's minimum.</summary>
public sealed class KeyVersionUnavailableException : DomainException
{
    public KeyVersionUnavailableException(KeyVersionStatus status)
        : base($"Key version is {status.ToName()}")
    {
    }

    public KeyVersionUnavailableException(int version, int minimum)
        : base($"Key version {version} is below the key's min_decryption_version {minimum}")
    {
    }

    public override DomainErrorKind Kind => DomainErrorKind.Forbidden;
}
