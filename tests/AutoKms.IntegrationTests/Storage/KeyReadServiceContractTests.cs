using AutoKms.Application.Common.Security;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Persistence.Queries;
using AutoKms.Infrastructure.Persistence.Repositories;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>
/// The read side's lists, filtered in SQL by key-name globs: on every provider a list keeps
/// exactly the names <see cref="KeyNameGlob.Matches"/> keeps (by code point, case-sensitively,
/// with the provider's own wildcard characters taken literally).
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class KeyReadServiceContractTests(string provider) : StorageContractTest(provider)
{
    // One prefix per fixture run keeps the names apart from other tests' keys.
    private static readonly string[] Suffixes =
    [
        "billing-a", "billing-b", "Billing-c", "hr-a", "a%b", "a_b", "axb", @"x\y", "x\\\\y", "[x]", "x", "é-1", "😀-1", "e-1", "😀😀-1", "*star", "?q", "",
    ];

    private static readonly string[] Globs =
    [
        "billing-*", "Billing-*", "billing-?", "a%b", "a_b", "a?b", @"x\y", "[x]", "[*", "?-1", "??-1", "*-1", "😀*", "\\*star", "*", "%", "_", "*%*", "*_*", "*\\*", "?q", "[?]q",
    ];

    private readonly string _prefix = $"g{Guid.NewGuid().ToString("N")[..8]}:";

    private readonly Dictionary<string, Guid> _keys = [];

    [OneTimeSetUp]
    public async Task AddKeysAsync()
    {
        await InTransactionAsync(async session =>
        {
            var keys = Keys(session);
            var i = 0;
            foreach (var suffix in Suffixes)
            {
                var name = _prefix + suffix;
                var key = Key.Create(Guid.NewGuid(), name, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [1], Now.AddMinutes(i++));
                if (suffix.StartsWith("hr", StringComparison.Ordinal) || suffix == "x")
                {
                    key.Delete(Now.AddMinutes(i));
                }

                await keys.AddAsync(key, CancellationToken.None);
                _keys[name] = key.Id;
            }
        });
    }

    [Test]
    public async Task Key_lists_keep_exactly_the_names_the_globs_match([ValueSource(nameof(Globs))] string glob)
    {
        var pattern = _prefix + glob;
        await using var session = NewSession();
        var reads = new KeyReadService(session);

        var listed = (await reads.ListKeysAsync(null, null, [pattern], 1000, 0, CancellationToken.None)).Select(k => k.Name);
        var deleted = (await reads.ListDeletedKeysAsync(DateTimeOffset.MinValue, [pattern], 1000, 0, CancellationToken.None)).Select(k => k.Name);
        var versions = (await reads.ListKeyVersionsAsync(null, [pattern], 1000, 0, CancellationToken.None)).Select(v => v.KeyId);

        var expected = _keys.Keys.Where(name => KeyNameGlob.Matches(pattern, name)).ToList();
        var live = expected.Where(name => !IsDeleted(name)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.EquivalentTo(live), "live keys");
            Assert.That(deleted, Is.EquivalentTo(expected.Where(IsDeleted)), "deleted keys");
            Assert.That(versions, Is.EquivalentTo(live.Select(name => _keys[name])), "versions of live keys");
        });
    }

    [Test]
    public async Task Several_globs_keep_the_names_any_of_them_matches_and_no_globs_keep_every_name()
    {
        await using var session = NewSession();
        var reads = new KeyReadService(session);

        var either = (await reads.ListKeysAsync(null, null, [_prefix + "billing-a", _prefix + "a?b"], 1000, 0, CancellationToken.None)).Select(k => k.Name);
        var all = (await reads.ListKeysAsync(null, null, [], 1000, 0, CancellationToken.None)).Select(k => k.Name);

        Assert.That(either, Is.EquivalentTo(new[] { _prefix + "billing-a", _prefix + "a%b", _prefix + "a_b", _prefix + "axb" }));
        Assert.That(all, Is.SupersetOf(_keys.Keys.Where(name => !IsDeleted(name))));
    }

    [Test]
    public async Task Lists_page_in_creation_order_and_filter_by_name_and_status()
    {
        await using var session = NewSession();
        var reads = new KeyReadService(session);
        var glob = _prefix + "billing-?";

        var firstPage = (await reads.ListKeysAsync(null, null, [glob], 1, 0, CancellationToken.None)).Select(k => k.Name);
        var secondPage = (await reads.ListKeysAsync(null, null, [glob], 1, 1, CancellationToken.None)).Select(k => k.Name);
        var byName = await reads.ListKeysAsync(_prefix + "axb", null, [], 10, 0, CancellationToken.None);
        var disabled = await reads.ListKeysAsync(null, "disabled", [_prefix + "*"], 10, 0, CancellationToken.None);
        var ofOneKey = await reads.ListKeyVersionsAsync(_keys[_prefix + "axb"], [], 10, 0, CancellationToken.None);

        Assert.That(firstPage, Is.EqualTo(new[] { _prefix + "billing-a" }));
        Assert.That(secondPage, Is.EqualTo(new[] { _prefix + "billing-b" }));
        Assert.That(byName.Select(k => (k.Id, k.Status, k.PrimaryVersion)), Is.EqualTo(new[] { (_keys[_prefix + "axb"], "enabled", 1) }));
        Assert.That(disabled, Is.Empty);
        Assert.That(ofOneKey.Select(v => (v.KeyId, v.Version, v.Status)), Is.EqualTo(new[] { (_keys[_prefix + "axb"], 1, "enabled") }));
    }

    [TestCase("billing-*", "billing-%")]
    [TestCase("a?b", "a_b")]
    [TestCase("50%_off", @"50\%\_off")]
    [TestCase(@"back\slash", @"back\\slash")]
    [TestCase("[x]", "[x]")]
    [TestCase("😀?", "😀_")]
    public void A_glob_becomes_a_LIKE_pattern_with_LIKEs_own_characters_escaped(string glob, string like) =>
        Assert.That(GlobPatterns.ToPostgresLike(glob), Is.EqualTo(like));

    private static bool IsDeleted(string name)
    {
        var suffix = name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return suffix.StartsWith("hr", StringComparison.Ordinal) || suffix == "x";
    }
}
