using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Tokens.Commands.CreateToken;

namespace AutoKms.Api.Contracts.Tokens;

/// <summary>A bearer token to issue.</summary>
public sealed class CreateTokenRequest
{
    /// <summary>Unique name; the audit trail and logs name the caller token:&lt;name&gt;.</summary>
    /// <example>billing-service</example>
    [Required]
    public string? Name { get; init; }

    /// <summary>kms.admin, kms.keys.manage, kms.keys.read, kms.encrypt, kms.decrypt, kms.sign, kms.verify.</summary>
    /// <example>["kms.encrypt", "kms.decrypt"]</example>
    [Required]
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>Key-name globs (* and ?) the token is limited to; absent or empty: every key.</summary>
    /// <example>["billing-*"]</example>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>When the token stops working; absent: never (until revoked).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public CreateTokenCommand ToCommand() => new(Name!, Scopes ?? [], Keys, ExpiresAt);
}
