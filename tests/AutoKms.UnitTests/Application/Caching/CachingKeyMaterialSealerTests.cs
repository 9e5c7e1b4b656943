using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Application.Caching;

public sealed class CachingKeyMaterialSealerTests
{
    private readonly Mock<IKeyMaterialSealer> _inner = new();
    private readonly MovableTime _clock = new();
    private readonly List<byte[]> _unsealed = [];
    private readonly SealingContext _context = new(Guid.NewGuid(), 1, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt);

    public CachingKeyMaterialSealerTests() =>
        _inner.Setup(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()))
            .Returns(() =>
            {
                var bytes = new byte[] { 9, 9, 9 };
                _unsealed.Add(bytes);
                return new KeyMaterial(bytes);
            });

    private CachingKeyMaterialSealer Cache(int ttlSeconds = 300) => new(_inner.Object, Options.Create(new CacheSettings { TtlSeconds = ttlSeconds }), _clock);

    [Test]
    public void A_warm_version_is_unsealed_once_and_each_caller_gets_a_handle_of_its_own()
    {
        var cache = Cache();
        using (var first = cache.Unseal(_context, new byte[] { 1 }))
        {
        }

        using var second = cache.Unseal(_context, new byte[] { 1 });

        _inner.Verify(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()), Times.Once);
        Assert.That(second.Span.ToArray(), Is.EqualTo(new byte[] { 9, 9, 9 }), "a caller's dispose did not zero the cached material");
    }

    [Test]
    public void A_blob_sealed_again_under_another_root_key_is_unsealed_again_and_the_old_copy_zeroed()
    {
        var cache = Cache();
        cache.Unseal(_context, new byte[] { 1 }).Dispose();

        cache.Unseal(_context, new byte[] { 2 }).Dispose();

        _inner.Verify(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()), Times.Exactly(2));
        Assert.That(_unsealed[0], Is.All.Zero);
    }

    [Test]
    public void Dropping_a_key_zeroes_its_material_once_no_request_holds_it()
    {
        var cache = Cache();
        var inUse = cache.Unseal(_context, new byte[] { 1 });

        cache.Drop(_context.KeyId);
        Assert.That(inUse.Span.ToArray(), Is.EqualTo(new byte[] { 9, 9, 9 }), "a request still using it keeps it until it is done");
        inUse.Dispose();

        Assert.That(_unsealed[0], Is.All.Zero);
        cache.Unseal(_context, new byte[] { 1 }).Dispose();
        _inner.Verify(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()), Times.Exactly(2));
    }

    [Test]
    public void Material_past_its_time_to_live_is_unsealed_again()
    {
        var cache = Cache(ttlSeconds: 10);
        cache.Unseal(_context, new byte[] { 1 }).Dispose();

        _clock.Advance(TimeSpan.FromSeconds(11));
        cache.Unseal(_context, new byte[] { 1 }).Dispose();

        _inner.Verify(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()), Times.Exactly(2));
        Assert.That(_unsealed[0], Is.All.Zero);
    }

    [Test]
    public void Material_evicted_past_the_bound_is_zeroed()
    {
        var cache = new CachingKeyMaterialSealer(_inner.Object, Options.Create(new CacheSettings { MaxEntries = 2 }), _clock);

        for (var version = 1; version <= 5; version++)
        {
            cache.Unseal(_context with { Version = version }, new byte[] { 1 }).Dispose();
        }

        Assert.That(_unsealed.Count(bytes => bytes.All(b => b == 0)), Is.EqualTo(3), "three of five evicted and zeroed, two still cached");
    }
}
