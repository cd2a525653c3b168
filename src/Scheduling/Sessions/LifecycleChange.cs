using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// What a move along the lifecycle (<see cref="SessionLifecycle"/>) writes, for a single session and an instance
/// alike. Thread-safe (stateless).
/// </summary>
internal static class LifecycleChange
{
    /// <summary>What a lifecycle change writes: whether the session is cancelled, and its explicit mark; refused changes throw.</summary>
    /// <exception cref="SchedulingException">Conflict on <c>status</c> for a change the lifecycle refuses.</exception>
    public static (bool Cancelled, ProgressMark Progress) Mark(Session session, LifecycleStatus to, Instant now)
    {
        var from = SessionLifecycle.StatusAt(session, now);
        if (!SessionLifecycle.CanChange(from, to))
        {
            throw SessionLifecycle.Refused(session.Id, from, to);
        }

        var cancelled = session.Status == SessionStatus.Cancelled;
        return to switch
        {
            LifecycleStatus.Cancelled => (true, session.Progress),
            LifecycleStatus.InProgress => (cancelled, ProgressMark.InProgress),
            LifecycleStatus.Completed => (cancelled, ProgressMark.Completed),
            _ => (cancelled, session.Progress),
        };
    }

    /// <summary>Whether a mark leaves the session as it is (then nothing is written).</summary>
    public static bool Unchanged(Session session, (bool Cancelled, ProgressMark Progress) mark) =>
        mark.Cancelled == (session.Status == SessionStatus.Cancelled) && mark.Progress == session.Progress;

    /// <summary>A session explicitly marked completed is final: cancelling it would rewrite what took place.</summary>
    /// <exception cref="SchedulingException">Conflict on <c>status</c>.</exception>
    public static void RefuseCancelOfCompleted(Session session)
    {
        if (session.Status != SessionStatus.Cancelled && session.Progress == ProgressMark.Completed)
        {
            throw SessionLifecycle.Refused(session.Id, LifecycleStatus.Completed, LifecycleStatus.Cancelled);
        }
    }
}
