using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoMapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.DeletedKeys.Commands.RecoverKey;

public sealed class RecoverKeyCommandHandler(IKeyRepository keys, TimeProvider clock, IMapper mapper, IOptions<KmsSettings> settings) : IRequestHandler<RecoverKeyCommand, KeyDto>
{
    public async Task<KeyDto> Handle(RecoverKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetDeletedAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Deleted key not found");
        key.Recover(clock.GetUtcNow(), settings.Value.DeletedKeyRetention);
        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyDto>(key);
    }
}
