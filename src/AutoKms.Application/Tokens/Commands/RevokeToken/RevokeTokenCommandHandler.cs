using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Tokens.Commands.RevokeToken;

public sealed class RevokeTokenCommandHandler(ITokenRepository tokens, TokenAuthentication authentication, TimeProvider clock) : IRequestHandler<RevokeTokenCommand, DeleteResult>
{
    public async Task<DeleteResult> Handle(RevokeTokenCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await tokens.GetAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Token not found");
        token.Revoke(clock.GetUtcNow());
        await tokens.SaveAsync(token, cancellationToken).ConfigureAwait(false);
        authentication.Forget(token.SecretHash);
        return new DeleteResult(1);
    }
}
