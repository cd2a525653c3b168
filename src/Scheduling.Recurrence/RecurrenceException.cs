namespace Scheduling.Recurrence;

/// <summary>
/// The one exception type of the recurrence engine: an invalid rule or set, or an expansion that hit its work bound.
/// <see cref="Error"/> says what, where and why.
/// </summary>
public sealed class RecurrenceException : Exception
{
    /// <summary>Creates an exception for <paramref name="error"/>.</summary>
    public RecurrenceException(RecurrenceError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message)
    {
        Error = error;
    }

    /// <summary>Gets the error.</summary>
    public RecurrenceError Error { get; }

    /// <summary>Gets the error's code.</summary>
    public RecurrenceErrorCode Code => Error.Code;
}
