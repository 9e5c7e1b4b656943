using System.Text.RegularExpressions;

namespace AutoKms.Api.Http;

/// <summary>
/// Turns System.Text.Json's messages into ones a client can act on, without .NET type names or
/// reader advice: an unknown field or a value of the wrong type is a 422 naming the field;
/// anything that is not JSON is a 400 saying where it broke.
/// </summary>
public static partial class JsonErrors
{
    private const string ConversionPrefix = "The JSON value could not be converted to ";

    public static bool IsTypeMismatch(string message) => message.StartsWith(ConversionPrefix, StringComparison.Ordinal);

    /// <summary>The property name of "The JSON property 'x' could not be mapped to any .NET member ...", or <c>null</c>.</summary>
    public static string? UnknownProperty(string message)
    {
        var match = UnmappedMember().Match(message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>The 422 message for an unknown field.</summary>
    public static string DescribeUnknown(string field) => $"Unknown field '{field}'";

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

    /// <summary>The error's field for an unknown property: its parent path plus its own name.</summary>
    public static string UnknownFieldPath(string? path, string name)
    {
        var field = FieldFromPath(path);
        if (field == "body" || field == name)
        {
            return name;
        }

        // The reader's path may already end in the unknown name ($.batch_input[0].foo) or stop at its parent.
        return field.EndsWith("." + name, StringComparison.Ordinal) ? field : $"{field}.{name}";
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
            "System.Guid" or "System.Nullable`1[System.Guid]" => "a UUID",
            "System.DateTimeOffset" or "System.Nullable`1[System.DateTimeOffset]" => "an RFC 3339 date-time",
            _ when target.Contains("List", StringComparison.Ordinal) || target.Contains("[]", StringComparison.Ordinal) || target.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
        return field == "body" ? $"The request body must be {expected}." : $"'{field}' must be {expected}.";
    }

    /// <summary>
    /// The parser's own words without the reader's .NET advice: "'x' is an invalid start of a
    /// value (line 1, column 6)". Line and column count from 1.
    /// </summary>
    public static string DescribeSyntaxError(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = SyntaxTail().Match(message);
        var text = match.Success ? message[..match.Index].TrimEnd() : message;
        text = text.Contains("open JSON object or array", StringComparison.Ordinal) ? "the JSON ends before an object or array is closed"
            : text.Contains("does not contain any JSON tokens", StringComparison.Ordinal) ? "the body holds no JSON value"
            : Advice().Replace(text, string.Empty).TrimEnd(' ', '.');
        if (!match.Success)
        {
            return text;
        }

        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        var column = int.Parse(match.Groups["byte"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{text} (line {line}, column {column})";
    }

    [GeneratedRegex(@"Path: .*? \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)\.?$")]
    private static partial Regex SyntaxTail();

    // Sentences addressed to a .NET caller, not to an HTTP client.
    [GeneratedRegex(@"\s*(Change the reader options\.?|The reader options [^.]*\.|,? ?which is not supported in this mode)")]
    private static partial Regex Advice();

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial Regex UnmappedMember();
}
