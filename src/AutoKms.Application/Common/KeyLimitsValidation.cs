using Microsoft.Extensions.Options;

namespace AutoKms.Application.Common;

/// <summary>Refuses limits that make no sense, at start-up, naming the setting.</summary>
public sealed class KeyLimitsValidation : IValidateOptions<KeyLimits>
{
    public ValidateOptionsResult Validate(string? name, KeyLimits options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxKeys < 1)
        {
            failures.Add("Kms:Limits:MaxKeys must be at least 1.");
        }

        if (options.MaxVersionsPerKey < 1)
        {
            failures.Add("Kms:Limits:MaxVersionsPerKey must be at least 1.");
        }

        if (options.MaxAsymmetricKeysPerRequest < 1)
        {
            failures.Add("Kms:Limits:MaxAsymmetricKeysPerRequest must be at least 1.");
        }

        if (options.KeyGenerationConcurrency is < 0 or > 256)
        {
            failures.Add("Kms:Limits:KeyGenerationConcurrency must be between 0 (half the processors) and 256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
