namespace AutoKms.Api.Http;

/// <summary>
/// What a controller's <c>{id}</c> names, for the 422 a malformed one answers:
/// <c>Invalid UUID for key id</c> (the original service's words).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RouteIdNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public string InvalidMessage => $"Invalid UUID for {Name}";
}
