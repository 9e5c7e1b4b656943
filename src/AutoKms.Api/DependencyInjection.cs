using System.Text.Json;
using System.Text.Json.Serialization;
using AutoKms.Api.Http;
using AutoKms.Api.Observability;
using AutoKms.Api.OpenApi;
using AutoKms.Api.Rpc;
using AutoKms.Api.Security;
using AutoKms.Api.Transport;
using AutoKms.Application.Common.Validation;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api;

public static class DependencyInjection
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The README's run command serves http://127.0.0.1:8000 unless --urls / ASPNETCORE_URLS say otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The Api's slice of the Kms section: the body limit RequestBodyLimitMiddleware applies to
        // each request, Kestrel's own per-request limit included.
        builder.Services.AddOptions<RequestBodyOptions>()
            .BindConfiguration(RequestBodyOptions.SectionName)
            .Validate(options => options.IsValid, RequestBodyOptions.InvalidMessage)
            .ValidateOnStart();

        builder.AddKmsTransport();

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            // One compact line per event: the access line names its request id itself.
            options.IncludeScopes = false;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        var services = builder.Services;
        services.AddControllers(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json"));
                options.Filters.Add(new JsonContentTypeFilter());

                // FluentValidation in the MediatR pipeline is the one validator; [Required] on a
                // contract only feeds the OpenAPI document's required lists.
                options.ModelValidatorProviders.Clear();
            })
            .AddJsonOptions(options => Configure(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create);
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail ??= JsonContentTypeFilter.Detail;
            }

            context.ProblemDetails.Extensions["request_id"] = context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails.Extensions.Remove("traceId", out var traceId) || System.Diagnostics.Activity.Current?.Id is { } activity && (traceId = activity) is not null)
            {
                context.ProblemDetails.Extensions["trace_id"] = traceId;
            }
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddSingleton<RpcMethods>();
        services.AddKmsMetrics();
        services.AddKmsSecurity(BoundUrls(builder.Configuration));
        services.AddHttpContextAccessor();
        services.AddScoped<AutoKms.Application.Common.Interfaces.ICallerContext, Security.HttpCallerContext>();

        services.AddOpenApi(OpenApiDocumentEndpoint.DocumentName, options =>
        {
            // OpenAPI 3.0: the version every generator and linter in the CI checks reads fully.
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddOperationTransformer<ResponseShapeTransformer>();
            options.AddSchemaTransformer<SchemaShapeTransformer>();
        });
        return builder;
    }

    public const string DefaultUrl = "http://127.0.0.1:8000";

    /// <summary>Where the service will listen: --urls / ASPNETCORE_URLS, Kestrel endpoints, or the default.</summary>
    public static IReadOnlyList<string> BoundUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Count > 0 ? urls : [DefaultUrl];
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.IsOpen)
        {
            StartupLog.RunsOpen(app.Logger);
        }

        // First: the client address, scheme and host every later step sees, from known proxies only.
        // Without any configured, the middleware is left out: it would believe every sender.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<SeedArrayCreateRewrite>();
        app.UseMiddleware<OpenModeGuardMiddleware>();

        // The interactive page is public; what it calls is not.
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint(OpenApiDocumentEndpoint.Path, "Auto KMS");
            options.DocumentTitle = "Auto KMS API";
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApiDocument().AllowAnonymous();
        app.MapKmsMetrics();
        app.MapControllers();
        return app;
    }

    private static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;

        // Strict reading: a typo never drops a field silently, and numbers are numbers.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
