using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Keys.Commands.RotateDueKeys;

/// <summary>Each key rotates in a transaction of its own, re-checked inside it, so one failure or a concurrent rotation costs nothing else.</summary>
public sealed class RotateDueKeysCommandHandler(IKeyRepository keys, KeyProvisioning provisioning, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<RotateDueKeysCommand, int>
{
    public async Task<int> Handle(RotateDueKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var due = await keys.FindDueForRotationAsync(clock.GetUtcNow(), request.Limit, cancellationToken).ConfigureAwait(false);
        var rotated = 0;
        foreach (var id in due)
        {
            await unitOfWork.BeginAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var key = await keys.GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (key is not null && key.IsRotationDue(clock.GetUtcNow()))
                {
                    await provisioning.RotateAsync(key, cancellationToken).ConfigureAwait(false);
                    rotated++;
                }

                await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await unitOfWork.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        return rotated;
    }
}
