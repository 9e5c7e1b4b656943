using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using AutoKms.Application.Common.Security;

namespace AutoKms.Application.Tokens;

/// <summary>
/// Turns a presented bearer token into the <see cref="Caller"/> it stands for, or <c>null</c>
/// (unknown, revoked or expired). Only the token's SHA-256 is looked up and compared, in constant time.
/// Each cache lookup counts in <c>autokms.cache.lookups{cache="token"}</c>.
/// </summary>
public sealed class TokenAuthentication(ITokenRepository tokens, TokenCache cache, TimeProvider clock, KmsMetrics? metrics = null)
{
    public const string CallerPrefix = "token:";

    public async Task<Caller?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = TokenSecret.Hash(presented);
        var hit = cache.TryGet(hash, out var cached);
        metrics?.CacheLookup(KmsMetrics.TokenCache, hit);
        if (hit)
        {
            return cached;
        }

        var token = await tokens.FindBySecretHashAsync(hash, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var caller = token is not null && token.IsActive(now) && TokenSecret.SameHash(token.SecretHash, hash)
            ? new Caller(CallerPrefix + token.Name, token.Scopes.ToHashSet(StringComparer.Ordinal), token.KeyGlobs)
            : null;
        cache.Set(hash, caller, token?.ExpiresAt);
        return caller;
    }

    /// <summary>Forgets a revoked token on this instance at once.</summary>
    public void Forget(byte[] secretHash) => cache.Forget(secretHash);
}
