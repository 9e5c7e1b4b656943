using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKeys;

/// <summary>Applies each item's change inside the one transaction of this request.</summary>
public sealed class UpdateKeysCommandHandler(KeyUpdates updates) : IRequestHandler<UpdateKeysCommand, IReadOnlyList<KeyDto>>
{
    public async Task<IReadOnlyList<KeyDto>> Handle(UpdateKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var updated = new List<KeyDto>(request.Keys.Count);
        foreach (var item in request.Keys)
        {
            updated.Add(await updates.ApplyAsync(item, cancellationToken).ConfigureAwait(false));
        }

        return updated;
    }
}
