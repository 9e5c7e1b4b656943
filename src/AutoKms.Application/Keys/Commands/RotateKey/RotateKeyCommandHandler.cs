using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.Keys.Commands.RotateKey;

public sealed class RotateKeyCommandHandler(IKeyRepository keys, KeyProvisioning provisioning, IMapper mapper) : IRequestHandler<RotateKeyCommand, KeyVersionDto>
{
    public async Task<KeyVersionDto> Handle(RotateKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var version = await provisioning.RotateAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyVersionDto>(version);
    }
}
