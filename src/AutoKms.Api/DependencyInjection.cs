using System.Text.Json;
using AutoKms.Api.Http;
using AutoKms.Api.OpenApi;
using AutoKms.Api.Operations;
using AutoKms.Api.Rpc;
using AutoKms.Application.Common.Validation;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api;

public static class DependencyInjection
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The README's run command serves http://127.0.0.1:8000 unless --urls / ASPNETCORE_URLS say otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8000");
        }

        var limit = MaxRequestBodyBytes(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limit);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        var services = builder.Services;
        services.AddControllers(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json"));
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{SnakeCase.Convert(field)}' cannot be '{value}'.");
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => $"The value '{value}' is not valid here.");
                options.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"The value '{value}' is not valid here.");
            })
            .AddJsonOptions(options => Configure(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create);
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["request_id"] = context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails.Extensions.Remove("traceId", out var traceId) || System.Diagnostics.Activity.Current?.Id is { } activity && (traceId = activity) is not null)
            {
                context.ProblemDetails.Extensions["trace_id"] = traceId;
            }
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddSingleton<JsonBody>();
        services.AddScoped<KmsOperations>();
        services.AddSingleton<RpcMethods>();

        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddOperationTransformer<OperationIdTransformer>();
            options.AddOperationTransformer<CreateKeyBodyTransformer>();
        });
        return builder;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>(MaxRequestBodyBytes(app.Configuration));

        app.MapOpenApi("/openapi.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint("/openapi.json", "Auto KMS");
            options.DocumentTitle = "Auto KMS API";
        });
        app.MapControllers();
        return app;
    }

    private static long MaxRequestBodyBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>("Kms:MaxRequestBodyBytes") ?? DefaultMaxRequestBodyBytes;

    private static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
    }
}
