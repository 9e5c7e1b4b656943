using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Rpc;

/// <summary>
/// JSON-RPC error codes. The reserved ones for malformed calls; for the service's own errors,
/// -32602 (invalid params) for 400/422 answers and -32000 minus (status - 400) for the others
/// (403 → -32003, 404 → -32004, 409 → -32009), with the HTTP status and detail in <c>data</c>.
/// </summary>
public static class RpcErrors
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    public static JsonObject Response(JsonNode? id, int code, string message, JsonNode? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }

        return new JsonObject { ["jsonrpc"] = "2.0", ["error"] = error, ["id"] = id };
    }

    public static JsonObject FromProblem(JsonNode? id, ProblemDetails problem, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        var code = status switch
        {
            StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity => InvalidParams,
            >= 500 => InternalError,
            _ => -32000 - (status - 400),
        };
        var data = new JsonObject { ["status"] = status, ["detail"] = problem.Detail };
        if (problem.Extensions.TryGetValue("errors", out var errors))
        {
            data["errors"] = JsonSerializer.SerializeToNode(errors, options);
        }

        return Response(id, code, problem.Detail ?? "Error", data);
    }
}
