using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Security;
using AutoKms.Domain.Tokens;
using MediatR;

namespace AutoKms.Application.Tokens.Commands.CreateToken;

public sealed class CreateTokenCommandHandler(ITokenRepository tokens, TimeProvider clock) : IRequestHandler<CreateTokenCommand, IssuedToken>
{
    public async Task<IssuedToken> Handle(CreateTokenCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await tokens.NameExistsAsync(request.Name, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException($"A token named {request.Name} already exists");
        }

        var secret = TokenSecret.NewSecret();
        var token = AccessToken.Issue(
            Guid.NewGuid(),
            request.Name,
            request.Scopes.Distinct(StringComparer.Ordinal).ToList(),
            (request.Keys ?? []).Distinct(StringComparer.Ordinal).ToList(),
            TokenSecret.Hash(secret),
            clock.GetUtcNow(),
            request.ExpiresAt);
        await tokens.AddAsync(token, cancellationToken).ConfigureAwait(false);
        return new IssuedToken(TokenDto.From(token), secret);
    }
}
