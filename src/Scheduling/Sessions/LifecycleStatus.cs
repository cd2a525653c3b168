namespace Scheduling.Sessions;

/// <summary>
/// Where a session is in its lifecycle: <c>scheduled -> in-progress -> completed</c>, or <c>cancelled</c> from
/// scheduled or in progress. <see cref="SessionLifecycle"/> works it out and checks changes.
/// </summary>
public enum LifecycleStatus
{
    /// <summary>It has not started (<c>scheduled</c>).</summary>
    Scheduled = 0,

    /// <summary>It is under way (<c>in-progress</c>).</summary>
    InProgress = 1,

    /// <summary>It took place (<c>completed</c>). Final.</summary>
    Completed = 2,

    /// <summary>It was cancelled (<c>cancelled</c>): <see cref="SessionStatus.Cancelled"/>. Final.</summary>
    Cancelled = 3,
}
