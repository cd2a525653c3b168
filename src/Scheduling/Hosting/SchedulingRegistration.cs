using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduling.Stores;
using Scheduling.Workspaces;

namespace Scheduling.Hosting;

/// <summary>
/// What one <c>AddScheduling</c> call registered: its stores, its options (the baseline and the configuration over
/// it) and its workspace directory. Kept in the service collection, so that a second call can be checked against the
/// first and the options factory can read the options from it.
/// </summary>
internal sealed class SchedulingRegistration
{
    private static readonly (StoreServices Chosen, Type Service)[] StoreServiceTypes =
    [
        (StoreServices.Sessions, typeof(ISessionStore)),
        (StoreServices.Sessions, typeof(IRecurringSessionStore)),
        (StoreServices.Attendance, typeof(IAttendanceStore)),
        (StoreServices.CursorKey, typeof(ICursorKeyStore)),
    ];

    private SchedulingRegistration(SchedulingBuilder builder, IConfiguration? configuration)
    {
        Stores = builder.Stores;
        ChosenStores = builder.ChosenStores;
        Directory = builder.Directory;
        BaselineOptions = builder.Options ?? new SchedulingOptions();
        Configuration = configuration;
        var baseline = builder.Options is null ? "the default options" : "the options given to WithOptions";
        Options = configuration is null
            ? new RegistrationChoice(baseline, new SchedulingOptionsValue(BaselineOptions), builder.Options is not null)
            : new RegistrationChoice(
                $"the options in {Describe(configuration)} over {baseline}",
                (new SchedulingOptionsValue(BaselineOptions), IdentityOf(configuration)),
                isExplicit: true);
    }

    /// <summary>Gets the stores registered.</summary>
    public RegistrationChoice Stores { get; }

    /// <summary>Gets which store services the call chose rather than took by default.</summary>
    public StoreServices ChosenStores { get; }

    /// <summary>Gets the options registered.</summary>
    public RegistrationChoice Options { get; }

    /// <summary>Gets the workspace directory registered.</summary>
    public RegistrationChoice Directory { get; }

    /// <summary>Gets the options given to <c>WithOptions</c>, or the defaults: what the configuration's keys override.</summary>
    public SchedulingOptions BaselineOptions { get; }

    /// <summary>Gets the configuration the options are read from, or null.</summary>
    public IConfiguration? Configuration { get; }

    /// <summary>The registration <paramref name="builder"/> describes, with options read from <paramref name="configuration"/> when given.</summary>
    public static SchedulingRegistration Of(SchedulingBuilder builder, IConfiguration? configuration) => new(builder, configuration);

    /// <summary>Where options come from, as an error says it.</summary>
    public static string Describe(IConfiguration configuration) =>
        configuration is IConfigurationSection section ? $"configuration section '{section.Path}'" : "the configuration given to AddScheduling";

    /// <summary>Checks that this registration, made by a later call, asks for what <paramref name="first"/> registered.</summary>
    /// <exception cref="ArgumentException">It asks for other stores, options or a workspace directory.</exception>
    public void EnsureSameAs(SchedulingRegistration first)
    {
        var differences = new List<string>();
        Compare("stores", first.Stores, Stores, differences);
        Compare("options", first.Options, Options, differences);
        Compare("workspace directory", first.Directory, Directory, differences);
        if (differences.Count > 0)
        {
            throw new ArgumentException(
                $"AddScheduling was called again, asking for a different registration: {string.Join("; ", differences)}. "
                + "Call AddScheduling once, or the same way every time.",
                "configure");
        }
    }

    /// <summary>
    /// Checks that what this registration chose explicitly is not registered in <paramref name="services"/> already
    /// (by the host), where <c>TryAdd</c> would keep the host's silently. Defaults give way to the host's registrations.
    /// </summary>
    /// <exception cref="ArgumentException">A chosen store or directory, or <see cref="SchedulingOptions"/> itself, is registered already.</exception>
    public void EnsureNotRegisteredBefore(IServiceCollection services)
    {
        var conflicts = new List<string>();
        foreach (var (chosen, service) in StoreServiceTypes)
        {
            if (ChosenStores.HasFlag(chosen) && Registered(services, service) is { } existing)
            {
                conflicts.Add($"it asks for {Stores.Description}, but {service.Name} is already registered ({existing})");
            }
        }

        if (Directory.IsExplicit && Registered(services, typeof(IWorkspaceDirectory)) is { } directory)
        {
            conflicts.Add($"it asks for {Directory.Description}, but IWorkspaceDirectory is already registered ({directory})");
        }

        if (Registered(services, typeof(SchedulingOptions)) is { } options)
        {
            conflicts.Add($"SchedulingOptions is registered as a service ({options}), but the services read IOptions<SchedulingOptions>: "
                + "pass the options to WithOptions or bind them with AddScheduling(configuration)");
        }

        if (conflicts.Count > 0)
        {
            throw new ArgumentException(
                $"AddScheduling cannot register over what the service collection already has: {string.Join("; ", conflicts)}. "
                + "Register each one way: through AddScheduling, or yourself before a call to AddScheduling that leaves it to the default.",
                nameof(services));
        }
    }

    private static void Compare(string what, RegistrationChoice first, RegistrationChoice asked, List<string> differences)
    {
        if (!first.IsSameAs(asked))
        {
            differences.Add($"the first registered {first.Description} as its {what}, this call asks for {asked.Description}");
        }
    }

    private static string? Registered(IServiceCollection services, Type service)
    {
        var descriptor = services.FirstOrDefault(d => d.ServiceType == service && !d.IsKeyedService);
        return descriptor is null ? null
            : descriptor.ImplementationType?.Name ?? descriptor.ImplementationInstance?.GetType().Name ?? "by a factory";
    }

    /// <summary>What makes two configurations the same: a section's path (a new section object is made per lookup), else the object.</summary>
    private static object IdentityOf(IConfiguration configuration) =>
        configuration is IConfigurationSection section ? "section:" + section.Path.ToUpperInvariant() : configuration;
}
