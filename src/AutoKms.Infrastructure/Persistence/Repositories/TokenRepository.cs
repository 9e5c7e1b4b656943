using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Tokens;
using Dapper;

namespace AutoKms.Infrastructure.Persistence.Repositories;

/// <summary>
/// Dapper persistence of <see cref="AccessToken"/>. Scopes are stored space-separated and key
/// globs newline-separated (neither may contain those characters); the secret only as its hash.
/// </summary>
public sealed class TokenRepository(DbSession session, ChangeFeed changes) : ITokenRepository
{
    private const string Columns = "id, name, scopes, key_globs, secret_hash, created_at, expires_at, revoked_at";

    private const string InsertSql = $"""
        INSERT INTO tokens ({Columns})
        VALUES (@Id, @Name, @Scopes, @KeyGlobs, @SecretHash, @CreatedAt, @ExpiresAt, @RevokedAt)
        """;

    private const string SelectByIdSql = $"SELECT {Columns} FROM tokens WHERE id = @Id";

    private const string SelectByHashSql = $"SELECT {Columns} FROM tokens WHERE secret_hash = @SecretHash";

    private const string ListSql = $"SELECT {Columns} FROM tokens ORDER BY created_at, id LIMIT @Limit OFFSET @Offset";

    private const string RevokeSql = "UPDATE tokens SET revoked_at = @RevokedAt WHERE id = @Id";

    private const string NameExistsSql = "SELECT EXISTS (SELECT 1 FROM tokens WHERE name = @Name)";

    public Task AddAsync(AccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return session.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(InsertSql, Row.From(token), transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    public async Task<AccessToken?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<Row>(SelectByIdSql, new { Id = id }, cancellationToken).ConfigureAwait(false))?.ToToken();

    public async Task<AccessToken?> FindBySecretHashAsync(byte[] secretHash, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<Row>(SelectByHashSql, new { SecretHash = secretHash }, cancellationToken).ConfigureAwait(false))?.ToToken();

    public async Task<IReadOnlyList<AccessToken>> ListAsync(int limit, int offset, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Row>(ListSql, new { Limit = limit, Offset = offset }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToToken()).ToList();

    public Task SaveAsync(AccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return session.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { token.Id, token.RevokedAt }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                // Other instances drop their cached token lookups when they read this (ChangeFeedWatcher).
                session.AppendChange(ChangeFeed.TokenChangedSql, changes.Row(token.Id));
            },
            cancellationToken);
    }

    public async Task<bool> NameExistsAsync(string name, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<bool>(NameExistsSql, new { Name = name }, cancellationToken).ConfigureAwait(false);

    private sealed record Row
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string Scopes { get; init; } = string.Empty;

        public string KeyGlobs { get; init; } = string.Empty;

        public byte[] SecretHash { get; init; } = [];

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? ExpiresAt { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }

        public static Row From(AccessToken token) => new()
        {
            Id = token.Id,
            Name = token.Name,
            Scopes = string.Join(' ', token.Scopes),
            KeyGlobs = string.Join('\n', token.KeyGlobs),
            SecretHash = token.SecretHash,
            CreatedAt = token.CreatedAt,
            ExpiresAt = token.ExpiresAt,
            RevokedAt = token.RevokedAt,
        };

        public AccessToken ToToken() => AccessToken.Rehydrate(
            Id,
            Name,
            Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            KeyGlobs.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            SecretHash,
            CreatedAt,
            ExpiresAt,
            RevokedAt);
    }
}
