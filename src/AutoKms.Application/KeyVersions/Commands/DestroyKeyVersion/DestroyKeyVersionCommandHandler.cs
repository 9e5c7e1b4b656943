using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;

public sealed class DestroyKeyVersionCommandHandler(IKeyRepository keys, TimeProvider clock) : IRequestHandler<DestroyKeyVersionCommand, DeleteResult>
{
    public async Task<DeleteResult> Handle(DestroyKeyVersionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetByVersionIdAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.KeyVersion();
        var number = key.Versions.Single(v => v.Id == request.Id).Version;
        key.ChangeVersionStatus(number, KeyVersionStatus.Destroyed, clock.GetUtcNow());
        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return new DeleteResult(1);
    }
}
