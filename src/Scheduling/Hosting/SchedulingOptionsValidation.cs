using Microsoft.Extensions.Options;

namespace Scheduling.Hosting;

/// <summary>
/// The rules of <see cref="SchedulingOptions.Validate"/> as an options validation, so that a host that validates its
/// options on start (<c>ValidateOnStart</c>, which <c>AddScheduling</c> asks for) fails to start on a bad value,
/// with the rule's message naming the value.
/// </summary>
internal sealed class SchedulingOptionsValidation : IValidateOptions<SchedulingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            // The rule's own words, without the "(Parameter 'x')" ArgumentException appends: the words name the value.
            var suffix = $" (Parameter '{exception.ParamName}')";
            var message = exception.Message;
            return ValidateOptionsResult.Fail(exception.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message);
        }
    }
}
