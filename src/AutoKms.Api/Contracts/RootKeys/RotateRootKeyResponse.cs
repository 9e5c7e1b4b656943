using AutoKms.Application.Common.Models;

namespace AutoKms.Api.Contracts.RootKeys;

/// <summary>The root key now in use and how many key versions were re-sealed under it.</summary>
public sealed class RotateRootKeyResponse
{
    /// <summary>Where the new root key is kept (never the key).</summary>
    public required string RootKey { get; init; }

    public required int ResealedVersions { get; init; }

    public static RotateRootKeyResponse From(RootKeyRotationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new() { RootKey = result.RootKey, ResealedVersions = result.ResealedVersions };
    }
}
