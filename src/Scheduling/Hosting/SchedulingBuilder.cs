using Scheduling.Stores;
using Scheduling.Stores.InMemory;
using Scheduling.Workspaces;

namespace Scheduling.Hosting;

/// <summary>
/// Says how <see cref="SchedulingServiceCollectionExtensions.AddScheduling"/> wires Scheduling up: which stores, which
/// options. Store packages add their own <c>Use...</c> methods (<c>UseSqlite</c>, <c>UsePostgreSql</c>).
/// </summary>
public sealed class SchedulingBuilder
{
    internal SchedulingBuilder()
    {
        UseInMemoryStore();
    }

    internal Func<IServiceProvider, ISessionStore> SessionStore { get; private set; } = null!;

    internal Func<IServiceProvider, IRecurringSessionStore> RecurringSessionStore { get; private set; } = null!;

    internal Func<IServiceProvider, IAttendanceStore> AttendanceStore { get; private set; } = null!;

    internal Func<IServiceProvider, ICursorKeyStore> CursorKeyStore { get; private set; } = null!;

    internal Func<IServiceProvider, IWorkspaceDirectory>? WorkspaceDirectory { get; private set; }

    internal SchedulingOptions Options { get; private set; } = new();

    /// <summary>Keeps everything in memory, in this process (the default), the cursor key included.</summary>
    public SchedulingBuilder UseInMemoryStore() =>
        UseStores(_ => new InMemorySessionStore(), _ => new InMemoryRecurringSessionStore(), _ => new InMemoryAttendanceStore())
            .UseCursorKeyStore(_ => new InMemoryCursorKeyStore());

    /// <summary>
    /// Keeps the cursor key (used when the options configure none) in the given store; what store packages call from
    /// their own <c>Use...</c> methods, so that the key lives as long as the data its cursors page through. The
    /// <c>UseStores</c> methods leave it as it was (in memory unless chosen otherwise).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="cursorKeyStore"/> is null.</exception>
    public SchedulingBuilder UseCursorKeyStore(Func<IServiceProvider, ICursorKeyStore> cursorKeyStore)
    {
        CursorKeyStore = cursorKeyStore ?? throw new ArgumentNullException(nameof(cursorKeyStore));
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
        }

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
        return this;
    }

    /// <summary>Uses this directory of workspaces and names (see the overload that takes a factory).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public SchedulingBuilder UseWorkspaceDirectory(IWorkspaceDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return UseWorkspaceDirectory(_ => directory);
    }

    /// <summary>Uses these options (limits, cursor keys); they are checked when <c>AddScheduling</c> runs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SchedulingBuilder WithOptions(SchedulingOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }
}
