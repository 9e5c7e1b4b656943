using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.CreateKey;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.Keys.Commands.CreateKeys;

/// <summary>Generates every key's material, then creates them all in one transaction.</summary>
public sealed class CreateKeysCommandHandler(KeyProvisioning provisioning, IMapper mapper) : IRequestHandler<CreateKeysCommand, IReadOnlyList<KeyDto>>
{
    public async Task<IReadOnlyList<KeyDto>> Handle(CreateKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await provisioning.CreateAsync(request.Keys.Select(CreateKeyCommandHandler.ToNewKey).ToList(), cancellationToken).ConfigureAwait(false);
        return created.Select(mapper.Map<KeyDto>).ToList();
    }
}
