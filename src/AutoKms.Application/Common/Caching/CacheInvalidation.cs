using AutoKms.Application.Tokens;

namespace AutoKms.Application.Common.Caching;

/// <summary>
/// What a change to a key or a token drops from this instance's caches. Called for this
/// instance's own writes as they happen and again once committed, and by the change-feed watcher
/// for writes made through any instance.
/// </summary>
public sealed class CacheInvalidation(KeyCache keys, CachingKeyMaterialSealer materials, TokenCache tokens)
{
    public void KeyChanged(Guid keyId)
    {
        keys.Drop(keyId);
        materials.Drop(keyId);
    }

    /// <summary>
    /// A token was created or revoked somewhere. Tokens are looked up by the hash of their secret,
    /// which the change does not carry, so every cached lookup is dropped; revocations are rare.
    /// </summary>
    public void TokensChanged() => tokens.Clear();

    /// <summary>Everything: after the feed was out of reach for longer than it keeps changes.</summary>
    public void All()
    {
        keys.Clear();
        materials.Clear();
        tokens.Clear();
    }
}
