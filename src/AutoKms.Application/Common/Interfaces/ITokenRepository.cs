using AutoKms.Domain.Tokens;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>Issued tokens: stored by the SHA-256 of their secret, never the secret itself.</summary>
public interface ITokenRepository
{
    Task AddAsync(AccessToken token, CancellationToken cancellationToken);

    Task<AccessToken?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The token whose secret hashes to <paramref name="secretHash"/>, revoked or not, or <c>null</c>.</summary>
    Task<AccessToken?> FindBySecretHashAsync(byte[] secretHash, CancellationToken cancellationToken);

    /// <summary>Every token, oldest first (revoked ones included, so an admin sees what was revoked).</summary>
    Task<IReadOnlyList<AccessToken>> ListAsync(int limit, int offset, CancellationToken cancellationToken);

    /// <summary>Writes the revocation.</summary>
    Task SaveAsync(AccessToken token, CancellationToken cancellationToken);

    Task<bool> NameExistsAsync(string name, CancellationToken cancellationToken);
}
