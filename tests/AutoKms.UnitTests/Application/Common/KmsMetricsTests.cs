using AutoKms.Application.Common;
using AutoKms.Application.Common.Behaviours;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using AutoKms.Application.Common.Security;
using AutoKms.Application.Keys;
using AutoKms.Application.Keys.Queries.GetKey;
using AutoKms.Application.Tokens;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Tokens;
using AutoKms.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Application.Common;

public sealed class KmsMetricsTests
{
    private readonly MetricsRecorder _recorder = new();

    [TearDown]
    public void StopRecording() => _recorder.Dispose();

    [Test]
    public void The_meter_is_named_AutoKms()
    {
        Assert.That(_recorder.Metrics.Meter.Name, Is.EqualTo("AutoKms"));
    }

    [Test]
    public void CacheLookup_counts_one_lookup_tagged_with_the_cache_and_hit_or_miss()
    {
        _recorder.Metrics.CacheLookup("key", hit: true);
        _recorder.Metrics.CacheLookup("key", hit: false);

        var lookups = _recorder.Of("autokms.cache.lookups");
        Assert.That(lookups.Select(l => (l.Value, l.Tags["cache"], l.Tags["result"])), Is.EqualTo(new[] { (1d, "key", "hit"), (1d, "key", "miss") }));
    }

    [Test]
    public async Task A_use_case_that_answers_records_its_duration_in_seconds_as_ok_under_its_request_name()
    {
        var behaviour = new LoggingBehaviour<GetKeyQuery, int>(NullLogger<LoggingBehaviour<GetKeyQuery, int>>.Instance, _recorder.Metrics);

        await behaviour.Handle(new GetKeyQuery(Guid.NewGuid()), CancellationToken.None, async () =>
        {
            await Task.Delay(20);
            return 1;
        });

        var recorded = _recorder.Of("autokms.operation.duration").Single();
        Assert.That(recorded.Tags["operation"], Is.EqualTo("GetKeyQuery"));
        Assert.That(recorded.Tags["outcome"], Is.EqualTo("ok"));
        Assert.That(recorded.Value, Is.GreaterThan(0.01).And.LessThan(10), "seconds, not milliseconds");
        Assert.That(recorded.Tags.Keys, Is.EquivalentTo(new[] { "operation", "outcome" }), "never the request's fields (a key id here)");
    }

    [Test]
    public void A_use_case_refused_for_the_callers_reason_is_a_client_error_and_one_that_fails_for_the_services_a_server_error()
    {
        var behaviour = new LoggingBehaviour<GetKeyQuery, int>(NullLogger<LoggingBehaviour<GetKeyQuery, int>>.Instance, _recorder.Metrics);

        Assert.ThrowsAsync<NotFoundException>(() => behaviour.Handle(new GetKeyQuery(Guid.NewGuid()), CancellationToken.None, () => throw NotFoundException.Key()));
        Assert.ThrowsAsync<DatabaseBusyException>(() => behaviour.Handle(new GetKeyQuery(Guid.NewGuid()), CancellationToken.None, () => throw new DatabaseBusyException(new InvalidOperationException())));

        Assert.That(_recorder.Of("autokms.operation.duration").Select(r => r.Tags["outcome"]), Is.EqualTo(new[] { "client_error", "server_error" }));
    }

    [Test]
    public async Task Token_authentication_counts_a_miss_then_a_hit_in_the_token_cache()
    {
        var clock = TimeProvider.System;
        var secret = TokenSecret.NewSecret();
        var token = AccessToken.Issue(Guid.NewGuid(), "billing", ["kms.encrypt"], [], TokenSecret.Hash(secret), clock.GetUtcNow(), null);
        var tokens = new Mock<ITokenRepository>();
        tokens.Setup(t => t.FindBySecretHashAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>())).ReturnsAsync(token);
        var authentication = new TokenAuthentication(tokens.Object, new TokenCache(clock), clock, _recorder.Metrics);

        await authentication.AuthenticateAsync(secret, CancellationToken.None);
        await authentication.AuthenticateAsync(secret, CancellationToken.None);

        var lookups = _recorder.Of("autokms.cache.lookups");
        Assert.That(lookups.Select(l => (l.Tags["cache"], l.Tags["result"])), Is.EqualTo(new[] { ("token", "miss"), ("token", "hit") }));
    }

    [Test]
    public async Task Key_generation_counts_a_generation_queued_then_running_and_ends_at_zero()
    {
        var crypto = new Mock<ICryptoProvider>();
        crypto.Setup(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>())).Returns(() => new AutoKms.Application.Cryptography.KeyMaterial(new byte[32]));
        using var worker = new KeyMaterialWorker(crypto.Object, Options.Create(new KeyLimits { KeyGenerationConcurrency = 1 }), _recorder.Metrics);

        (await worker.GenerateAsync(KeyAlgorithm.Rsa2048, CancellationToken.None)).Dispose();

        var changes = _recorder.Of("autokms.key_generation.pending");
        Assert.That(changes.Select(c => (c.Tags["state"], c.Value)), Is.EqualTo(new[] { ("queued", 1d), ("queued", -1d), ("running", 1d), ("running", -1d) }));
    }

    [Test]
    public async Task Symmetric_key_generation_never_queues()
    {
        var crypto = new Mock<ICryptoProvider>();
        crypto.Setup(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>())).Returns(() => new AutoKms.Application.Cryptography.KeyMaterial(new byte[32]));
        using var worker = new KeyMaterialWorker(crypto.Object, Options.Create(new KeyLimits()), _recorder.Metrics);

        (await worker.GenerateAsync(KeyAlgorithm.Aes256Gcm, CancellationToken.None)).Dispose();

        Assert.That(_recorder.Of("autokms.key_generation.pending"), Is.Empty);
    }

    [Test]
    public void Every_instrument_is_named_autokms_dot_something_and_durations_are_in_seconds()
    {
        var names = new List<(string Name, string? Unit)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, _recorder.Metrics.Meter))
                {
                    names.Add((instrument.Name, instrument.Unit));
                }
            },
        };
        listener.Start();

        Assert.That(names.Select(n => n.Name), Is.EquivalentTo(new[]
        {
            "autokms.operation.duration", "autokms.crypto.operations", "autokms.cache.lookups", "autokms.audit.batch.records",
            "autokms.audit.wait.duration", "autokms.encryption_counter.flush.versions", "autokms.db.operation.duration", "autokms.key_generation.pending",
        }));
        Assert.That(names.Where(n => n.Name.EndsWith(".duration", StringComparison.Ordinal)).Select(n => n.Unit), Is.All.EqualTo("s"));
    }
}
