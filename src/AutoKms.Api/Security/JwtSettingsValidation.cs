using Microsoft.Extensions.Options;

namespace AutoKms.Api.Security;

/// <summary>JWT settings that could not work stop the service at start-up, saying why, instead of failing every JWT request.</summary>
public sealed class JwtSettingsValidation : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SecurityDependencyInjection.JwtSettingsProblem(options.Jwt) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
