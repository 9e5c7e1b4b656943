using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKey;

public sealed class UpdateKeyCommandHandler(IKeyRepository keys, TimeProvider clock, IMapper mapper) : IRequestHandler<UpdateKeyCommand, KeyDto>
{
    public async Task<KeyDto> Handle(UpdateKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();

        if (request.Name is not null && request.Name != key.Name)
        {
            if (await keys.NameExistsAsync(request.Name, key.Id, cancellationToken).ConfigureAwait(false))
            {
                throw ConflictException.NameTaken(request.Name);
            }

            key.Rename(request.Name, now);
        }

        if (request.Status is not null)
        {
            key.ChangeStatus(KeyAlgorithmNames.ParseStatus(request.Status), now);
        }

        if (request.MinDecryptionVersion is { } minimum)
        {
            key.ChangeMinDecryptionVersion(minimum, now);
        }

        if (request.RotationPeriodDays is { } days)
        {
            key.ChangeRotationPeriod(days == 0 ? null : days, now);
        }

        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyDto>(key);
    }
}
