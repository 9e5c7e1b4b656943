using System.Text.RegularExpressions;

namespace AutoKms.Api.Http;

/// <summary>
/// Turns System.Text.Json's messages into ones a client can act on, without .NET type names:
/// a value of the wrong type is a 422 naming the field; anything that is not JSON is a 400.
/// </summary>
public static partial class JsonErrors
{
    private const string ConversionPrefix = "The JSON value could not be converted to ";

    public static bool IsTypeMismatch(string message) => message.StartsWith(ConversionPrefix, StringComparison.Ordinal);

    /// <summary>Field name from a JSON path: <c>$.name</c> → <c>name</c>, <c>$[0].name</c> → <c>[0].name</c>, <c>$</c> → <c>body</c>.</summary>
    public static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    public static string DescribeTypeMismatch(string field, string message)
    {
        var target = message[ConversionPrefix.Length..];
        var end = target.IndexOf(". Path:", StringComparison.Ordinal);
        target = end >= 0 ? target[..end] : target;
        var expected = target switch
        {
            "System.String" => "a string",
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "an integer",
            "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
            _ when target.Contains("List", StringComparison.Ordinal) || target.Contains("[]", StringComparison.Ordinal) || target.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
        return field == "body" ? $"The request body must be {expected}." : $"'{field}' must be {expected}.";
    }

    /// <summary>The parser's own words with the .NET-specific tail trimmed: "'x' is an invalid start of a value. (line 0, byte 5)".</summary>
    public static string DescribeSyntaxError(string message)
    {
        var match = SyntaxTail().Match(message);
        return match.Success
            ? $"{message[..match.Index].TrimEnd()} (line {match.Groups["line"].Value}, byte {match.Groups["byte"].Value})"
            : message;
    }

    [GeneratedRegex(@"Path: .*? \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)\.?$")]
    private static partial Regex SyntaxTail();
}
