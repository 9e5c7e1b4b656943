namespace AutoKms.Api.Http;

/// <summary>
/// The original service created several keys when <c>POST /kms/key</c> carried a JSON array. The
/// document offers that as its own operation (<c>POST /kms/key/batch</c>, CreateKeys) so that
/// CreateKey has one typed answer; this keeps the original clients working by routing an array
/// body on <c>/kms/key</c> to it. Only that one route pays for the peek at the body's first byte.
/// </summary>
public sealed class SeedArrayCreateRewrite(RequestDelegate next)
{
    private const int MaxLeadingWhitespace = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.Path.Equals("/kms/key", StringComparison.OrdinalIgnoreCase)
            && await StartsWithArrayAsync(request, context.RequestAborted).ConfigureAwait(false))
        {
            request.Path = "/kms/key/batch";
        }

        await next(context).ConfigureAwait(false);
    }

    private static async Task<bool> StartsWithArrayAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!JsonContentTypeFilter.IsJson(request.ContentType))
        {
            return false;
        }

        request.EnableBuffering();
        var buffer = new byte[MaxLeadingWhitespace];
        var read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        request.Body.Position = 0;
        foreach (var b in buffer.AsSpan(0, read))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'[';
        }

        return false;
    }
}
