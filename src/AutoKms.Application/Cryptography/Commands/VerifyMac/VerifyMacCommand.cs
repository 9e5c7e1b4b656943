using MediatR;

namespace AutoKms.Application.Cryptography.Commands.VerifyMac;

/// <summary>Recomputes the HMAC with the version named (default: primary) and compares in constant time.</summary>
public sealed record VerifyMacCommand(Guid KeyId, byte[] Message, byte[] Mac, int? Version) : IRequest<bool>;
