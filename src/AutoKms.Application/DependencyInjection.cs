using System.Reflection;
using AutoKms.Application.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Behaviours;
using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Metrics;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Keys;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoKms.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1 has no container package that restores here, so handlers and behaviours are
    /// registered in these few lines. Behaviours run in registration order: logging outermost,
    /// then the audit trail (so every outcome, a validator's refusal included, is recorded before
    /// the answer and outside the request's transaction), then secret-input zeroing (so a refused
    /// request is zeroed too), then validation, then the transaction.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();

        // The use cases' slice of the Kms section, range-checked when the host starts.
        services.AddOptions<KmsSettings>().BindConfiguration(KmsSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KmsSettings>, KmsSettingsValidation>();
        services.AddOptions<KeyLimits>().BindConfiguration(KeyLimits.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyLimits>, KeyLimitsValidation>();
        services.AddOptions<CacheSettings>().BindConfiguration(CacheSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheSettings>, CacheSettingsValidation>();
        services.AddSingleton<KeyCache>();
        services.AddSingleton<CacheInvalidation>();

        // The service's instruments, on the host's IMeterFactory (every .NET host registers one).
        services.AddSingleton<KmsMetrics>();
        services.AddSingleton<KeyMaterialWorker>();
        services.AddSingleton<KeyCountEstimate>();
        services.AddScoped<KeyCreationBudget>();

        services.AddScoped<ServiceFactory>(provider => type => provider.GetService(type)!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var handler in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in handler.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(contract, handler);
            }
        }

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(SecretInputBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);

        services.AddAutoMapper(_ => { }, assembly);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditNotes>();
        services.AddScoped<AuditRecorder>();
        services.AddScoped<KeyProvisioning>();
        services.AddScoped<KeyCipher>();
        services.AddScoped<KeyMaterialReader>();
        services.AddScoped<KeyUpdates>();
        services.AddSingleton<Tokens.TokenCache>();
        services.AddScoped<Tokens.TokenAuthentication>();
        services.AddScoped<KeyVersions.KeyVersionUpdates>();
        return services;
    }
}
