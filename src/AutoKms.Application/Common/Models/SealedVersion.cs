using AutoKms.Application.Cryptography;

namespace AutoKms.Application.Common.Models;

/// <summary>A key version's sealed blob and the context it is bound to.</summary>
public sealed record SealedVersion(Guid VersionId, SealingContext Context, byte[] SealedMaterial);
