namespace AutoKms.Application.Cryptography.Commands.Sign;

public sealed record SignatureResult(Guid KeyId, int Version, string Algorithm, byte[] Signature);
