namespace AutoKms.Api.Contracts;

/// <summary>Fields to change on a key. PATCH changes the fields present; PUT requires both.</summary>
public sealed class UpdateKeyRequest
{
    /// <summary>The key to change: required in the bulk forms (PATCH/PUT /kms/key), ignored otherwise.</summary>
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public string? Id { get; init; }

    /// <summary>New unique name, 1 to 120 characters.</summary>
    /// <example>payments</example>
    public string? Name { get; init; }

    /// <summary>enabled or disabled.</summary>
    /// <example>disabled</example>
    public string? Status { get; init; }

    /// <summary>Versions below this refuse to decrypt (403). At most the primary version.</summary>
    /// <example>2</example>
    public int? MinDecryptionVersion { get; init; }

    /// <summary>Rotate automatically every this many days; 0 turns automatic rotation off.</summary>
    /// <example>30</example>
    public int? RotationPeriodDays { get; init; }
}
