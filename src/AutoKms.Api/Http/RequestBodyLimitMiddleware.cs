using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AutoKms.Api.Http;

/// <summary>
/// Refuses a body whose Content-Length is over the limit with 413 problem details before anything
/// reads it, and sets the same limit as the server's per-request limit, which Kestrel enforces on
/// bodies without a Content-Length while they are read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestBodyOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = _limit;
        }

        if (context.Request.ContentLength > _limit)
        {
            throw new BadHttpRequestException(ProblemDetailsExceptionHandler.TooLarge(), StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
