using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoMapper;
using MediatR;

namespace AutoKms.Application.KeyVersions.Queries.GetKeyVersion;

public sealed class GetKeyVersionQueryHandler(IKeyRepository keys, IMapper mapper) : IRequestHandler<GetKeyVersionQuery, KeyVersionDto>
{
    public async Task<KeyVersionDto> Handle(GetKeyVersionQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetByVersionIdAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.KeyVersion();
        return mapper.Map<KeyVersionDto>(key.VersionById(request.Id));
    }
}
