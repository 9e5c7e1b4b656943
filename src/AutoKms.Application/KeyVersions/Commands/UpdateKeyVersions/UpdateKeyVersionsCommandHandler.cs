using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersions;

/// <summary>Applies each item's change inside the one transaction of this request.</summary>
public sealed class UpdateKeyVersionsCommandHandler(KeyVersionUpdates updates) : IRequestHandler<UpdateKeyVersionsCommand, IReadOnlyList<KeyVersionDto>>
{
    public async Task<IReadOnlyList<KeyVersionDto>> Handle(UpdateKeyVersionsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var updated = new List<KeyVersionDto>(request.Versions.Count);
        foreach (var item in request.Versions)
        {
            updated.Add(await updates.ApplyAsync(item, cancellationToken).ConfigureAwait(false));
        }

        return updated;
    }
}
