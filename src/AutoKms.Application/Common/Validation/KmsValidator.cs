using FluentValidation;

namespace AutoKms.Application.Common.Validation;

/// <summary>
/// Base of every validator: messages and <c>errors</c> keys name fields as the client sent them
/// (snake_case), whether the validator runs in the service or in a unit test.
/// </summary>
public abstract class KmsValidator<T> : AbstractValidator<T>
{
    static KmsValidator()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : SnakeCase.Convert(member.Name);
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : SnakeCase.Convert(member.Name);

        // A rule stops at its first failure: later checks in a chain may assume the earlier ones held.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
    }

    /// <summary>
    /// Validates each item of a bulk body with the single-item validator, naming fields as the
    /// client wrote them: the body is the array itself, so the third item's name is <c>[2].name</c>.
    /// </summary>
    protected void ItemsOfTheBody<TItem>(Func<T, IReadOnlyList<TItem>?> items, IValidator<TItem> validator)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(validator);
        RuleFor(c => c).Custom((command, context) =>
        {
            var list = items(command) ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                foreach (var failure in validator.Validate(list[i]).Errors)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure($"[{i}].{failure.PropertyName}", failure.ErrorMessage) { ErrorCode = failure.ErrorCode });
                }
            }
        });
    }
}
