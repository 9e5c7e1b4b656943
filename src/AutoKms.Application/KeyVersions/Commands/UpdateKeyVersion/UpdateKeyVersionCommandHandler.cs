using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

public sealed class UpdateKeyVersionCommandHandler(IKeyRepository keys, TimeProvider clock, IMapper mapper) : IRequestHandler<UpdateKeyVersionCommand, KeyVersionDto>
{
    public async Task<KeyVersionDto> Handle(UpdateKeyVersionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetByVersionIdAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.KeyVersion();
        var number = key.Versions.Single(v => v.Id == request.Id).Version;
        var version = key.ChangeVersionStatus(number, KeyAlgorithmNames.ParseVersionStatus(request.Status), clock.GetUtcNow());
        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyVersionDto>(version);
    }
}
