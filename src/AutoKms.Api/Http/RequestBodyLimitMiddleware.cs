using Microsoft.AspNetCore.Http.Features;

namespace AutoKms.Api.Http;

/// <summary>
/// Refuses a body over the limit with 413 problem details before anything reads it. Kestrel
/// enforces the same limit on bodies without a Content-Length while they are read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, long limit)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException(ProblemDetailsExceptionHandler.TooLarge(), StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
