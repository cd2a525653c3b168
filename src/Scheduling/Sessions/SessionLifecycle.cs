using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// The lifecycle of a session: <c>scheduled -> in-progress -> completed</c>, or <c>cancelled</c> from scheduled or
/// in progress. Works out a session's status at an instant, says which changes are allowed, and reads and writes the
/// status names (<c>scheduled</c>, <c>in-progress</c>, <c>completed</c>, <c>cancelled</c>).
/// </summary>
/// <remarks>
/// <para>The status is both explicit and derived, as practice-management users expect: a session that was cancelled
/// is <see cref="LifecycleStatus.Cancelled"/>; otherwise an explicit <see cref="ProgressMark"/> wins (a session
/// marked in progress stays so when it runs over, one marked completed early is completed); otherwise the clock
/// decides: before the start scheduled, from the start until the end in progress, from the end on completed. So a
/// calendar nobody touches still reads right, and staff can start early, run over, or close early.</para>
/// <para>Allowed changes, from the status at the time of the change: scheduled to in-progress or cancelled;
/// in-progress to completed or cancelled; a status to itself (which, for in-progress and completed, pins it with an
/// explicit mark). Everything else (back to scheduled, scheduled straight to completed, anything out of completed or
/// cancelled) is refused. Thread-safe.</para>
/// </remarks>
public static class SessionLifecycle
{
    /// <summary>The status of <paramref name="session"/> at <paramref name="now"/> (see remarks).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    public static LifecycleStatus StatusAt(Session session, Instant now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return StatusAt(session.Status, session.Progress, session.Start.Timestamp, session.End.Timestamp, now);
    }

    /// <summary>Whether a session whose status is <paramref name="from"/> may change to <paramref name="to"/>.</summary>
    public static bool CanChange(LifecycleStatus from, LifecycleStatus to) => from == to || (from, to) switch
    {
        (LifecycleStatus.Scheduled, LifecycleStatus.InProgress) => true,
        (LifecycleStatus.Scheduled, LifecycleStatus.Cancelled) => true,
        (LifecycleStatus.InProgress, LifecycleStatus.Completed) => true,
        (LifecycleStatus.InProgress, LifecycleStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>The status's name: <c>scheduled</c>, <c>in-progress</c>, <c>completed</c> or <c>cancelled</c>.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>status</c>: not a defined value.</exception>
    public static string Name(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Scheduled => "scheduled",
        LifecycleStatus.InProgress => "in-progress",
        LifecycleStatus.Completed => "completed",
        LifecycleStatus.Cancelled => "cancelled",
        _ => throw SchedulingException.Invalid(nameof(status), $"{status} is not a lifecycle status: use scheduled, in-progress, completed or cancelled."),
    };

    /// <summary>Reads a status name (exactly as <see cref="Name"/> writes it, case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? text, out LifecycleStatus status)
    {
        foreach (var candidate in Enum.GetValues<LifecycleStatus>())
        {
            if (string.Equals(text, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    internal static LifecycleStatus StatusAt(SessionStatus status, ProgressMark progress, Instant start, Instant end, Instant now) =>
        status == SessionStatus.Cancelled ? LifecycleStatus.Cancelled
        : progress == ProgressMark.Completed ? LifecycleStatus.Completed
        : progress == ProgressMark.InProgress ? LifecycleStatus.InProgress
        : now < start ? LifecycleStatus.Scheduled
        : now < end ? LifecycleStatus.InProgress
        : LifecycleStatus.Completed;

    /// <summary>The error for a change <see cref="CanChange"/> refuses: a conflict with the session's state, naming <c>status</c>.</summary>
    internal static SchedulingException Refused(string sessionId, LifecycleStatus from, LifecycleStatus to) =>
        SchedulingException.Conflict(
            $"Session '{sessionId}' is {Name(from)} and cannot become {Name(to)}: a session goes scheduled -> in-progress -> completed, or is cancelled while scheduled or in progress.",
            "status");
}
