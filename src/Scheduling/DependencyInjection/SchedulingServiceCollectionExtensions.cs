using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduling;
using Scheduling.Attendance;
using Scheduling.Hosting;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Workspaces;

// The one folder whose namespace is not its path: registration lives where .NET hosts look for it, so that
// `services.AddScheduling(...)` needs no using beyond the one every host has.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Scheduling in a host's service collection.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SessionService"/>, <see cref="AttendanceService"/>, <see cref="WorkspaceSessionService"/>
    /// with its directory (an <see cref="InMemoryWorkspaceDirectory"/> unless the builder names one), their stores and
    /// the store of the cursor key (in memory unless <paramref name="configure"/> picks others), all as singletons, and
    /// <see cref="IOptions{TOptions}"/> of <see cref="SchedulingOptions"/>, validated when the host starts:
    /// <c>services.AddScheduling(s => s.UseSqlite("calendar.db"))</c>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Chooses stores, options and the workspace directory; null for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <remarks>
    /// <para>Registration uses <c>TryAdd</c>: a second call that asks for the same registration (the same stores, options
    /// and workspace directory) changes nothing, and one that asks for another throws, naming what the first
    /// registered and what it asks for. Stores are the same when they are the in-memory default on both sides, the
    /// same database (<c>UseSqlite</c> on the same file, <c>UsePostgreSql</c> on the same connection string less its
    /// password, or the same data-source factory), or the same factories given to <c>UseStores</c>; options when their
    /// values are equal, and configuration when it is the same section.</para>
    /// <para>A host may register its own <see cref="IClock"/> (the system clock is the default), stores or workspace
    /// directory first to override the defaults; a call that chooses one the host registered already throws, rather
    /// than keep one of the two silently.</para>
    /// <para>Options given to <c>WithOptions</c> are checked here; options are validated again when the host starts
    /// (<c>ValidateOnStart</c>), and without a host, when a service is first resolved.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The options are invalid (the message says which value), or the call asks for another registration than an
    /// earlier one or for a store the host registered already (the message says which).
    /// </exception>
    public static IServiceCollection AddScheduling(this IServiceCollection services, Action<SchedulingBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Register(services, configuration: null, configure);
    }

    /// <summary>
    /// Registers Scheduling as <see cref="AddScheduling(IServiceCollection, Action{SchedulingBuilder}?)"/> does, with
    /// its options read from <paramref name="configuration"/> when the host starts:
    /// <c>services.AddScheduling(builder.Configuration.GetSection("Scheduling"), s => s.UseSqlite("calendar.db"))</c>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The section that holds the options, each under its property name.</param>
    /// <param name="configure">Chooses stores, baseline options and the workspace directory; null for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <remarks>
    /// <para>Every option of <see cref="SchedulingOptions"/> binds: numbers as invariant integers,
    /// <c>SnapshotNamesAtBooking</c> as <c>true</c>/<c>false</c>, <c>MaxQueryWindow</c> as NodaTime's round-trip duration
    /// (<c>366:00:00:00</c>, days:hours:minutes:seconds) or a <see cref="TimeSpan"/> (<c>366.00:00:00</c>),
    /// <c>CursorKey</c> as base64, <c>CursorKeys</c> as a list of base64 keys (the signing key first), and the payload
    /// limits under <c>PayloadLimits</c> (<c>PayloadLimits:MaxTags</c>). A key the configuration gives overrides the
    /// options given to <c>WithOptions</c> (or the defaults); an absent or empty key leaves them.</para>
    /// <para>The options are read once, when the host starts (or a service is first resolved), and a value that does not
    /// read (a malformed number, duration or base64 key), a key that names no option, or a value a rule refuses fails
    /// the start with an <see cref="OptionsValidationException"/> that names the key. Later changes to the configuration
    /// are not applied: the services are singletons.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">As for the overload without configuration.</exception>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, Action<SchedulingBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, configuration, configure);
    }

    private static IServiceCollection Register(IServiceCollection services, IConfiguration? configuration, Action<SchedulingBuilder>? configure)
    {
        var builder = new SchedulingBuilder();
        configure?.Invoke(builder);
        builder.Options?.Validate();
        var registration = SchedulingRegistration.Of(builder, configuration);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(SchedulingRegistration))?.ImplementationInstance is SchedulingRegistration first)
        {
            registration.EnsureSameAs(first);
            return services;
        }

        registration.EnsureNotRegisteredBefore(services);
        services.AddSingleton(registration);

        services.AddOptions<SchedulingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidation>());
        services.TryAddTransient<IOptionsFactory<SchedulingOptions>, SchedulingOptionsFactory>();

        // The composition root is where the real clock belongs; everything else receives IClock.
        services.TryAddSingleton(HostClock.Default);
        services.TryAddSingleton(builder.SessionStore);
        services.TryAddSingleton(builder.RecurringSessionStore);
        services.TryAddSingleton(builder.CursorKeyStore);
        services.TryAddSingleton(provider => new SessionService(
            provider.GetRequiredService<ISessionStore>(),
            provider.GetRequiredService<IRecurringSessionStore>(),
            provider.GetRequiredService<ICursorKeyStore>(),
            provider.GetRequiredService<IClock>(),
            OptionsOf(provider)));
        services.TryAddSingleton(builder.AttendanceStore);
        services.TryAddSingleton(provider => new AttendanceService(
            provider.GetRequiredService<IAttendanceStore>(),
            provider.GetRequiredService<SessionService>(),
            provider.GetRequiredService<IClock>(),
            OptionsOf(provider)));
        if (builder.WorkspaceDirectory is { } directory)
        {
            services.TryAddSingleton(directory);
        }
        else
        {
            services.TryAddSingleton<InMemoryWorkspaceDirectory>();
            services.TryAddSingleton<IWorkspaceDirectory>(provider => provider.GetRequiredService<InMemoryWorkspaceDirectory>());
        }

        services.TryAddSingleton(provider => new WorkspaceSessionService(
            provider.GetRequiredService<IWorkspaceDirectory>(),
            provider.GetRequiredService<SessionService>(),
            provider.GetRequiredService<IClock>(),
            OptionsOf(provider)));
        return services;
    }

    private static SchedulingOptions OptionsOf(IServiceProvider provider) => provider.GetRequiredService<IOptions<SchedulingOptions>>().Value;
}
