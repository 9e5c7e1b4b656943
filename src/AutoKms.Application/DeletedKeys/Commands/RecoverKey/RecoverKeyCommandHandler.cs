using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Commands.RecoverKey;

public sealed class RecoverKeyCommandHandler(IKeyRepository keys, TimeProvider clock, IMapper mapper, KmsSettings settings) : IRequestHandler<RecoverKeyCommand, KeyDto>
{
    public async Task<KeyDto> Handle(RecoverKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetDeletedAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Deleted key not found");
        var now = clock.GetUtcNow();
        if (key.DeletedAt!.Value.AddDays(settings.DeletedKeyRetentionDays) <= now)
        {
            // Past its window the key is as good as purged, even before maintenance gets to it.
            throw new NotFoundException("Deleted key not found: its retention window is over");
        }

        key.Recover(now);
        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyDto>(key);
    }
}
