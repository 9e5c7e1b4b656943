using MediatR;

namespace AutoKms.Application.Cryptography.Commands.GenerateRandom;

/// <summary>Random bytes from the service's CSPRNG (the HSM's, where one is configured).</summary>
public sealed record GenerateRandomCommand(int? Bytes) : IRequest<byte[]>
{
    public const int MaxBytes = 1024;
}
