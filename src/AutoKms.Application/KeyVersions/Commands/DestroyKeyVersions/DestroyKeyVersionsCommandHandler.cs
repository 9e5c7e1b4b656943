using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersions;

public sealed class DestroyKeyVersionsCommandHandler(KeyVersionUpdates updates) : IRequestHandler<DestroyKeyVersionsCommand, DeleteResult>
{
    public async Task<DeleteResult> Handle(DestroyKeyVersionsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var id in request.Ids)
        {
            await updates.DestroyAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return new DeleteResult(request.Ids.Count);
    }
}
