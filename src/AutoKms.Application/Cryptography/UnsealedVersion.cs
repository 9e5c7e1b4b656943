using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>A key version with its material in the clear; disposing zeroes the material.</summary>
public sealed class UnsealedVersion(Key key, KeyVersion version, KeyMaterial material) : IDisposable
{
    public Key Key { get; } = key;

    public KeyVersion Version { get; } = version;

    public KeyMaterial Material { get; } = material;

    public void Dispose() => Material.Dispose();
}
