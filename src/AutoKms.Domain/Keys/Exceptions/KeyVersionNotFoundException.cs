using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

public sealed class KeyVersionNotFoundException : DomainException
{
    public KeyVersionNotFoundException(int version)
        : base($"Key version {version} not found")
    {
    }

    public KeyVersionNotFoundException(Guid versionId)
        : base("Key version not found")
    {
        _ = versionId;
    }

    public override DomainErrorKind Kind => DomainErrorKind.NotFound;
}
