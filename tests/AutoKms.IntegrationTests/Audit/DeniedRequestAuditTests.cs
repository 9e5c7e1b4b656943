using System.Net;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Auditing;
using AutoKms.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AutoKms.IntegrationTests.Audit;

/// <summary>The call the authorisation result handler makes for a request refused before its use case.</summary>
public sealed class DeniedRequestAuditTests
{
    [Test]
    public void Operations_CoverEveryActionButHealthAndDiscovery()
    {
        using var factory = new KmsApiFactory();
        var actions = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>().Select(a => a.ActionName).Distinct().Order().ToList();

        Assert.That(actions.Except(DeniedRequestAudit.Operations.Keys), Is.EquivalentTo(new[] { "Healthz", "Readyz", "Methodz" }));
        Assert.That(DeniedRequestAudit.Operations.Keys.Except(actions), Is.Empty, "no entry for an action that does not exist");
    }

    [Test]
    public async Task RecordAsync_ForARefusedKeyRoute_AppendsTheOperationTheKeyAndTheOutcome()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var keyId = Guid.NewGuid();
        var action = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>().Single(a => a.ActionName == "Encrypt");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, TraceIdentifier = "denied-1" };
            context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
            context.Request.RouteValues["id"] = keyId.ToString();
            context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(action), "Encrypt"));
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;

            await DeniedRequestAudit.RecordAsync(context, AuditOutcomes.Denied);
        }

        var record = (await client.GetAsync($"/kms/audit?key_id={keyId}").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray().Single()!;
        Assert.That((string?)record["operation"], Is.EqualTo("Encrypt"));
        Assert.That((string?)record["outcome"], Is.EqualTo("denied"));
        Assert.That((string?)record["request_id"], Is.EqualTo("denied-1"));
        Assert.That((string?)record["client_address"], Is.EqualTo("192.0.2.7"));
    }
}
