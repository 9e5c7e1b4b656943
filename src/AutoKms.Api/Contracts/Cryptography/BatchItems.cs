namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>What the batch contracts share.</summary>
public static class BatchItems
{
    public const string NotAnObject = "Each item must be a JSON object.";
}
