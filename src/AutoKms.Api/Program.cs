using AutoKms.Api;
using AutoKms.Application;
using AutoKms.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddApi();
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration);

var app = builder.Build();

// Schema migrations and the root-key check run before the first request: no init step.
await app.Services.InitializeInfrastructureAsync();

app.UseApi();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
