using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

public sealed class KeyDisabledException() : DomainException("Key is disabled")
{
    public override DomainErrorKind Kind => DomainErrorKind.Forbidden;
}
