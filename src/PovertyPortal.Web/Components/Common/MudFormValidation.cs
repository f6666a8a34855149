using FluentValidation;

namespace PovertyPortal.Web.Components.Common;

/// <summary>Binds a FluentValidation validator to MudForm field by field: each message shows next to its field.</summary>
public static class MudFormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(
                ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
