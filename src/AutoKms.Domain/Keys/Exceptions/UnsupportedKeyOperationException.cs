using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

/// <summary>An operation outside what the key's algorithm and usage allow.</summary>
public sealed class UnsupportedKeyOperationException(string message) : DomainException(message)
{
    public override DomainErrorKind Kind => DomainErrorKind.Unsupported;
}
