using System.Text.Json;

namespace AutoKms.Application.Common.Validation;

/// <summary>Validation messages name fields as the client sent them: snake_case.</summary>
public static class SnakeCase
{
    public static string Convert(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
