using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Application.Caching;

public sealed class KeyCacheTests
{
    private readonly MovableTime _clock = new();

    private KeyCache Cache() => new(Options.Create(new CacheSettings { TtlSeconds = 10 }), _clock);

    [Test]
    public void A_key_is_served_for_the_versions_it_was_loaded_with_and_the_ones_known_not_to_exist()
    {
        var cache = Cache();
        var key = new Fixture().GivenKey();

        cache.Put(key, [7], cache.Epoch);

        Assert.That(cache.TryGet(key.Id, [], out var primary), Is.True);
        Assert.That(primary, Is.SameAs(key));
        Assert.That(cache.TryGet(key.Id, [7], out _), Is.True, "version 7 was asked for and does not exist");
        Assert.That(cache.TryGet(key.Id, [8], out _), Is.False, "version 8 was never asked for");
    }

    [Test]
    public void A_load_that_began_before_a_drop_is_not_cached()
    {
        var cache = Cache();
        var key = new Fixture().GivenKey();
        var epoch = cache.Epoch;

        cache.Drop(key.Id);
        cache.Put(key, [], epoch);

        Assert.That(cache.TryGet(key.Id, [], out _), Is.False);
    }

    [Test]
    public void An_entry_expires_after_its_time_to_live()
    {
        var cache = Cache();
        var key = new Fixture().GivenKey();
        cache.Put(key, [], cache.Epoch);

        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.That(cache.TryGet(key.Id, [], out _), Is.False);
    }

    [Test]
    public void The_cache_holds_at_most_its_bound_of_keys()
    {
        var cache = new KeyCache(Options.Create(new CacheSettings { MaxEntries = 10 }), _clock);
        var fixture = new Fixture();
        var keys = Enumerable.Range(0, 25).Select(_ => fixture.GivenKey()).ToList();

        keys.ForEach(key => cache.Put(key, [], cache.Epoch));

        Assert.That(keys.Count(key => cache.TryGet(key.Id, [], out _)), Is.EqualTo(10));
    }
}
