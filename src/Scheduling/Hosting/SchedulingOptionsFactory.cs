using Microsoft.Extensions.Options;

namespace Scheduling.Hosting;

/// <summary>
/// Makes the <see cref="SchedulingOptions"/> behind <see cref="IOptions{TOptions}"/>: the registration's baseline with
/// its configuration read over it, then every <see cref="IValidateOptions{TOptions}"/> (the library's rules and any
/// the host adds). <see cref="SchedulingOptions"/> is immutable, so the options pattern's default factory, which
/// creates an instance and lets <c>Configure</c> calls change it, cannot make it.
/// </summary>
/// <remarks>
/// A <c>Configure&lt;SchedulingOptions&gt;</c> or <c>PostConfigure</c> registration could not change the options, and
/// is refused rather than ignored. Every problem (a key that does not read, a rule broken) is reported at once, in one
/// <see cref="OptionsValidationException"/>, which a host that validates on start fails to start with.
/// </remarks>
internal sealed class SchedulingOptionsFactory : IOptionsFactory<SchedulingOptions>
{
    private readonly SchedulingRegistration _registration;
    private readonly bool _configured;
    private readonly IValidateOptions<SchedulingOptions>[] _validations;

    public SchedulingOptionsFactory(
        SchedulingRegistration registration,
        IEnumerable<IConfigureOptions<SchedulingOptions>> setups,
        IEnumerable<IPostConfigureOptions<SchedulingOptions>> postConfigures,
        IEnumerable<IValidateOptions<SchedulingOptions>> validations)
    {
        _registration = registration;
        _configured = setups.Any() || postConfigures.Any();
        _validations = [.. validations];
    }

    /// <inheritdoc />
    public SchedulingOptions Create(string name)
    {
        var problems = new List<string>();
        if (_configured)
        {
            problems.Add("SchedulingOptions is immutable, so Configure<SchedulingOptions> and PostConfigure<SchedulingOptions> cannot change it: "
                + "bind configuration with AddScheduling(configuration) or pass options to WithOptions.");
        }

        var options = _registration.Configuration is { } configuration
            ? SchedulingOptionsConfiguration.Read(configuration, _registration.BaselineOptions, problems)
            : _registration.BaselineOptions;
        if (problems.Count == 0)
        {
            foreach (var validation in _validations)
            {
                if (validation.Validate(name, options) is { Failed: true } result)
                {
                    problems.AddRange(result.Failures.Select(failure => _registration.Configuration is { } from
                        ? $"{failure} (from {SchedulingRegistration.Describe(from)})"
                        : failure));
                }
            }
        }

        return problems.Count == 0 ? options : throw new OptionsValidationException(name, typeof(SchedulingOptions), problems);
    }
}
