namespace AutoKms.Application.Cryptography.Commands.ComputeMac;

public sealed record MacResult(Guid KeyId, int Version, byte[] Mac);
