namespace AutoKms.Application.Common.Models;

/// <summary>What a root-key rotation did: the root key now in use and how many versions it re-sealed.</summary>
public sealed record RootKeyRotationResult(string RootKey, int ResealedVersions);
