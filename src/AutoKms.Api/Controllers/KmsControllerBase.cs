using AutoKms.Api.Operations;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>
/// What every controller shares: <see cref="KmsOperations"/>, the wire-to-MediatR translation
/// that JSON-RPC uses too. Controllers add only the HTTP parts: routes, ids from the path, status
/// codes. The error answers every route can give (400, 422, 500) are declared once, globally, in
/// <see cref="DependencyInjection"/>.
/// </summary>
[ApiController]
[Produces("application/json")]
public abstract class KmsControllerBase(KmsOperations operations) : ControllerBase
{
    protected KmsOperations Operations { get; } = operations;
}
