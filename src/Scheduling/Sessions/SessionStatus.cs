namespace Scheduling.Sessions;

/// <summary>Whether a session still takes place.</summary>
public enum SessionStatus
{
    /// <summary>It takes place (the default).</summary>
    Confirmed = 0,

    /// <summary>It was cancelled. Queries leave cancelled sessions out unless asked for them.</summary>
    Cancelled = 1,
}
