using Scheduling;
using Scheduling.Hosting;
using Scheduling.Stores;
using Scheduling.Stores.InMemory;
using Scheduling.Workspaces;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Says how <see cref="SchedulingServiceCollectionExtensions.AddScheduling(IServiceCollection, Action{SchedulingBuilder}?)"/>
/// wires Scheduling up: which stores, which options, which workspace directory. Store packages add their own
/// <c>Use...</c> methods (<c>UseSqlite</c>, <c>UsePostgreSql</c>), in this namespace too, so that one
/// <c>using Microsoft.Extensions.DependencyInjection;</c> finds them all.
/// </summary>
/// <remarks>
/// Each <c>Use...</c> call replaces what an earlier one chose. What the builder holds when <c>configure</c> returns is
/// the registration; a second <c>AddScheduling</c> must describe the same one (see <c>AddScheduling</c>).
/// </remarks>
public sealed class SchedulingBuilder
{
    private const string InMemoryStores = "in-memory";

    internal SchedulingBuilder()
    {
        UseInMemoryStore();
        ChosenStores = StoreServices.None;
        Stores = new RegistrationChoice("the in-memory stores (the default)", InMemoryStores, isExplicit: false);
        Directory = new RegistrationChoice("the in-memory workspace directory (the default)", "in-memory directory", isExplicit: false);
    }

    internal Func<IServiceProvider, ISessionStore> SessionStore { get; private set; } = null!;

    internal Func<IServiceProvider, IRecurringSessionStore> RecurringSessionStore { get; private set; } = null!;

    internal Func<IServiceProvider, IAttendanceStore> AttendanceStore { get; private set; } = null!;

    internal Func<IServiceProvider, ICursorKeyStore> CursorKeyStore { get; private set; } = null!;

    internal Func<IServiceProvider, IWorkspaceDirectory>? WorkspaceDirectory { get; private set; }

    /// <summary>Gets the options given to <see cref="WithOptions"/>, or null for the defaults.</summary>
    internal SchedulingOptions? Options { get; private set; }

    /// <summary>Gets the stores chosen, as a second registration compares them.</summary>
    internal RegistrationChoice Stores { get; private set; } = null!;

    /// <summary>Gets which store services a <c>Use...</c> call chose (the rest are the defaults).</summary>
    internal StoreServices ChosenStores { get; private set; }

    /// <summary>Gets the workspace directory chosen, as a second registration compares it.</summary>
    internal RegistrationChoice Directory { get; private set; } = null!;

    /// <summary>Keeps everything in memory, in this process (the default), the cursor key included.</summary>
    public SchedulingBuilder UseInMemoryStore()
    {
        UseStores(_ => new InMemorySessionStore(), _ => new InMemoryRecurringSessionStore(), _ => new InMemoryAttendanceStore())
            .UseCursorKeyStore(_ => new InMemoryCursorKeyStore());
        Stores = new RegistrationChoice("the in-memory stores", InMemoryStores, isExplicit: true);
        return this;
    }

    /// <summary>
    /// Keeps the cursor key (used when the options configure none) in the given store; what store packages call from
    /// their own <c>Use...</c> methods, so that the key lives as long as the data its cursors page through. The
    /// <c>UseStores</c> methods leave it as it was (in memory unless chosen otherwise).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="cursorKeyStore"/> is null.</exception>
    public SchedulingBuilder UseCursorKeyStore(Func<IServiceProvider, ICursorKeyStore> cursorKeyStore)
    {
        CursorKeyStore = cursorKeyStore ?? throw new ArgumentNullException(nameof(cursorKeyStore));
        const string WithCursorKeyStore = ", with the cursor key store given to UseCursorKeyStore";
        ChooseStores(StoreServices.CursorKey, Stores.Description.EndsWith(WithCursorKeyStore, StringComparison.Ordinal) ? Stores.Description : Stores.Description + WithCursorKeyStore);
        return this;
    }

    /// <summary>
    /// Uses the given session stores; what store packages call from their own <c>Use...</c> methods. The attendance
    /// store stays what it was (in memory unless chosen otherwise): a store package that keeps attendance too calls
    /// the overload that takes it.
    /// </summary>
    /// <exception cref="ArgumentNullException">A factory is null.</exception>
    public SchedulingBuilder UseStores(Func<IServiceProvider, ISessionStore> sessionStore, Func<IServiceProvider, IRecurringSessionStore> recurringSessionStore)
    {
        SessionStore = sessionStore ?? throw new ArgumentNullException(nameof(sessionStore));
        RecurringSessionStore = recurringSessionStore ?? throw new ArgumentNullException(nameof(recurringSessionStore));
        ChooseStores(StoreServices.Sessions, "the stores given to UseStores");
        return this;
    }

    /// <summary>Uses the given session stores and, when <paramref name="attendanceStore"/> is given, the given attendance store.</summary>
    /// <exception cref="ArgumentNullException">A session store factory is null.</exception>
    public SchedulingBuilder UseStores(
        Func<IServiceProvider, ISessionStore> sessionStore,
        Func<IServiceProvider, IRecurringSessionStore> recurringSessionStore,
        Func<IServiceProvider, IAttendanceStore>? attendanceStore)
    {
        UseStores(sessionStore, recurringSessionStore);
        if (attendanceStore is not null)
        {
            AttendanceStore = attendanceStore;
            ChooseStores(StoreServices.Attendance, "the stores given to UseStores");
        }

        return this;
    }

    /// <summary>
    /// Names the stores chosen so far, for store packages to call last from their <c>Use...</c> methods: the
    /// description is what an error about a second, different registration shows (<c>SQLite file '/data/calendar.db'</c>;
    /// never a password), and two registrations whose stores have equal identities count as the same.
    /// </summary>
    /// <param name="description">What the stores are and where they keep their data.</param>
    /// <param name="identity">What makes two registrations of these stores the same; null to compare the descriptions.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Without a description the stores given to <c>UseStores</c> and <c>UseCursorKeyStore</c> are compared by their
    /// factories (<see cref="Delegate.Equals(object?)"/>), so only the same factories count as the same stores.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="description"/> is empty.</exception>
    public SchedulingBuilder DescribeStores(string description, object? identity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Stores = new RegistrationChoice(description, identity ?? description, Stores.IsExplicit);
        return this;
    }

    /// <summary>
    /// Uses the host's directory of workspaces and names for <see cref="WorkspaceSessionService"/>. Without it, an
    /// <see cref="InMemoryWorkspaceDirectory"/> is registered (as itself too), for the host to fill.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public SchedulingBuilder UseWorkspaceDirectory(Func<IServiceProvider, IWorkspaceDirectory> directory)
    {
        WorkspaceDirectory = directory ?? throw new ArgumentNullException(nameof(directory));
        Directory = new RegistrationChoice("the workspace directory given to UseWorkspaceDirectory", directory, isExplicit: true);
        return this;
    }

    /// <summary>Uses this directory of workspaces and names (see the overload that takes a factory).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public SchedulingBuilder UseWorkspaceDirectory(IWorkspaceDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        UseWorkspaceDirectory(_ => directory);
        Directory = new RegistrationChoice($"the workspace directory {directory.GetType().Name} given to UseWorkspaceDirectory", directory, isExplicit: true);
        return this;
    }

    /// <summary>
    /// Uses these options (limits, cursor keys); they are checked when <c>AddScheduling</c> runs. With configuration
    /// (<c>AddScheduling(configuration, ...)</c>) they are the values the configuration's keys override.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SchedulingBuilder WithOptions(SchedulingOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    private void ChooseStores(StoreServices chosen, string description)
    {
        ChosenStores |= chosen;
        var factories = new StoreFactories(SessionStore, RecurringSessionStore, AttendanceStore, CursorKeyStore);
        Stores = new RegistrationChoice(description, factories, isExplicit: true);
    }

    /// <summary>The factories of the four stores, compared one by one.</summary>
    private sealed record StoreFactories(
        Func<IServiceProvider, ISessionStore> Sessions,
        Func<IServiceProvider, IRecurringSessionStore> RecurringSessions,
        Func<IServiceProvider, IAttendanceStore> Attendance,
        Func<IServiceProvider, ICursorKeyStore> CursorKeys);
}
