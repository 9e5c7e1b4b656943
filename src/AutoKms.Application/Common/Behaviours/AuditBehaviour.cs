using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Common.Behaviours;

/// <summary>
/// Records every <see cref="IAuditedRequest"/> in the audit trail, however it ends, before its
/// answer leaves: refused by a validator, failed in the domain, or done
/// (<see cref="AuditRecorder.RunAsync{T}"/>). Outside the transaction behaviour, so a request's own
/// writes are committed before its outcome is recorded and the audit writer never waits on them.
/// If the trail cannot be written the request fails with <see cref="AuditUnavailableException"/>.
/// </summary>
public sealed class AuditBehaviour<TRequest, TResponse>(AuditRecorder recorder) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return request is IAuditedRequest audited
            ? recorder.RunAsync(audited.AuditOperation, audited.AuditKeyId, audited.AuditItems, () => next(), cancellationToken)
            : next();
    }
}
