namespace AutoKms.Api.Security;

/// <summary>The authentication schemes: the service's own tokens, JWTs, the selector between them, and open mode.</summary>
public static class AuthSchemes
{
    public const string Bearer = "Bearer";
    public const string KmsToken = "KmsToken";
    public const string Jwt = "Jwt";
    public const string Open = "Open";
}
