using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.UnitTests.Application.Audit;

/// <summary>Every use case is audited, or is on a short list of exceptions with a reason.</summary>
public sealed class AuditedRequestsTests
{
    private static readonly Dictionary<string, string> NotAudited = new(StringComparer.Ordinal)
    {
        ["CheckHealthQuery"] = "liveness, no key",
        ["CheckReadinessQuery"] = "readiness, no key",
        ["RotateDueKeysCommand"] = "audits each key it rotates (ScheduledRotation)",
        ["PurgeExpiredKeysCommand"] = "audits each key it purges (ScheduledPurge)",
        ["ListAuditRecordsQuery"] = "reading the trail must work when writing it does not",
        ["VerifyAuditTrailQuery"] = "reading the trail must work when writing it does not",
    };

    private static IEnumerable<Type> Requests() =>
        typeof(IAuditedRequest).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

    [Test]
    public void EveryRequest_IsAuditedOrListedWithAReason()
    {
        var unaudited = Requests().Where(t => !typeof(IAuditedRequest).IsAssignableFrom(t)).Select(t => t.Name).Order().ToList();

        Assert.That(unaudited, Is.EqualTo(NotAudited.Keys.Order().ToList()));
    }

    [Test]
    public void OperationNames_AreUnique_AndTheListHoldsEveryDeclaredOperation()
    {
        var fields = typeof(AuditOperations).GetFields().Where(f => f.FieldType == typeof(AuditOperation)).ToList();
        var declared = fields.Select(f => (AuditOperation)f.GetValue(null)!).ToList();

        Assert.That(AuditOperations.All.Select(o => o.Name), Is.Unique);
        Assert.That(AuditOperations.All, Is.EquivalentTo(declared));
        Assert.That(fields.All(f => ((AuditOperation)f.GetValue(null)!).Name == f.Name), Is.True, "the stored name is the field's name");
    }
}
