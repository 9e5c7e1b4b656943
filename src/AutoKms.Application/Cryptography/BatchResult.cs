namespace AutoKms.Application.Cryptography;

/// <summary>One item of a batch: its result, or the reason it failed. Other items are unaffected.</summary>
public sealed record BatchResult<T>(T? Value, string? Error)
    where T : class;
