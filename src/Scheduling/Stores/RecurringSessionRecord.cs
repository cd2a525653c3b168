using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>A recurring session as stored: the series, the span its instances can occupy, and its instance overrides.</summary>
/// <param name="Series">The series.</param>
/// <param name="SpanEnd">The latest instant an instance can end, or null when the series never ends.</param>
/// <param name="Overrides">The instances that changed on their own, by identity start.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecurringSessionRecord(
    RecurringSession Series,
    Instant? SpanEnd,
    ImmutableDictionary<LocalDateTime, InstanceOverride> Overrides)
{
    private readonly RecurringSession _series = Series ?? throw new ArgumentNullException(nameof(Series));

    /// <summary>Gets the series.</summary>
    public RecurringSession Series
    {
        get => _series;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _series = value;
            FirstStart = value.FirstStart;
        }
    }

    /// <summary>
    /// Gets the series' first start (<see cref="RecurringSession.FirstStart"/>), worked out once with the record: a
    /// window query asks it of every candidate series, and reading a local time in a zone is not free.
    /// </summary>
    public Instant FirstStart { get; private init; } = Series.FirstStart;

    /// <summary>
    /// Gets the store's version of the whole record: a number the store gives it anew on every write of the series or
    /// of any of its overrides, and never gave an earlier content of the same series id in the tenant (a series deleted
    /// and added again under its id has a new version), so two reads from one store of the same series id with the same
    /// version hold the same record. The core keys what it works out about a record (its recurrence set, its next
    /// occurrences) on the series id and this version. 0 for a record that is not a whole stored record: one made
    /// outside a store, or one read with only some of its overrides
    /// (<see cref="IRecurringSessionStore.FindForInstanceAsync"/>).
    /// </summary>
    /// <remarks>
    /// A version says nothing across stores or databases: two stores may give the same number to different records,
    /// so the core also checks that the record it remembered equals the one it is given.
    /// </remarks>
    public long Version { get; init; }

    /// <summary>
    /// The latest instant an instance can end once instances made longer on their own are counted: the span end,
    /// widened by how much the longest override outlasts the series' duration. Null when the series never ends.
    /// Stores select candidates by <c>[first start, this)</c>.
    /// </summary>
    public Instant? EffectiveSpanEnd
    {
        get
        {
            if (SpanEnd is not Instant end)
            {
                return null;
            }

            if (Overrides.IsEmpty)
            {
                return end;
            }

            var longest = Series.Duration;
            foreach (var instanceOverride in Overrides.Values)
            {
                if (instanceOverride.Duration is Duration own && own > longest)
                {
                    longest = own;
                }
            }

            return end + (longest - Series.Duration);
        }
    }

    /// <summary>
    /// Whether the series can have an instance overlapping <paramref name="window"/>: its span
    /// <c>[first start, effective span end)</c> overlaps the window, or an instance moved on its own does
    /// (<see cref="SessionWindow.Overlaps(Instant, Instant)"/>). Stores keep a series for a window query by this rule;
    /// their SQL conditions are its index form.
    /// </summary>
    public bool CanOverlap(SessionWindow window)
    {
        // The effective span end is never before the span end, so only a span that ends before the window needs the
        // overrides looked at; a query over many series touches no override of most of them.
        if (FirstStart < window.To && (SpanEnd is not Instant spanEnd || spanEnd > window.From || EffectiveSpanEnd > window.From))
        {
            return true;
        }

        if (Overrides.IsEmpty)
        {
            return false;
        }

        foreach (var instanceOverride in Overrides.Values)
        {
            if (instanceOverride.Start is CalendarDateTime start
                && window.Overlaps(start.Timestamp, start.Timestamp + (instanceOverride.Duration ?? Series.Duration)))
            {
                return true;
            }
        }

        return false;
    }
}
