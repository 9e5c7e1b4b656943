namespace AutoKms.Api.Http;

/// <summary>Writes binary answer fields as standard base64; <c>null</c> stays <c>null</c>.</summary>
public static class Base64Field
{
    public static string? Encode(byte[]? value) => value is null ? null : Convert.ToBase64String(value);
}
