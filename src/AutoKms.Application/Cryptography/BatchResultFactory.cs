namespace AutoKms.Application.Cryptography;

/// <summary>Factories for <see cref="BatchResult{T}"/>.</summary>
public static class BatchResult
{
    public static BatchResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    public static BatchResult<T> Failed<T>(string error)
        where T : class => new(null, error);
}
