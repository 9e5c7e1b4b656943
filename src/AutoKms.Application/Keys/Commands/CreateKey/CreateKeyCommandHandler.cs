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
        var created = await provisioning.CreateAsync([ToNewKey(request)], cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyDto>(created[0]);
    }

    /// <summary>The validated command as the provisioning step takes it; usage defaults by algorithm.</summary>
    internal static NewKey ToNewKey(CreateKeyCommand request)
    {
        var algorithm = KeyAlgorithmNames.ParseAlgorithm(request.Algorithm);
        var usage = request.Usage is null ? KeyAlgorithmRules.DefaultUsage(algorithm) : KeyAlgorithmNames.ParseUsage(request.Usage);
        return new NewKey(request.Name, algorithm, usage, request.RotationPeriodDays);
    }
}
