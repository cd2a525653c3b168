using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scheduling.Attendance;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Workspaces;

namespace Scheduling.Hosting;

/// <summary>Registers Scheduling in a host's service collection.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SessionService"/>, <see cref="AttendanceService"/>, <see cref="WorkspaceSessionService"/>
    /// with its directory (an <see cref="InMemoryWorkspaceDirectory"/> unless the builder names one), their stores and
    /// the store of the cursor key (in memory unless <paramref name="configure"/> picks others) and their options, all
    /// as singletons:
    /// <c>services.AddScheduling(s => s.UseSqlite("calendar.db"))</c>.
    /// </summary>
    /// <remarks>
    /// Registration uses <c>TryAdd</c>: calling it again changes nothing, and a host may register its own
    /// <see cref="IClock"/> (the system clock is the default), stores or options first to override them. Options are
    /// checked here, at start-up, so a bad value fails the host's start rather than the first call.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are invalid; the message says which value.</exception>
    public static IServiceCollection AddScheduling(this IServiceCollection services, Action<SchedulingBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new SchedulingBuilder();
        configure?.Invoke(builder);
        builder.Options.Validate();

        // The composition root is where the real clock belongs; everything else receives IClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(builder.Options);
        services.TryAddSingleton(builder.SessionStore);
        services.TryAddSingleton(builder.RecurringSessionStore);
        services.TryAddSingleton(builder.CursorKeyStore);
        services.TryAddSingleton(provider => new SessionService(
            provider.GetRequiredService<ISessionStore>(),
            provider.GetRequiredService<IRecurringSessionStore>(),
            provider.GetRequiredService<ICursorKeyStore>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<SchedulingOptions>()));
        services.TryAddSingleton(builder.AttendanceStore);
        services.TryAddSingleton(provider => new AttendanceService(
            provider.GetRequiredService<IAttendanceStore>(),
            provider.GetRequiredService<SessionService>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<SchedulingOptions>()));
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
            provider.GetRequiredService<SchedulingOptions>()));
        return services;
    }
}
