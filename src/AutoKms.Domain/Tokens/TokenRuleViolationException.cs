using AutoKms.Domain.Common;

namespace AutoKms.Domain.Tokens;

public sealed class TokenRuleViolationException(string message) : DomainException(message)
{
    public override DomainErrorKind Kind => DomainErrorKind.Conflict;
}
