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
}
