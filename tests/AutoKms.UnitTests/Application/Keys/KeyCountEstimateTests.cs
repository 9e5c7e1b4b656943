using AutoKms.Application.Keys;
using AutoKms.UnitTests.Support;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class KeyCountEstimateTests
{
    private readonly MovableTime _clock = new();
    private int _counts;
    private int _stored = 1000;

    private Task<int> CountAsync()
    {
        _counts++;
        return Task.FromResult(_stored);
    }

    [Test]
    public async Task Far_from_the_cap_one_count_a_second_serves_with_this_instances_creations_added()
    {
        var estimate = new KeyCountEstimate(_clock);

        Assert.That(await estimate.CountAsync(100_000, CountAsync), Is.EqualTo(1000));
        estimate.Added(5);
        Assert.That(await estimate.CountAsync(100_000, CountAsync), Is.EqualTo(1005));

        Assert.That(_counts, Is.EqualTo(1));
    }

    [Test]
    public async Task After_a_second_the_table_is_counted_again()
    {
        var estimate = new KeyCountEstimate(_clock);
        await estimate.CountAsync(100_000, CountAsync);
        _stored = 1500;

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await estimate.CountAsync(100_000, CountAsync), Is.EqualTo(1500));
        Assert.That(_counts, Is.EqualTo(2));
    }

    [Test]
    public async Task Within_a_tenth_of_the_cap_every_creation_counts_the_table()
    {
        var estimate = new KeyCountEstimate(_clock);
        _stored = 950;

        await estimate.CountAsync(1000, CountAsync);
        await estimate.CountAsync(1000, CountAsync);
        await estimate.CountAsync(1000, CountAsync);

        Assert.That(_counts, Is.EqualTo(3));
    }
}
