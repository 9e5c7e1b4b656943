using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

public sealed class KeyVersionNotFoundException : DomainException
{
    public KeyVersionNotFoundException(int version)
        : base($"Key version {version} not found")
    {
    }

    /// <summary>A version asked for by id: the message is the contract's <c>Key version not found</c>.</summary>
    public KeyVersionNotFoundException()
        : base("Key version not found")
    {
    }

    public override DomainErrorKind Kind => DomainErrorKind.NotFound;
}
