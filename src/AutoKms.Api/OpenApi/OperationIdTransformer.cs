using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoKms.Api.OpenApi;

/// <summary>Every operation gets a stable, unique operationId: the action's name (CreateKey, Encrypt, ...).</summary>
public sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            operation.OperationId = action.ActionName;
        }

        return Task.CompletedTask;
    }
}
