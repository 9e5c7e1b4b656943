using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common;
using AutoKms.Infrastructure.Crypto;
using AutoKms.Infrastructure.Maintenance;
using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Migrations;
using AutoKms.Infrastructure.Persistence.Queries;
using AutoKms.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoKms.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DapperTypeHandlers.Register();

        var options = configuration.GetSection(KmsOptions.SectionName).Get<KmsOptions>() ?? new KmsOptions();
        services.AddSingleton(options);
        var settings = configuration.GetSection(KmsOptions.SectionName).Get<KmsSettings>() ?? new KmsSettings();
        services.AddSingleton(_ => settings.Validated());
        services.AddSingleton(new SqliteDatabase(configuration.GetConnectionString("Kms")));
        services.AddSingleton<RootKeyLoader>();
        services.AddSingleton(provider => provider.GetRequiredService<RootKeyLoader>().Load());

        services.AddSingleton<ICryptoProvider, SoftwareCryptoProvider>();
        services.AddSingleton<IKeyMaterialSealer, AesGcmKeyMaterialSealer>();

        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<DbSession>());
        services.AddScoped<IKeyRepository, KeyRepository>();
        services.AddScoped<IKeyReadService, KeyReadService>();
        services.AddScoped<IHealthProbe, SqliteHealthProbe>();

        services.AddSingleton<IEncryptionCounter, BatchedEncryptionCounter>();
        services.AddHostedService<EncryptionCounterFlusher>();
        services.AddHostedService<KeyMaintenanceService>();

        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<RootKeyCheck>();
        return services;
    }

    /// <summary>
    /// Runs before the service accepts a request: migrates the schema, loads the root key and
    /// checks it opens this database. Any failure stops start-up.
    /// </summary>
    public static async Task InitializeInfrastructureAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // Settings and the root key first: a fresh database gets a generated key before the file exists.
        _ = services.GetRequiredService<KmsSettings>();
        _ = services.GetRequiredService<RootKey>();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(SqliteMigrations.All, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<RootKeyCheck>().VerifyAsync(cancellationToken).ConfigureAwait(false);
    }
}
