using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Cryptography.Commands.GenerateRandom;

public sealed class GenerateRandomCommandHandler(ICryptoProvider crypto) : IRequestHandler<GenerateRandomCommand, byte[]>
{
    public Task<byte[]> Handle(GenerateRandomCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(crypto.Random(request.Bytes!.Value));
    }
}
