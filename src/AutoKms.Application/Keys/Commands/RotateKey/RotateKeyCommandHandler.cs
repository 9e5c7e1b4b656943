using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Models;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.Keys.Commands.RotateKey;

public sealed class RotateKeyCommandHandler(KeyProvisioning provisioning, IMapper mapper) : IRequestHandler<RotateKeyCommand, KeyVersionDto>
{
    public async Task<KeyVersionDto> Handle(RotateKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = await provisioning.RotateAsync(request.Id, _ => true, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.Key();
        return mapper.Map<KeyVersionDto>(version);
    }
}
