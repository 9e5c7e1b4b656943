namespace AutoKms.Api.Security;

/// <summary>Which rate-limit class an action (or every action of a controller) counts against.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class RateLimitClassAttribute(string rateClass) : Attribute
{
    public string RateClass { get; } = rateClass;
}
