using AutoKms.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace AutoKms.Application.Common.Behaviours;

/// <summary>
/// Reports what could not be decoded from the wire (<see cref="IWireRequest"/>) and runs every
/// FluentValidation validator of the request; any failure stops it before the handler.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        if (request is IWireRequest wire)
        {
            failures.AddRange(wire.DecodingFailures);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken).ConfigureAwait(false);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next().ConfigureAwait(false);
    }
}
