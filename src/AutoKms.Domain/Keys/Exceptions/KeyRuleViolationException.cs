using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

/// <summary>A lifecycle move the key's current state does not allow, e.g. disabling the primary version.</summary>
public sealed class KeyRuleViolationException(string message) : DomainException(message)
{
    public override DomainErrorKind Kind => DomainErrorKind.Conflict;
}
