using System.Security.Cryptography;
using NodaTime;

namespace Scheduling;

/// <summary>Limits and keys of the Scheduling API. Set once at start-up; read-only afterwards.</summary>
public sealed class SchedulingOptions
{
    /// <summary>Gets the longest window a query may ask for; a longer one is an error, never silently cut. 366 days by default.</summary>
    public Duration MaxQueryWindow { get; init; } = Duration.FromDays(366);

    /// <summary>Gets the page size of a query that does not ask for one. 100 by default.</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>Gets the largest page a query may ask for. 1,000 by default.</summary>
    public int MaxPageSize { get; init; } = 1_000;

    /// <summary>Gets the most ids a list-by-ids call may name (also the most keys one summary call may name). 100 by default.</summary>
    public int MaxIdsPerList { get; init; } = 100;

    /// <summary>
    /// Gets the page size of an attendance query that does not ask for one. 50 by default, as the anchor API has it;
    /// the largest page is <see cref="MaxPageSize"/> for attendance as for sessions.
    /// </summary>
    public int DefaultAttendancePageSize { get; init; } = 50;

    /// <summary>Gets the most items one bulk set of attendance may hold. 1,000 by default.</summary>
    public int MaxAttendanceBatchSize { get; init; } = 1_000;

    /// <summary>
    /// Gets a value indicating whether a session booked through a workspace keeps the names of its client, staff member
    /// and services as they were at booking (<see cref="Sessions.Session.Names"/>), as a fallback for names the host's
    /// directory later no longer has. The directory's current names always win. Off by default.
    /// </summary>
    public bool SnapshotNamesAtBooking { get; init; }

    /// <summary>
    /// Gets the most a stored session, recurring session, instance edit or attendance may hold (text lengths, list
    /// counts, total text). <see cref="PayloadLimits.Default"/> by default; a write past a limit is refused with
    /// <see cref="SchedulingErrorCode.LimitExceeded"/> naming the field.
    /// </summary>
    public PayloadLimits PayloadLimits { get; init; } = PayloadLimits.Default;

    /// <summary>
    /// Gets the key cursors are signed with (HMAC-SHA256). Random per options instance by default, so cursors do not
    /// survive a restart; hosts that run several instances or want cursors to outlive a restart set the same key on
    /// every instance (at least 32 bytes).
    /// </summary>
    public ReadOnlyMemory<byte> CursorKey { get; init; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(PayloadLimits);
        PayloadLimits.Validate();
        if (MaxQueryWindow <= Duration.Zero)
        {
            throw new ArgumentException("MaxQueryWindow must be positive.", nameof(MaxQueryWindow));
        }

        if (MaxPageSize < 1 || DefaultPageSize < 1 || DefaultPageSize > MaxPageSize)
        {
            throw new ArgumentException("Page sizes must satisfy 1 <= DefaultPageSize <= MaxPageSize.", nameof(DefaultPageSize));
        }

        if (DefaultAttendancePageSize < 1 || DefaultAttendancePageSize > MaxPageSize)
        {
            throw new ArgumentException("Page sizes must satisfy 1 <= DefaultAttendancePageSize <= MaxPageSize.", nameof(DefaultAttendancePageSize));
        }

        if (MaxAttendanceBatchSize < 1)
        {
            throw new ArgumentException("MaxAttendanceBatchSize must be at least 1.", nameof(MaxAttendanceBatchSize));
        }

        if (MaxIdsPerList < 1)
        {
            throw new ArgumentException("MaxIdsPerList must be at least 1.", nameof(MaxIdsPerList));
        }

        if (CursorKey.Length < 32)
        {
            throw new ArgumentException("CursorKey must be at least 32 bytes.", nameof(CursorKey));
        }
    }
}
