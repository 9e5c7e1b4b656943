using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using Microsoft.AspNetCore.Authorization;

namespace AutoKms.Api.Security;

/// <summary>
/// The Application's key-name check, answered by the authorisation policies
/// (<see cref="KeyNameRequirement"/>) for the request's user; work outside a request (scheduled
/// rotation, purge) may touch every key.
/// </summary>
public sealed class HttpKeyAccess(IHttpContextAccessor accessor, IAuthorizationService authorization) : IKeyAccess
{
    public async Task EnsureMayUseAsync(string keyName, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is not { } http)
        {
            return;
        }

        var result = await authorization.AuthorizeAsync(http.User, keyName, KeyNameRequirement.Instance).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw AccessDeniedException.Key();
        }
    }
}
