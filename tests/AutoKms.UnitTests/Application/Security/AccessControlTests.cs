using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Security;
using AutoKms.Application.Tokens;
using AutoKms.Application.Tokens.Commands.CreateToken;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Tokens;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Security;

public sealed class KeyNameGlobTests
{
    [TestCase("billing-*", "billing-a", true)]
    [TestCase("billing-*", "billing-", true)]
    [TestCase("billing-*", "hr-a", false)]
    [TestCase("billing-*", "xbilling-a", false)]
    [TestCase("*-prod", "pay-prod", true)]
    [TestCase("*-prod", "pay-prod-2", false)]
    [TestCase("k?", "k1", true)]
    [TestCase("k?", "k12", false)]
    [TestCase("*", "anything", true)]
    [TestCase("exact", "exact", true)]
    [TestCase("exact", "Exact", false)]
    [TestCase("a*b*c", "aXXbYYc", true)]
    [TestCase("a*b*c", "aXXbYY", false)]
    [TestCase("[x]", "[x]", true)]
    [TestCase("hr-?", "hr-\U0001F600", true)]
    [TestCase("hr-??", "hr-\U0001F600", false)]
    [TestCase("*", "*star", true)]
    [TestCase("a*", "a*b", true)]
    [TestCase("a*b*c", "a*bxc", true)]
    public void Matches_StarAnyRun_QuestionOneCharacter_CaseSensitive(string glob, string name, bool expected)
    {
        Assert.That(KeyNameGlob.Matches(glob, name), Is.EqualTo(expected));
    }

    [Test]
    public void Caller_WithoutGlobs_MayUseEveryKey_WithGlobs_OnlyMatchingOnes()
    {
        var everyKey = new Caller("a", new HashSet<string>(), []);
        var billing = new Caller("b", new HashSet<string>(), ["billing-*", "shared"]);

        Assert.That(everyKey.MayUseKey("hr-a"), Is.True);
        Assert.That(billing.MayUseKey("billing-x"), Is.True);
        Assert.That(billing.MayUseKey("shared"), Is.True);
        Assert.That(billing.MayUseKey("hr-a"), Is.False);
    }

    [Test]
    public void AnAdminLimitedToGlobs_IsNoAdmin_AndHoldsNoOtherScopeThroughIt()
    {
        var limited = new Caller("l", new HashSet<string> { Scopes.Admin, Scopes.Encrypt }, ["billing-*"]);

        Assert.That(limited.IsAdmin, Is.False);
        Assert.That(limited.HasScope(Scopes.Admin), Is.False);
        Assert.That(limited.HasScope(Scopes.Decrypt), Is.False);
        Assert.That(limited.HasScope(Scopes.Encrypt), Is.True);
    }

    [Test]
    public void Admin_HoldsEveryScope()
    {
        var admin = new Caller("a", new HashSet<string> { Scopes.Admin }, []);
        var encryptOnly = new Caller("e", new HashSet<string> { Scopes.Encrypt }, []);

        Assert.That(Scopes.All.All(admin.HasScope), Is.True);
        Assert.That(encryptOnly.HasScope(Scopes.Encrypt), Is.True);
        Assert.That(encryptOnly.HasScope(Scopes.Decrypt), Is.False);
    }
}

public sealed class AccessTokenTests
{
    private static readonly DateTimeOffset Now = Fixture.Now;

    [Test]
    public void Issue_WithAPastExpiry_OrNoScope_IsRefused()
    {
        Assert.Throws<TokenRuleViolationException>(() => AccessToken.Issue(Guid.NewGuid(), "t", ["kms.encrypt"], [], new byte[32], Now, Now.AddSeconds(-1)));
        Assert.Throws<TokenRuleViolationException>(() => AccessToken.Issue(Guid.NewGuid(), "t", [], [], new byte[32], Now, null));
    }

    [Test]
    public void IsActive_UntilExpiry_AndUntilRevoked_WhichHappensOnce()
    {
        var token = AccessToken.Issue(Guid.NewGuid(), "t", ["kms.encrypt"], [], new byte[32], Now, Now.AddHours(1));

        Assert.That(token.IsActive(Now), Is.True);
        Assert.That(token.IsActive(Now.AddHours(1)), Is.False);
        token.Revoke(Now);
        Assert.That(token.IsActive(Now), Is.False);
        Assert.Throws<TokenRuleViolationException>(() => token.Revoke(Now));
    }

    [Test]
    public void ToString_NamesTheTokenButNeverItsHash()
    {
        var hash = Enumerable.Repeat((byte)0xAB, 32).ToArray();
        var token = AccessToken.Issue(Guid.NewGuid(), "t", ["kms.encrypt"], [], hash, Now, null);

        Assert.That(token.ToString(), Does.Not.Contain("AB").And.Not.Contain("171"));
    }
}

public sealed class TokenAuthenticationTests
{
    private readonly Mock<ITokenRepository> _tokens = new(MockBehavior.Strict);
    private readonly MovableTestClock _clock = new(Fixture.Now);

    [Test]
    public async Task AnIssuedToken_AuthenticatesAsItsNameScopesAndGlobs_LookedUpByItsHashOnce()
    {
        var secret = TokenSecret.NewSecret();
        var token = AccessToken.Issue(Guid.NewGuid(), "billing", ["kms.encrypt"], ["billing-*"], TokenSecret.Hash(secret), Fixture.Now, null);
        _tokens.Setup(t => t.FindBySecretHashAsync(It.Is<byte[]>(h => h.SequenceEqual(token.SecretHash)), It.IsAny<CancellationToken>())).ReturnsAsync(token);
        var authentication = new TokenAuthentication(_tokens.Object, new TokenCache(_clock), _clock);

        var first = await authentication.AuthenticateAsync(secret, CancellationToken.None);
        var second = await authentication.AuthenticateAsync(secret, CancellationToken.None);

        Assert.That(first!.Name, Is.EqualTo("token:billing"));
        Assert.That(first.Scopes, Is.EquivalentTo(new[] { "kms.encrypt" }));
        Assert.That(first.KeyGlobs, Is.EqualTo(new[] { "billing-*" }));
        Assert.That(second, Is.EqualTo(first));
        _tokens.Verify(t => t.FindBySecretHashAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Once, "the second request is answered from the cache");
    }

    [Test]
    public async Task ARevokedToken_ForgottenOnThisInstance_IsRefusedOnTheNextRequest()
    {
        var secret = TokenSecret.NewSecret();
        var token = AccessToken.Issue(Guid.NewGuid(), "t", ["kms.encrypt"], [], TokenSecret.Hash(secret), Fixture.Now, null);
        _tokens.Setup(t => t.FindBySecretHashAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>())).ReturnsAsync(token);
        var authentication = new TokenAuthentication(_tokens.Object, new TokenCache(_clock), _clock);
        Assert.That(await authentication.AuthenticateAsync(secret, CancellationToken.None), Is.Not.Null);

        token.Revoke(Fixture.Now);
        authentication.Forget(token.SecretHash);

        Assert.That(await authentication.AuthenticateAsync(secret, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task AnExpiredToken_IsRefused_EvenWhileCached()
    {
        var secret = TokenSecret.NewSecret();
        var token = AccessToken.Issue(Guid.NewGuid(), "t", ["kms.encrypt"], [], TokenSecret.Hash(secret), Fixture.Now, Fixture.Now.AddSeconds(10));
        _tokens.Setup(t => t.FindBySecretHashAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>())).ReturnsAsync(token);
        var authentication = new TokenAuthentication(_tokens.Object, new TokenCache(_clock), _clock);
        Assert.That(await authentication.AuthenticateAsync(secret, CancellationToken.None), Is.Not.Null);

        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.That(await authentication.AuthenticateAsync(secret, CancellationToken.None), Is.Null);
    }

    [Test]
    public void Secrets_AreLongRandomAndPrefixed()
    {
        var a = TokenSecret.NewSecret();
        var b = TokenSecret.NewSecret();

        Assert.That(a, Does.StartWith("akms_").And.Length.EqualTo(48));
        Assert.That(a, Is.Not.EqualTo(b));
        Assert.That(TokenSecret.SameHash(TokenSecret.Hash(a), TokenSecret.Hash(a)), Is.True);
        Assert.That(TokenSecret.SameHash(TokenSecret.Hash(a), TokenSecret.Hash(b)), Is.False);
    }

    private sealed class MovableTestClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed class CreateTokenTests
{
    [TestCase(new[] { "kms.encrypt" }, true)]
    [TestCase(new[] { "kms.everything" }, false)]
    [TestCase(new string[0], false)]
    public void Validator_TakesOnlyKnownScopes(string[] scopes, bool valid)
    {
        var result = new CreateTokenCommandValidator().Validate(new CreateTokenCommand("t", scopes, null, null));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
    }

    [Test]
    public async Task Handler_StoresTheHashOnly_AndAnswersTheSecretOnce()
    {
        var tokens = new Mock<ITokenRepository>();
        AccessToken? stored = null;
        tokens.Setup(t => t.NameExistsAsync("svc", It.IsAny<CancellationToken>())).ReturnsAsync(false);
        tokens.Setup(t => t.AddAsync(It.IsAny<AccessToken>(), It.IsAny<CancellationToken>())).Callback((AccessToken t, CancellationToken _) => stored = t).Returns(Task.CompletedTask);

        var issued = await new CreateTokenCommandHandler(tokens.Object, new FixedTestClock()).Handle(new CreateTokenCommand("svc", ["kms.encrypt", "kms.encrypt"], ["a-*"], null), CancellationToken.None);

        Assert.That(stored!.SecretHash, Is.EqualTo(TokenSecret.Hash(issued.Secret)));
        Assert.That(stored.Scopes, Is.EqualTo(new[] { "kms.encrypt" }), "duplicates dropped");
        Assert.That(issued.ToString(), Does.Not.Contain(issued.Secret));
    }

    [Test]
    public void Handler_WithATakenName_IsAConflict()
    {
        var tokens = new Mock<ITokenRepository>();
        tokens.Setup(t => t.NameExistsAsync("svc", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.ThrowsAsync<ConflictException>(() => new CreateTokenCommandHandler(tokens.Object, new FixedTestClock()).Handle(new CreateTokenCommand("svc", ["kms.encrypt"], null, null), CancellationToken.None));
    }

    private sealed class FixedTestClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Fixture.Now;
    }
}

public sealed class AccessCheckedKeyRepositoryTests
{
    [Test]
    public async Task EveryKeyHandedOut_AddedOrSaved_IsCheckedAgainstTheCaller()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey(name: "hr-a");
        var access = new Mock<IKeyAccess>();
        access.Setup(a => a.EnsureMayUseAsync("hr-a", It.IsAny<CancellationToken>())).ThrowsAsync(AccessDeniedException.Key());
        var repository = new AccessCheckedKeyRepository(fixture.Keys.Object, access.Object);

        Assert.ThrowsAsync<AccessDeniedException>(() => repository.GetAsync(key.Id, CancellationToken.None));
        Assert.ThrowsAsync<AccessDeniedException>(() => repository.SaveAsync(key, CancellationToken.None));
        Assert.ThrowsAsync<AccessDeniedException>(() => repository.AddAsync(key, CancellationToken.None));
        var unknown = Guid.NewGuid();
        fixture.Keys.Setup(r => r.GetAsync(unknown, It.IsAny<CancellationToken>())).ReturnsAsync((Key?)null);

        Assert.That(await repository.GetAsync(unknown, CancellationToken.None), Is.Null, "no key, nothing to check: the use case answers 404");
        access.Verify(a => a.EnsureMayUseAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }
}
