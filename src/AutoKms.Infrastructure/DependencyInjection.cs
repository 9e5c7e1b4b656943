using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Infrastructure.Crypto;
using AutoKms.Infrastructure.Crypto.Pkcs11;
using AutoKms.Infrastructure.Maintenance;
using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Audit;
using AutoKms.Infrastructure.Persistence.Migrations;
using AutoKms.Infrastructure.Persistence.Queries;
using AutoKms.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DapperTypeHandlers.Register();

        // Infrastructure's slice of the Kms section; a value that does not bind stops start-up.
        var connectionString = configuration.GetConnectionString("Kms");
        services.AddOptions<KmsOptions>().BindConfiguration(KmsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KmsOptions>>(new KmsOptionsValidation(connectionString));
        AddDatabase(services, configuration[$"{KmsOptions.SectionName}:Database:Provider"], connectionString);
        services.AddSingleton<Pkcs11Tokens>();
        services.AddSingleton<RootKeyLoader>();
        services.AddSingleton(provider => new RootKeyRing(provider.GetRequiredService<RootKeyLoader>().Load(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RootKeyCustody>();
        services.AddSingleton<IRootKeyCustody>(provider => provider.GetRequiredService<RootKeyCustody>());

        services.AddSingleton<ICryptoProvider, SoftwareCryptoProvider>();
        // Material is unsealed once per version and kept (zeroed on eviction) by the cache in front.
        services.AddSingleton(provider => new CachingKeyMaterialSealer(
            new AesGcmKeyMaterialSealer(provider.GetRequiredService<RootKeyRing>()),
            provider.GetRequiredService<IOptions<CacheSettings>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<Application.Common.Metrics.KmsMetrics>()));
        services.AddSingleton<IKeyMaterialSealer>(provider => provider.GetRequiredService<CachingKeyMaterialSealer>());

        services.AddSingleton<DatabaseActivity>();
        services.AddSingleton<ChangeFeed>();
        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<DbSession>());
        // Use cases get keys through the access check, then the key cache; storage sits behind both.
        services.AddScoped<KeyRepository>();
        services.AddScoped<IKeyRepository>(provider => new Application.Common.Security.AccessCheckedKeyRepository(
            new CachedKeyRepository(
                provider.GetRequiredService<KeyRepository>(),
                provider.GetRequiredService<KeyCache>(),
                provider.GetRequiredService<CacheInvalidation>(),
                provider.GetRequiredService<IUnitOfWork>()),
            provider.GetRequiredService<IKeyAccess>()));
        services.AddScoped<ITokenRepository, TokenRepository>();
        services.AddScoped<IKeyReadService, KeyReadService>();
        services.AddScoped<ISealedMaterialStore, SealedMaterialStore>();
        services.AddScoped<IHealthProbe, DatabaseHealthProbe>();

        // The audit writer first: hosted services stop in reverse order, so it drains last.
        services.AddSingleton<IAuditLogAppender, AuditLogAppender>();
        services.AddSingleton<AuditLogWriter>();
        services.AddSingleton<IAuditTrail>(provider => provider.GetRequiredService<AuditLogWriter>());
        services.AddHostedService(provider => provider.GetRequiredService<AuditLogWriter>());

        // After the audit writer, so it stops (draining its queue) before the audit writer does:
        // a creation committed while stopping still gets its outcome recorded.
        services.AddSingleton<GroupCommittedKeyStore>();
        services.AddSingleton<INewKeyStore>(provider => provider.GetRequiredService<GroupCommittedKeyStore>());
        services.AddHostedService(provider => provider.GetRequiredService<GroupCommittedKeyStore>());
        services.AddScoped<IAuditLog, AuditLogReader>();

        services.AddSingleton<IEncryptionCounter, BatchedEncryptionCounter>();
        services.AddSingleton<IEncryptionLeases, EncryptionLeases>();
        services.AddHostedService<ChangeFeedWatcher>();
        services.AddHostedService<EncryptionCounterFlusher>();
        services.AddHostedService<KeyMaintenanceService>();

        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<RootKeyCheck>();
        return services;
    }

    /// <summary>
    /// The provider named by <c>Kms:Database:Provider</c>, as <see cref="KmsDatabase"/> and as its own
    /// type. A name that is neither is reported by <see cref="KmsOptionsValidation"/> at start-up,
    /// before anything asks for the database.
    /// </summary>
    private static void AddDatabase(IServiceCollection services, string? providerSetting, string? connectionString)
    {
        switch (KmsOptionsValidation.ProviderOf(providerSetting))
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton(new SqliteDatabase(connectionString));
                services.AddSingleton<KmsDatabase>(provider => provider.GetRequiredService<SqliteDatabase>());
                break;
            case DatabaseProvider.Postgres:
                services.AddSingleton(provider =>
                {
                    // Settings first: a missing or malformed connection string is reported by name.
                    _ = provider.GetRequiredService<IOptions<KmsOptions>>().Value;
                    return new PostgresDatabase(connectionString!);
                });
                services.AddSingleton<KmsDatabase>(provider => provider.GetRequiredService<PostgresDatabase>());

                // timestamptz keeps microseconds: so does the service's clock (a test's clock, registered later, wins).
                var clock = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider;
                services.AddSingleton<TimeProvider>(new MicrosecondTimeProvider(clock ?? TimeProvider.System));
                break;
            default:
                services.AddSingleton<KmsDatabase>(provider =>
                {
                    _ = provider.GetRequiredService<IOptions<KmsOptions>>().Value;
                    throw new InvalidOperationException($"Kms:Database:Provider must be {DatabaseOptions.Sqlite} or {DatabaseOptions.Postgres}.");
                });
                break;
        }
    }

    /// <summary>
    /// Runs before the service accepts a request, once the settings have been validated: loads the
    /// root key, migrates the schema and checks the key opens this database. Any failure stops start-up.
    /// </summary>
    public static async Task InitializeInfrastructureAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // The root key first: a fresh database gets a generated key before the file exists.
        _ = services.GetRequiredService<RootKeyRing>();
        var database = services.GetRequiredService<KmsDatabase>();
        database.EnsureCreated();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(database.Migrations, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<RootKeyCheck>().VerifyAsync(cancellationToken).ConfigureAwait(false);
    }
}
