using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.DeleteKeys;

public sealed class DeleteKeysCommandHandler(IKeyRepository keys, TimeProvider clock) : IRequestHandler<DeleteKeysCommand, DeleteResult>
{
    public async Task<DeleteResult> Handle(DeleteKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        foreach (var id in request.Ids)
        {
            var key = await keys.GetRequiredAsync(id, cancellationToken).ConfigureAwait(false);
            key.Delete(now);
            await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return new DeleteResult(request.Ids.Count);
    }
}
