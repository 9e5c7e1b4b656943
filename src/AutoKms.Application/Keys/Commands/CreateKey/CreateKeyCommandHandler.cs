using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.Keys.Commands.CreateKey;

public sealed class CreateKeyCommandHandler(KeyProvisioning provisioning, IMapper mapper) : IRequestHandler<CreateKeyCommand, KeyDto>
{
    public async Task<KeyDto> Handle(CreateKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var algorithm = KeyAlgorithmNames.ParseAlgorithm(request.Algorithm);
        var usage = request.Usage is null ? KeyAlgorithmRules.DefaultUsage(algorithm) : KeyAlgorithmNames.ParseUsage(request.Usage);
        var key = await provisioning.CreateAsync(request.Name, algorithm, usage, request.RotationPeriodDays, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyDto>(key);
    }
}
