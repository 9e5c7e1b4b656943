using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Tokens.Queries.ListTokens;

public sealed class ListTokensQueryHandler(ITokenRepository tokens) : IRequestHandler<ListTokensQuery, IReadOnlyList<TokenDto>>
{
    public async Task<IReadOnlyList<TokenDto>> Handle(ListTokensQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await tokens.ListAsync(request.Limit, request.Offset, cancellationToken).ConfigureAwait(false);
        return found.Select(TokenDto.From).ToList();
    }
}
