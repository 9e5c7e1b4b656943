namespace AutoKms.Api.Security;

/// <summary>The classes of operation limited separately.</summary>
public static class RateLimitClasses
{
    public const string Crypto = "crypto";
    public const string Reads = "reads";
    public const string KeyWrites = "key_writes";
    public const string Admin = "admin";
    public const string Refusals = "refusals";

    /// <summary>The class of a JSON-RPC call, from the scope its method needs.</summary>
    public static string ForPolicy(string policy) => policy switch
    {
        Application.Common.Security.Scopes.KeysManage => KeyWrites,
        Application.Common.Security.Scopes.KeysRead => Reads,
        Application.Common.Security.Scopes.Admin => Admin,
        _ => Crypto,
    };
}
