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
}
