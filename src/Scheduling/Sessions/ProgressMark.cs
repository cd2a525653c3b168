namespace Scheduling.Sessions;

/// <summary>
/// How far a session was explicitly marked along its lifecycle. An explicit mark wins over what the clock says; with
/// <see cref="None"/> the lifecycle status is derived from the clock (see <see cref="SessionLifecycle"/>).
/// </summary>
public enum ProgressMark
{
    /// <summary>Not marked: the status follows the clock (the default).</summary>
    None = 0,

    /// <summary>Marked as started; stays in progress, even past its end, until marked completed or cancelled.</summary>
    InProgress = 1,

    /// <summary>Marked as completed, even before its end. Final.</summary>
    Completed = 2,
}
