using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Security;
using AutoKms.Application.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AutoKms.Api.Security;

/// <summary>
/// Authentication and authorisation on ASP.NET Core's own machinery: a policy scheme sends a
/// bearer token to the service's token handler or to JwtBearer by its shape (or, in open mode,
/// to the open handler); one policy per scope; key names through a resource requirement.
/// </summary>
public static class SecurityDependencyInjection
{
    /// <summary>The policy for operations any authenticated caller may run (random bytes).</summary>
    public const string AnyCaller = "kms.any";

    public static IServiceCollection AddKmsSecurity(this IServiceCollection services, IReadOnlyList<string> boundUrls)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .Validate(options => BootstrapToken.Read(options) is not null || options.IsOpen || options.JwtConfigured, "Kms:Auth:BootstrapTokenFile is empty.")
            .Validate(
                options => !options.IsOpen || boundUrls.All(IsLoopbackUrl),
                $"The service has no authentication configured and would listen on {string.Join(", ", boundUrls)}: set Kms:Auth:BootstrapToken (or Kms:Auth:BootstrapTokenFile, or Kms:Auth:Jwt:Authority) or bind loopback addresses only.")
            .Validate(options => options.TokenCacheSeconds is >= 0 and <= 3600, "Kms:Auth:TokenCacheSeconds must be between 0 and 3600.")
            .ValidateOnStart();

        services.AddSingleton<IValidateOptions<AuthOptions>, JwtSettingsValidation>();
        services.AddSingleton<BootstrapToken>();
        services.AddSingleton(provider => new TokenCache(provider.GetRequiredService<TimeProvider>())
        {
            Lifetime = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<AuthOptions>>().Value.TokenCacheSeconds),
        });

        services.AddAuthentication(AuthSchemes.Bearer)
            .AddPolicyScheme(AuthSchemes.Bearer, "Bearer token or JWT", options => options.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, KmsTokenAuthenticationHandler>(AuthSchemes.KmsToken, null)
            .AddScheme<AuthenticationSchemeOptions, OpenModeAuthenticationHandler>(AuthSchemes.Open, null)
            .AddJwtBearer(AuthSchemes.Jwt);
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Jwt).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            ConfigureJwt(jwt, auth.Value.Jwt);
            jwt.Events = new JwtBearerEvents { OnTokenValidated = NoKeysMeansNoKeys };
        });

        services.AddAuthorization(options =>
        {
            foreach (var scope in Scopes.All)
            {
                options.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
            }

            options.AddPolicy(AnyCaller, policy => policy.RequireAuthenticatedUser());
            options.DefaultPolicy = options.GetPolicy(AnyCaller)!;

            // Fail closed: a route that names no policy of its own is for admins only.
            options.FallbackPolicy = options.GetPolicy(Scopes.Admin);
        });
        services.AddScoped<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, KeyNameAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddScoped<IKeyAccess, HttpKeyAccess>();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => new[] { o.Crypto, o.Reads, o.KeyWrites, o.Admin, o.Refusals }.All(c => c.PermitsPerSecond >= 0 && c.Burst >= 0), "Kms:RateLimits values must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<KmsRateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<KmsRateLimits>((options, limits) =>
        {
            options.GlobalLimiter = limits.ForHttp();
            options.OnRejected = KmsRateLimits.RejectAsync;
        });
        return services;
    }

    /// <summary>Why the JWT settings cannot work, or <c>null</c>: checked at start-up, never on the first request.</summary>
    public static string? JwtSettingsProblem(JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            if (!Uri.TryCreate(jwt.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                return "Kms:Auth:Jwt:Authority must be an https:// address.";
            }

            if (string.IsNullOrWhiteSpace(jwt.Audience))
            {
                return "Kms:Auth:Jwt:Audience is required with an Authority: without it any token the provider signs for another service would be accepted.";
            }
        }

        try
        {
            _ = SigningKey(jwt.SigningKey);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return $"Kms:Auth:Jwt:SigningKey is not usable: {ex.Message}";
        }

        if (jwt.SigningKey?.Contains("-----BEGIN", StringComparison.Ordinal) == true && string.IsNullOrWhiteSpace(jwt.Audience))
        {
            return "Kms:Auth:Jwt:Audience is required with a provider's public key: without it any token the provider signs for another service would be accepted.";
        }

        return null;
    }

    public static bool IsLoopbackUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)] : host.Split(':')[0];
        return OpenModeGuardMiddleware.IsLoopbackHost(host);
    }

    /// <summary>
    /// A JWT whose <c>kms_keys</c> claim is present but empty may use no key: an identity
    /// provider's mapper that emits [] for a user in no key group must not grant every key (which
    /// is what no claim at all means).
    /// </summary>
    private static Task NoKeysMeansNoKeys(TokenValidatedContext context)
    {
        if (context.SecurityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken jwt
            && jwt.TryGetPayloadValue<System.Text.Json.JsonElement>(HttpCallerContext.KeyGlobClaim, out var globs)
            && globs.ValueKind == System.Text.Json.JsonValueKind.Array && globs.GetArrayLength() == 0
            && context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            identity.AddClaim(new System.Security.Claims.Claim(HttpCallerContext.KeyGlobClaim, HttpCallerContext.NoKeys));
        }

        return Task.CompletedTask;
    }

    private static string SelectScheme(HttpContext context)
    {
        var auth = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (auth.IsOpen)
        {
            return AuthSchemes.Open;
        }

        return auth.JwtConfigured && BearerToken.From(context.Request) is { } token && BearerToken.LooksLikeJwt(token)
            ? AuthSchemes.Jwt
            : AuthSchemes.KmsToken;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, JwtOptions settings)
    {
        jwt.MapInboundClaims = false;
        jwt.Authority = string.IsNullOrWhiteSpace(settings.Authority) ? null : settings.Authority;
        jwt.Audience = settings.Audience;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = "sub",
            ValidateAudience = !string.IsNullOrWhiteSpace(settings.Audience),
            ValidAudience = settings.Audience,
            // With an Authority the issuer comes from its discovery document, so it is always checked.
            ValidateIssuer = !string.IsNullOrWhiteSpace(settings.Issuer) || !string.IsNullOrWhiteSpace(settings.Authority),
            ValidIssuer = settings.Issuer,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            IssuerSigningKey = SigningKey(settings.SigningKey),
        };
    }

    /// <summary>An offline signing key: a PEM public key (RSA or EC) or base64 of an HMAC key of at least 32 bytes.</summary>
    private static SecurityKey? SigningKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            try
            {
                var rsa = System.Security.Cryptography.RSA.Create();
                rsa.ImportFromPem(text);
                return new RsaSecurityKey(rsa);
            }
            catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                var ec = System.Security.Cryptography.ECDsa.Create();
                ec.ImportFromPem(text);
                return new ECDsaSecurityKey(ec);
            }
        }

        var bytes = Convert.FromBase64String(text);
        return bytes.Length >= 32 ? new SymmetricSecurityKey(bytes) : throw new InvalidOperationException("Kms:Auth:Jwt:SigningKey must be at least 32 bytes (base64) or a PEM public key.");
    }
}
