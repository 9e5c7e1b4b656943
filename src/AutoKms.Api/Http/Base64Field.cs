using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;

namespace AutoKms.Api.Http;

/// <summary>Base64 wire fields (<see cref="Base64Text"/> rules); a bad value is a 400 naming the field.</summary>
public static class Base64Field
{
    public static byte[]? Decode(string? value, string field) =>
        value is null ? null : Base64Text.TryDecode(value, out var bytes) ? bytes : throw InvalidRequestException.InvalidBase64(field);

    public static string? Encode(byte[]? value) => value is null ? null : Convert.ToBase64String(value);
}
