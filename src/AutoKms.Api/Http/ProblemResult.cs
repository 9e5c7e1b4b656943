using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Http;

/// <summary>
/// Writes problem details through <see cref="IProblemDetailsService"/>, exactly as the exception
/// handler does, so every error has the same shape and the <c>application/problem+json</c> type.
/// </summary>
public sealed class ProblemResult(ProblemDetails problem) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = problem });
    }
}
