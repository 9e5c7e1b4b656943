using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Commands.PurgeKey;

public sealed class PurgeKeyCommandHandler(IKeyRepository keys) : IRequestHandler<PurgeKeyCommand, DeleteResult>
{
    public async Task<DeleteResult> Handle(PurgeKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetDeletedAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Deleted key not found");
        await keys.PurgeAsync(request.Id, key.DeletedAt!.Value, cancellationToken).ConfigureAwait(false);
        return new DeleteResult(1);
    }
}
