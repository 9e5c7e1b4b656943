using AutoKms.Application.Tokens;

namespace AutoKms.Api.Contracts.Tokens;

/// <summary>A token just issued. <c>token</c> is shown this once: store it now; the service keeps only its hash.</summary>
public sealed class IssuedTokenResponse
{
    /// <example>7d0c7f2e-2d3a-4c1b-9a55-3c2f4d5e6a7b</example>
    public required Guid Id { get; init; }

    /// <example>billing-service</example>
    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required IReadOnlyList<string> Keys { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The bearer token: Authorization: Bearer &lt;token&gt;.</summary>
    /// <example>akms_Zm9yIGV4YW1wbGUgb25seSwgbm90IGEgcmVhbCB0b2tlbiEhIQ</example>
    public required string Token { get; init; }

    public static IssuedTokenResponse From(IssuedToken issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var token = issued.Token;
        return new IssuedTokenResponse
        {
            Id = token.Id,
            Name = token.Name,
            Scopes = token.Scopes,
            Keys = token.Keys,
            CreatedAt = token.CreatedAt,
            ExpiresAt = token.ExpiresAt,
            Token = issued.Secret,
        };
    }

    public override string ToString() => $"IssuedTokenResponse {Id} (token hidden)";
}
