using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoKms.Api.OpenApi;

/// <summary>
/// Makes each operation say exactly what goes over the wire: its stable operationId (the action's
/// name, which generated clients name their methods after), a description, JSON request bodies
/// only, no empty media types, no content for answers without a body (rotate's 201, 204), the
/// body-related errors (413, 415) only where there is a body, one problem-details schema for
/// every error, and the examples of <see cref="OperationExamples"/>.
/// </summary>
public sealed class ResponseShapeTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";
    private const string Problem = "application/problem+json";

    private static readonly Dictionary<string, string> GenericDescriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "Bad base64, a value the key cannot use, or failed authentication of a ciphertext.",
        ["403"] = "The key or the version is disabled or destroyed.",
        ["404"] = "No such key or version.",
        ["409"] = "The change conflicts with the key's state or another key's name.",
        ["413"] = "The body is larger than the configured limit.",
        ["415"] = "The body is not sent as JSON (Content-Type: application/json).",
        ["422"] = "Missing, unknown or malformed fields, each named in errors.",
        ["500"] = "A bug: the request id identifies it in the service log.",
        ["503"] = "The database is busy or the audit trail could not be written; retry the request. Nothing was changed, unless the detail says the change was made but its outcome could not be recorded.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return;
        }

        operation.OperationId = action.ActionName;
        DescribeAccess(operation, context, action);
        operation.Description ??= operation.Summary;
        OperationExamples.ByOperation.TryGetValue(action.ActionName, out var examples);

        var hasBody = operation.RequestBody is not null;
        if (operation.RequestBody is OpenApiRequestBody body && body.Content is { } requestContent)
        {
            foreach (var type in requestContent.Keys.Where(k => k != Json).ToList())
            {
                requestContent.Remove(type);
            }

            body.Description = null;
            if (requestContent.TryGetValue(Json, out var media) && examples.Request is { } request)
            {
                media.Example = OperationExamples.Parse(request);
                if (action.ActionName == "CreateKey")
                {
                    media.Examples = OperationExamples.CreateKeyVariants.ToDictionary(
                        v => v.Key,
                        v => (IOpenApiExample)new OpenApiExample { Summary = $"Create the {v.Key} key the other examples use", Value = OperationExamples.Parse(v.Value) });
                    media.Example = null;
                }
            }
        }

        if (operation.Responses is null)
        {
            return;
        }

        if (action.ActionName == nameof(Rpc.RpcController.Call))
        {
            await DescribeJsonRpcAsync(operation, context, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (!hasBody && status is "413" or "415")
            {
                operation.Responses.Remove(status);
                continue;
            }

            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            // The global 400 is about bodies; an operation without one keeps a 400 only where it
            // declares its own (public_key of a symmetric key). Without input there is no 422.
            if ((!hasBody && status == "400" && IsDefaultDescription(concrete.Description))
                || (status == "422" && !hasBody && operation.Parameters is not { Count: > 0 }))
            {
                operation.Responses.Remove(status);
                continue;
            }

            if (GenericDescriptions.TryGetValue(status, out var generic) && IsDefaultDescription(concrete.Description))
            {
                concrete.Description = generic;
            }

            ShapeContent(concrete, status, examples.Response);
        }
    }

    /// <summary>
    /// Who may call: the scope the operation's policy names goes into its description; protected
    /// operations document 401 (no or a bad token) and 403 (scope or key name); open ones say so.
    /// </summary>
    private static void DescribeAccess(OpenApiOperation operation, OpenApiOperationTransformerContext context, ControllerActionDescriptor action)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
        {
            return;
        }

        var scope = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        if (scope is not null && scope.StartsWith("kms.", StringComparison.Ordinal) && scope != Security.SecurityDependencyInjection.AnyCaller)
        {
            operation.Summary = $"{operation.Summary} Scope: {scope}.";
        }

        operation.Responses ??= new OpenApiResponses();
        if (metadata.OfType<Security.RateLimitClassAttribute>().Any())
        {
            var limited = ProblemResponse("The caller's rate limit for this kind of operation was met (Kms:RateLimits); retry after Retry-After seconds.");
            limited.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
            operation.Responses.TryAdd("429", limited);
        }

        operation.Responses.TryAdd("401", ProblemResponse("No bearer token, or one that is unknown, revoked or expired (WWW-Authenticate: Bearer)."));
        operation.Responses.TryAdd("403", ProblemResponse(action.ControllerName is "KeyCrypto" or "Keys" or "KeyVersions" or "DeletedKeys"
            ? "The caller lacks the scope, or the key is outside its key-name globs (or, for a key, it is disabled)."
            : "The caller lacks the scope."));
    }

    private static OpenApiResponse ProblemResponse(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [Problem] = new() { Schema = new OpenApiSchemaReference("ProblemDetails") },
        },
    };

    /// <summary>
    /// POST /kms/rpc reads its body raw (so a malformed call gets a JSON-RPC error, not an HTTP
    /// one): its envelope is documented here, and it never answers 400 or 422.
    /// </summary>
    private static async Task DescribeJsonRpcAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content?.TryGetValue(Json, out var media) == true)
        {
            media.Schema = await context.GetOrCreateSchemaAsync(typeof(Rpc.RpcRequest), null, cancellationToken).ConfigureAwait(false);
        }

        operation.Responses?.Remove("400");
        operation.Responses?.Remove("422");
    }

    private static void ShapeContent(OpenApiResponse response, string status, string? example)
    {
        if (response.Content is not { } content)
        {
            return;
        }

        foreach (var type in content.Where(c => c.Value.Schema is null).Select(c => c.Key).ToList())
        {
            content.Remove(type);
        }

        if (status[0] is '4' or '5' && content.ContainsKey(Problem))
        {
            // Errors are problem details, never also plain JSON.
            content.Remove(Json);
        }

        if (content.Count == 0)
        {
            response.Content = null;
            return;
        }

        if (status.StartsWith('2') && example is not null && content.TryGetValue(Json, out var media))
        {
            media.Example = OperationExamples.Parse(example);
        }
    }

    private static bool IsDefaultDescription(string? description) =>
        description is null or "Bad Request" or "Forbidden" or "Not Found" or "Conflict" or "Payload Too Large" or "Unsupported Media Type"
            or "Unprocessable Entity" or "Internal Server Error" or "Service Unavailable";
}
