namespace AutoKms.Api.Contracts;

/// <summary>The new status of a version.</summary>
public sealed class UpdateKeyVersionRequest
{
    /// <summary>enabled, disabled or destroyed (destroying erases the material for good).</summary>
    /// <example>disabled</example>
    public string? Status { get; init; }
}
