using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

public sealed class CreateKeyVersionCommandHandler(IKeyRepository keys, KeyProvisioning provisioning, IMapper mapper) : IRequestHandler<CreateKeyVersionCommand, KeyVersionDto>
{
    public async Task<KeyVersionDto> Handle(CreateKeyVersionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.KeyId, cancellationToken).ConfigureAwait(false);
        var version = await provisioning.RotateAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyVersionDto>(version);
    }
}
