using Microsoft.Extensions.Options;
using Npgsql;

namespace AutoKms.Infrastructure;

/// <summary>
/// Refuses Infrastructure settings that cannot work, at start-up (<c>ValidateOnStart</c>), with a
/// message naming the setting: an unknown <c>Kms:Database:Provider</c>, or <c>postgres</c> without a
/// usable <c>ConnectionStrings:Kms</c>. Values of the connection string are never echoed (it may hold a password).
/// </summary>
public sealed class KmsOptionsValidation(string? connectionString) : IValidateOptions<KmsOptions>
{
    public ValidateOptionsResult Validate(string? name, KmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = ProviderOf(options.Database.Provider);
        if (provider is null)
        {
            return ValidateOptionsResult.Fail(
                $"Kms:Database:Provider must be {DatabaseOptions.Sqlite} or {DatabaseOptions.Postgres} (was '{options.Database.Provider}').");
        }

        if (provider == Persistence.DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                return ValidateOptionsResult.Fail("ConnectionStrings:Kms is required with Kms:Database:Provider=postgres: an Npgsql connection string (Host=...;Database=...;Username=...).");
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException)
            {
                return ValidateOptionsResult.Fail("ConnectionStrings:Kms is not a valid Npgsql connection string (Kms:Database:Provider=postgres): check its keywords and values.");
            }
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>The provider a setting names (unset: SQLite), or <c>null</c> for a name that is neither.</summary>
    public static Persistence.DatabaseProvider? ProviderOf(string? setting) =>
        string.IsNullOrWhiteSpace(setting) ? Persistence.DatabaseProvider.Sqlite : setting.Trim().ToLowerInvariant() switch
        {
            DatabaseOptions.Sqlite => Persistence.DatabaseProvider.Sqlite,
            DatabaseOptions.Postgres => Persistence.DatabaseProvider.Postgres,
            _ => null,
        };
}
