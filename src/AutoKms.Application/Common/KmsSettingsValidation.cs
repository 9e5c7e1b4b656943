using Microsoft.Extensions.Options;

namespace AutoKms.Application.Common;

/// <summary>
/// Refuses settings that would make the service unsafe or useless. Runs at start-up
/// (<c>ValidateOnStart</c>): a bad value stops the service with a message naming the setting.
/// </summary>
public sealed class KmsSettingsValidation : IValidateOptions<KmsSettings>
{
    public const long MaxEncryptionsBound = 1L << 32;

    public const int MaxRetentionDays = 3650;

    public ValidateOptionsResult Validate(string? name, KmsSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxEncryptionsPerVersion is < 1 or > MaxEncryptionsBound)
        {
            failures.Add("Kms:MaxEncryptionsPerVersion must be between 1 and 2^32 (the random-nonce bound of NIST SP 800-38D).");
        }

        if (options.DeletedKeyRetentionDays is < 0 or > MaxRetentionDays)
        {
            failures.Add($"Kms:DeletedKeyRetentionDays must be between 0 and {MaxRetentionDays}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
