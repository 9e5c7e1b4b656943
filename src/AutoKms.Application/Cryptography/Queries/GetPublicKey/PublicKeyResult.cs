namespace AutoKms.Application.Cryptography.Queries.GetPublicKey;

public sealed record PublicKeyResult(Guid KeyId, int Version, string Algorithm, string Pem, IReadOnlyDictionary<string, string> Jwk);
