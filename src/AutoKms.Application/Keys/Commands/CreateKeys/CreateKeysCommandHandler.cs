using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.CreateKey;
using MediatR;

namespace AutoKms.Application.Keys.Commands.CreateKeys;

/// <summary>Runs the single-key use case for each item inside the one transaction of this request.</summary>
public sealed class CreateKeysCommandHandler(CreateKeyCommandHandler createKey) : IRequestHandler<CreateKeysCommand, IReadOnlyList<KeyDto>>
{
    public async Task<IReadOnlyList<KeyDto>> Handle(CreateKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = new List<KeyDto>(request.Keys.Count);
        foreach (var item in request.Keys)
        {
            created.Add(await createKey.Handle(item, cancellationToken).ConfigureAwait(false));
        }

        return created;
    }
}
