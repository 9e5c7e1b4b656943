using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Common.Behaviours;

/// <summary>
/// Wraps requests marked <see cref="ITransactionalRequest"/> in one transaction: all of their
/// writes land, or none do.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not ITransactionalRequest)
        {
            return await next().ConfigureAwait(false);
        }

        return await unitOfWork.InTransactionAsync(() => next(), cancellationToken).ConfigureAwait(false);
    }
}
