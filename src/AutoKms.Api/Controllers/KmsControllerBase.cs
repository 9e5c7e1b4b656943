using System.Text.Json;
using AutoKms.Api.Http;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>
/// What every controller shares: the mediator and JSON reading. The error answers every route can
/// give (400, 422, 500) are declared once, globally, in <see cref="DependencyInjection"/>.
/// Controllers translate HTTP to a MediatR request and its result back to HTTP, nothing more.
/// </summary>
[ApiController]
[Produces("application/json")]
public abstract class KmsControllerBase(IMediator mediator) : ControllerBase
{
    protected IMediator Mediator { get; } = mediator;

    /// <summary>Reads a body taken as raw JSON (for routes that accept an object or an array) with the API's JSON rules.</summary>
    protected T ReadJson<T>(JsonElement body)
    {
        var options = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        try
        {
            return body.Deserialize<T>(options) ?? throw new ValidationException([new ValidationFailure("body", "The request body must not be null.")]);
        }
        catch (JsonException ex) when (JsonErrors.IsTypeMismatch(ex.Message))
        {
            var field = JsonErrors.FieldFromPath(ex.Path);
            throw new ValidationException([new ValidationFailure(field, JsonErrors.DescribeTypeMismatch(field, ex.Message))]);
        }
    }
}
