using AutoKms.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace AutoKms.Application.Common.Behaviours;

/// <summary>
/// Reports what could not be decoded from the wire (<see cref="IWireRequest"/>), else runs every
/// FluentValidation validator of the request; any failure stops it before the handler.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        // What could not be decoded is reported alone: the rest of the command is incomplete
        // (an undecodable item is missing from its list), so its validators would only add noise.
        if (request is IWireRequest { DecodingFailures.Count: > 0 } wire)
        {
            throw new ValidationException(wire.DecodingFailures);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();

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
