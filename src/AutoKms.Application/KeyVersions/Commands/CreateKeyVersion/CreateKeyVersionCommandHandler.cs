using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

public sealed class CreateKeyVersionCommandHandler(KeyProvisioning provisioning, IMapper mapper) : IRequestHandler<CreateKeyVersionCommand, KeyVersionDto>
{
    public async Task<KeyVersionDto> Handle(CreateKeyVersionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = await provisioning.RotateAsync(request.KeyId!.Value, _ => true, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.Key();
        return mapper.Map<KeyVersionDto>(version);
    }
}
