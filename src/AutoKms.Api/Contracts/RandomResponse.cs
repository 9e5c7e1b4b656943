namespace AutoKms.Api.Contracts;

public sealed class RandomResponse
{
    /// <example>3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v3q2+7w8=</example>
    public string RandomB64 { get; init; } = string.Empty;
}
