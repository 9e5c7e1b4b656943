using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using MediatR;

namespace AutoKms.Application.Common.Behaviours;

/// <summary>
/// Zeroes the secret input of an <see cref="ISecretInput"/> request once the request is over,
/// including when validation refuses it before any handler runs.
/// </summary>
public sealed class SecretInputBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next().ConfigureAwait(false);
        }
        finally
        {
            if (request is ISecretInput secret)
            {
                foreach (var buffer in secret.Secrets)
                {
                    Secrets.Forget(buffer);
                }
            }
        }
    }
}
