using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.Keys.Queries.GetKey;

public sealed class GetKeyQueryHandler(IKeyRepository keys, IMapper mapper) : IRequestHandler<GetKeyQuery, KeyDto>
{
    public async Task<KeyDto> Handle(GetKeyQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.Id, cancellationToken).ConfigureAwait(false);
        return mapper.Map<KeyDto>(key);
    }
}
