using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.GenerateRandom;

/// <summary>Random bytes from the service's CSPRNG (the HSM's, where one is configured).</summary>
public sealed record GenerateRandomCommand(int? Bytes) : IRequest<byte[]>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.GenerateRandom;

    public const int MaxBytes = 1024;
}
