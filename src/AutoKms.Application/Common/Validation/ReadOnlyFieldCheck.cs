using FluentValidation;
using FluentValidation.Results;

namespace AutoKms.Application.Common.Validation;

/// <summary>
/// Collects read-only fields a client sent back (from what it read) that differ from the stored
/// values; any difference is a 422 naming the field, so a stale or edited copy never passes silently.
/// </summary>
public sealed class ReadOnlyFieldCheck(string prefix = "")
{
    private readonly List<ValidationFailure> _failures = [];

    public ReadOnlyFieldCheck Same<T>(string field, T? sent, T stored)
    {
        if (sent is not null && !EqualityComparer<T>.Default.Equals(sent, stored))
        {
            var name = prefix + field;
            _failures.Add(new ValidationFailure(name, $"'{field}' is read-only and differs from the stored value; leave it out or send what GET answers."));
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (_failures.Count > 0)
        {
            throw new ValidationException(_failures);
        }
    }
}
