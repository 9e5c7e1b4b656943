using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>
/// What every controller shares: the mediator. An action reads its wire contract, sends the
/// contract's command (<c>request.ToCommand(id)</c>) and answers the contract's response
/// (<c>XResponse.From(result)</c>). The error answers every route can give (400, 415, 422, 500)
/// are declared once, globally, in <see cref="DependencyInjection"/>.
/// </summary>
[ApiController]
[Produces("application/json")]
public abstract class KmsControllerBase(IMediator mediator) : ControllerBase
{
    protected IMediator Mediator { get; } = mediator;
}
