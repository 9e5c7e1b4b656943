namespace AutoKms.Domain.Common;

public enum DomainErrorKind
{
    /// <summary>The thing asked for does not exist.</summary>
    NotFound,

    /// <summary>The thing exists but its state forbids the operation (disabled, destroyed).</summary>
    Forbidden,

    /// <summary>The operation conflicts with the current state (the primary version, a taken name).</summary>
    Conflict,

    /// <summary>The operation makes no sense for this key (wrong usage or algorithm).</summary>
    Unsupported,
}
