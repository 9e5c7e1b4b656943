using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;

public sealed class DestroyKeyVersionCommandHandler(KeyVersionUpdates updates) : IRequestHandler<DestroyKeyVersionCommand, DeleteResult>
{
    public async Task<DeleteResult> Handle(DestroyKeyVersionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await updates.DestroyAsync(request.Id, cancellationToken).ConfigureAwait(false);
        return new DeleteResult(1);
    }
}
