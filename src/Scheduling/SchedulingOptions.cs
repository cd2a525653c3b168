using System.Collections.Immutable;
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

    /// <summary>
    /// Gets the most sessions and series instances one page of a session query (and so of a workspace list) examines,
    /// whether its filter admits them or not. 10,000 by default; it must be larger than <see cref="MaxPageSize"/>, so
    /// that a page whose items all match is always full.
    /// </summary>
    /// <remarks>
    /// A page stops at whichever comes first: a page size of matches (and one more, to know whether a page follows),
    /// or this many items examined. A page stopped by this bound is short, possibly empty, and its cursor continues
    /// right after the last item examined, matched or not: a caller that pages on until there is no cursor gets every
    /// match in order, exactly once, while no page call does more than this much work, however few items match (a
    /// filter that no instance of an every-second series matches costs one bounded page per this many instances, not
    /// one scan of the whole window). Items before a page's cursor that it skips are not counted.
    /// </remarks>
    public int MaxExaminedPerPage { get; init; } = 10_000;

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
    /// and services as they were at booking (<see cref="Sessions.SessionDetails.Names"/>), as a fallback for names the host's
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
    /// Gets the one key cursors are signed with (HMAC-SHA256, at least 32 bytes), or empty (the default) to let the
    /// store keep one: a shorthand for a <see cref="CursorKeys"/> list of this key alone. Set one or the other.
    /// </summary>
    /// <remarks>
    /// Without a key set here or in <see cref="CursorKeys"/>, the library creates a random key on first use and keeps
    /// it in the store (<see cref="Stores.ICursorKeyStore"/>): the SQLite and PostgreSQL stores keep it in their
    /// database, so restarts and every host over that database continue each other's cursors; the in-memory store
    /// keeps it in memory, as long as the sessions it pages through.
    /// </remarks>
    public ReadOnlyMemory<byte> CursorKey { get; init; }

    /// <summary>
    /// Gets the keys cursors are signed with, for key rotation: the first signs every new cursor, and a cursor signed
    /// with any of them is accepted (each at least 32 bytes). Empty (the default) to use <see cref="CursorKey"/> or,
    /// without that either, the key the store keeps.
    /// </summary>
    /// <remarks>
    /// To rotate: put a new key first and keep the old one second on every host; once no cursor signed with the old
    /// key is still in use (cursors carry no expiry: as long as callers may hold one), remove it. A cursor signed with
    /// a key no longer listed is refused as issued by another deployment or before a key rotation. The store's key is
    /// not consulted while keys are configured here.
    /// </remarks>
    public ImmutableArray<ReadOnlyMemory<byte>> CursorKeys { get; init; } = [];

    /// <summary>Gets the keys the host configured, the signing key first: <see cref="CursorKeys"/>, else <see cref="CursorKey"/>, else none.</summary>
    internal ImmutableArray<ReadOnlyMemory<byte>> ConfiguredCursorKeys =>
        !CursorKeys.IsDefaultOrEmpty ? CursorKeys : CursorKey.IsEmpty ? [] : [CursorKey];

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

        if (MaxExaminedPerPage <= MaxPageSize)
        {
            throw new ArgumentException($"MaxExaminedPerPage must be larger than MaxPageSize ({MaxPageSize}), so that a page whose items all match is full; it is {MaxExaminedPerPage}.", nameof(MaxExaminedPerPage));
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

        if (!CursorKey.IsEmpty && !CursorKeys.IsDefaultOrEmpty)
        {
            throw new ArgumentException("Set CursorKey or CursorKeys, not both: CursorKey is a list of one key.", nameof(CursorKeys));
        }

        if (!CursorKey.IsEmpty && CursorKey.Length < Paging.CursorSigningKey.MinimumLength)
        {
            throw new ArgumentException($"CursorKey is {CursorKey.Length} bytes; a cursor key needs at least {Paging.CursorSigningKey.MinimumLength}.", nameof(CursorKey));
        }

        for (var i = 0; !CursorKeys.IsDefault && i < CursorKeys.Length; i++)
        {
            if (CursorKeys[i].Length < Paging.CursorSigningKey.MinimumLength)
            {
                throw new ArgumentException($"CursorKeys[{i}] is {CursorKeys[i].Length} bytes; a cursor key needs at least {Paging.CursorSigningKey.MinimumLength}.", nameof(CursorKeys));
            }
        }
    }
}
