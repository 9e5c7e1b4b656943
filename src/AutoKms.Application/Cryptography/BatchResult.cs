namespace AutoKms.Application.Cryptography;

/// <summary>One item of a batch: its result, or the reason it failed. Other items are unaffected.</summary>
public sealed record BatchResult<T>(T? Value, string? Error)
    where T : class;

/// <summary>Factories for <see cref="BatchResult{T}"/>.</summary>
public static class BatchResult
{
    public static BatchResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    public static BatchResult<T> Failed<T>(string error)
        where T : class => new(null, error);
}
