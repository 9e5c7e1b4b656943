using MediatR;

namespace AutoKms.Application.Tokens.Queries.ListTokens;

/// <summary>Every issued token, oldest first, never a secret.</summary>
public sealed record ListTokensQuery(int Limit = ListTokensQuery.DefaultLimit, int Offset = 0) : IRequest<IReadOnlyList<TokenDto>>
{
    public const int DefaultLimit = 100;
}
