namespace Scheduling.Hosting;

/// <summary>The store services a <see cref="Microsoft.Extensions.DependencyInjection.SchedulingBuilder"/> was asked to choose.</summary>
[Flags]
internal enum StoreServices
{
    /// <summary>None: every store is the default.</summary>
    None = 0,

    /// <summary>The session and recurring-session stores (chosen together).</summary>
    Sessions = 1,

    /// <summary>The attendance store.</summary>
    Attendance = 2,

    /// <summary>The store of the cursor key.</summary>
    CursorKey = 4,

    /// <summary>Every store.</summary>
    All = Sessions | Attendance | CursorKey,
}
