using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

public sealed class KeyVersionNotFoundException(int version) : DomainException($"Key version {version} not found")
{
    public override DomainErrorKind Kind => DomainErrorKind.NotFound;
}
