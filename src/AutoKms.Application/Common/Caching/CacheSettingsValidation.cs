using Microsoft.Extensions.Options;

namespace AutoKms.Application.Common.Caching;

/// <summary>Range checks for <see cref="CacheSettings"/>, run at start-up.</summary>
public sealed class CacheSettingsValidation : IValidateOptions<CacheSettings>
{
    public ValidateOptionsResult Validate(string? name, CacheSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TtlSeconds is < 1 or > 86_400)
        {
            failures.Add("Kms:Cache:TtlSeconds must be between 1 and 86400.");
        }

        if (options.MaxEntries is < 1 or > 10_000_000)
        {
            failures.Add("Kms:Cache:MaxEntries must be between 1 and 10000000.");
        }

        if (options.ChangePollMilliseconds is < 10 or > 60_000)
        {
            failures.Add("Kms:Cache:ChangePollMilliseconds must be between 10 and 60000.");
        }

        if (options.EncryptionLease is < 1 or > 1_000_000_000)
        {
            failures.Add("Kms:Cache:EncryptionLease must be between 1 and 1000000000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
