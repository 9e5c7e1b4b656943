using AutoKms.Api.Contracts.Tokens;
using AutoKms.Api.Http;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Common.Security;
using AutoKms.Application.Tokens;
using AutoKms.Application.Tokens.Commands.RevokeToken;
using AutoKms.Application.Tokens.Queries.ListTokens;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Bearer tokens: issued, listed and revoked by admins. A secret is shown once, when issued.</summary>
[Route("kms/token")]
[Tags("Tokens")]
[RouteIdName("token id")]
[Authorize(Policy = Scopes.Admin)]
[RateLimitClass(RateLimitClasses.Admin)]
public sealed class TokensController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Issues a bearer token with the scopes and key-name globs given.</summary>
    /// <param name="request">Name, scopes, optional key globs and expiry.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="201">The token, with its secret (shown this once).</response>
    /// <response code="409">A token with this name exists, or the expiry lies in the past.</response>
    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType<IssuedTokenResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ObjectResult> CreateToken([FromBody] CreateTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StatusCode(StatusCodes.Status201Created, IssuedTokenResponse.From(await Mediator.Send(request.ToCommand(), cancellationToken)));
    }

    /// <summary>Lists every token issued, revoked ones included, oldest first; never a secret.</summary>
    /// <param name="limit">At most this many (1 to 1000, default 100).</param>
    /// <param name="offset">Skip this many first.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The tokens.</response>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<TokenDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<TokenDto>> ListTokens([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        await Mediator.Send(new ListTokensQuery(limit ?? ListTokensQuery.DefaultLimit, offset ?? 0), cancellationToken);

    /// <summary>Revokes a token: it stops working on the next request to this instance.</summary>
    /// <param name="id">The token id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No such token.</response>
    /// <response code="409">The token is already revoked.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<DeleteResult> RevokeToken(Guid id, CancellationToken cancellationToken) =>
        await Mediator.Send(new RevokeTokenCommand(id), cancellationToken);
}
