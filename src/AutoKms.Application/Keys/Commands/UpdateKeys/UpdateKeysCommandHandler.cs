using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.UpdateKey;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKeys;

/// <summary>Runs the single-key use case for each item inside the one transaction of this request.</summary>
public sealed class UpdateKeysCommandHandler(UpdateKeyCommandHandler updateKey) : IRequestHandler<UpdateKeysCommand, IReadOnlyList<KeyDto>>
{
    public async Task<IReadOnlyList<KeyDto>> Handle(UpdateKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var updated = new List<KeyDto>(request.Keys.Count);
        foreach (var item in request.Keys)
        {
            updated.Add(await updateKey.Handle(item, cancellationToken).ConfigureAwait(false));
        }

        return updated;
    }
}
