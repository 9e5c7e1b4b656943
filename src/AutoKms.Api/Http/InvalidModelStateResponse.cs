using AutoKms.Application.Common.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AutoKms.Api.Http;

/// <summary>
/// Answers for requests MVC could not bind: not JSON or an empty body is 400; a field of the wrong
/// type (body, route or query) is 422 with one entry per field.
/// </summary>
public static class InvalidModelStateResponse
{
    private const string EmptyBodyMessage = "A non-empty request body is required.";

    public static IActionResult Create(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? badBody = null;

        foreach (var (key, entry) in context.ModelState)
        {
            foreach (var error in entry.Errors)
            {
                var message = error.ErrorMessage;
                if (message == EmptyBodyMessage)
                {
                    badBody ??= "The request body is empty; send a JSON object.";
                }
                else if (key.StartsWith('$') && JsonErrors.IsTypeMismatch(message))
                {
                    var field = JsonErrors.FieldFromPath(key);
                    if (field == "body")
                    {
                        badBody ??= JsonErrors.DescribeTypeMismatch(field, message);
                    }
                    else
                    {
                        Add(errors, field, JsonErrors.DescribeTypeMismatch(field, message));
                    }
                }
                else if (key.StartsWith('$'))
                {
                    badBody ??= $"The request body is not valid JSON: {JsonErrors.DescribeSyntaxError(message)}";
                }
                else if (entry.ValidationState == ModelValidationState.Invalid && !string.IsNullOrEmpty(message) && !IsBodyRequired(message))
                {
                    Add(errors, SnakeCase.Convert(key), message);
                }
            }
        }

        if (context.ActionDescriptor is Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor { ControllerTypeInfo.Name: nameof(Rpc.RpcController) })
        {
            // JSON-RPC answers a body it cannot parse with its own parse error, in its own envelope.
            return new OkObjectResult(Rpc.RpcErrors.Response(null, Rpc.RpcErrors.ParseError, badBody ?? "Parse error"));
        }

        if (badBody is not null || errors.Count == 0)
        {
            return new ProblemResult(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = badBody ?? "The request body could not be read as JSON.",
            });
        }

        return new ProblemResult(ProblemDetailsExceptionHandler.ValidationProblem(errors));
    }

    private static bool IsBodyRequired(string message) => message.EndsWith("field is required.", StringComparison.Ordinal);

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
