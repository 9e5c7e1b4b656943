namespace AutoKms.Domain.Common;

/// <summary>
/// Base of every rule the domain refuses to break. Messages are safe to show to a client:
/// they never carry key material, plaintext or other secrets.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(string message)
        : base(message)
    {
    }

    /// <summary>What kind of refusal this is; the API maps it to a status code in one place.</summary>
    public abstract DomainErrorKind Kind { get; }
}
