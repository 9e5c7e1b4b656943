using AutoKms.Api;
using AutoKms.Api.Http;
using AutoKms.Application;
using AutoKms.Infrastructure;
using Microsoft.Extensions.Options;

// appsettings.json is read from beside the binary, wherever the service is started from; the
// SQLite file (default "kms.db") stays relative to the working directory.
var contentRootGiven = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = contentRootGiven ? null : AppContext.BaseDirectory,
});
builder.AddApi();
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration);

var app = builder.Build();

// Before the first request, no init step: every layer's settings (ValidateOnStart), before the
// root key or the database is touched; then the root key, schema migrations and the root-key check.
try
{
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    await app.Services.InitializeInfrastructureAsync();
}
catch (Exception ex) when (ex is OptionsValidationException or AggregateException or InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
{
    // Bad settings in several layers arrive together, one message per layer.
    StartupLog.CannotStart(app.Logger, ex is AggregateException all ? string.Join(" ", all.InnerExceptions.Select(e => e.Message)) : ex.Message);
    throw;
}

app.UseApi();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
