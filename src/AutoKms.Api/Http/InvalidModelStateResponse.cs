using System.Reflection;
using AutoKms.Application.Common.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AutoKms.Api.Http;

/// <summary>
/// Answers for requests MVC could not bind. Not JSON or an empty body is 400; an unknown field,
/// a value of the wrong type or a malformed path id or query parameter is 422, one entry per
/// field, each naming it.
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
                var message = error.ErrorMessage.Length > 0 ? error.ErrorMessage : error.Exception?.Message ?? string.Empty;
                if (message == EmptyBodyMessage)
                {
                    badBody ??= "The request body is empty; send a JSON object.";
                }
                else if (JsonErrors.UnknownProperty(message) is { } unknown)
                {
                    var field = JsonErrors.UnknownFieldPath(key, unknown);
                    Add(errors, field, JsonErrors.DescribeUnknown(field));
                }
                else if (key.StartsWith('$') && JsonErrors.IsTypeMismatch(message))
                {
                    // A body of the wrong kind altogether (an array for an object) is a 400, as any unusable body.
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
                else if (entry.ValidationState == ModelValidationState.Invalid && !IsBodyRequired(message))
                {
                    var field = SnakeCase.Convert(key);
                    Add(errors, field, field == "id" ? RouteIdMessage(context) : $"'{field}' must be {Expected(context, key)}.");
                }
            }
        }

        if (context.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo.Name: nameof(Rpc.RpcController) })
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

    private static string RouteIdMessage(ActionContext context) =>
        (context.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.GetCustomAttribute<RouteIdNameAttribute>()?.InvalidMessage
        ?? "Invalid UUID for id";

    /// <summary>What a query parameter should have been, from the action's parameter type.</summary>
    private static string Expected(ActionContext context, string key)
    {
        var parameter = context.ActionDescriptor.Parameters.FirstOrDefault(p => string.Equals(p.BindingInfo?.BinderModelName ?? p.Name, key, StringComparison.OrdinalIgnoreCase));
        var type = Nullable.GetUnderlyingType(parameter?.ParameterType ?? typeof(string)) ?? parameter?.ParameterType;
        return type == typeof(Guid) ? "a UUID" : type == typeof(int) || type == typeof(long) ? "an integer" : "a valid value";
    }

    private static bool IsBodyRequired(string message) => message.EndsWith("field is required.", StringComparison.Ordinal);

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
