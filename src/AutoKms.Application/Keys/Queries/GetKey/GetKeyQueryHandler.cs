using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.Keys.Queries.GetKey;

public sealed class GetKeyQueryHandler(IKeyRepository keys, IEncryptionCounter counter, IMapper mapper) : IRequestHandler<GetKeyQuery, KeyDto>
{
    public async Task<KeyDto> Handle(GetKeyQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetRequiredAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var dto = mapper.Map<KeyDto>(key);
        return dto with { Encryptions = dto.Encryptions + counter.Unpersisted(key.Primary.Id) };
    }
}
