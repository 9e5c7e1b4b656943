using FluentValidation;
using FluentValidation.Results;

namespace AutoKms.Api.Http;

/// <summary>Ids arrive as text so a malformed one answers 422 <c>Invalid UUID for key id</c>, not a routing 404.</summary>
public static class RouteIds
{
    public static Guid Parse(string? value, string field, string what)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        throw new ValidationException([new ValidationFailure(field, $"Invalid UUID for {what}")]);
    }

    public static Guid Key(string? value) => Parse(value, "id", "key id");

    public static Guid KeyVersion(string? value) => Parse(value, "id", "key version id");
}
