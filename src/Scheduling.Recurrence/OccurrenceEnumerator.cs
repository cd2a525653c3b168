using System.Collections;
using NodaTime;
using Scheduling.Recurrence.Expansion;

namespace Scheduling.Recurrence;

/// <summary>
/// Enumerates an <see cref="OccurrenceSequence"/>. A mutable struct: use it through <c>foreach</c>, do not copy it.
/// </summary>
/// <remarks>
/// Three streams are merged by start instant: the rule's occurrences (DTSTART first), the occurrences held back
/// because they fell in a DST gap, and the RDATEs. EXDATEs remove rule occurrences by their local start; an instant
/// reached twice (an RDATE equal to a rule occurrence, or two local times that resolve to one instant) is yielded once.
/// </remarks>
public struct OccurrenceEnumerator : IEnumerator<Occurrence>
{
    private readonly RecurrenceSet _set;
    private readonly long _fromUtc;
    private readonly long _toUtc;
    private readonly long _skipBelowLocal;
    private RuleCursor _cursor;
    private ZoneResolver _resolver;
    private GapQueue _heldBack;
    private Occurrence _raw;
    private bool _rawValid;
    private bool _rawDone;
    private Occurrence _fromRule;
    private bool _fromRuleValid;
    private bool _ruleDone;
    private int _extraIndex;
    private long _lastUtc;
    private bool _hasLast;
    private Occurrence _current;

    internal OccurrenceEnumerator(RecurrenceSet set, long fromUtc, long toUtc, CancellationToken cancellationToken, int maxEmptyPeriods)
    {
        _set = set;
        _fromUtc = fromUtc;
        _toUtc = toUtc;
        _resolver = new ZoneResolver(set.Zone);
        var minOffset = set.Zone.MinOffset.Seconds;
        var maxOffset = set.Zone.MaxOffset.Seconds;

        // A local time L starts at L - offset(L), and every offset lies in [MinOffset, MaxOffset]: local times below
        // from + MinOffset start before the window, local times at or above to + MaxOffset start after it. Near the
        // window's start only the offsets in force around it matter (see LowestOffsetNear), which keeps a seek from
        // walking the zone's whole historical spread (a day and 40 minutes in Pacific/Kiritimati) of candidates.
        _skipBelowLocal = fromUtc == long.MinValue ? long.MinValue : fromUtc + LowestOffsetNear(set.Zone, fromUtc, maxOffset - minOffset, minOffset);
        var endLocal = toUtc == long.MaxValue ? long.MaxValue : toUtc + maxOffset;
        _ruleDone = set.Plan is null;
        _rawDone = _ruleDone;
        if (set.Plan is { } plan)
        {
            _cursor = new RuleCursor(plan, cancellationToken, endLocal, maxEmptyPeriods);
            if (_skipBelowLocal > plan.StartLocal)
            {
                _cursor.SeekTo(_skipBelowLocal);
            }
        }
    }

    /// <inheritdoc />
    public readonly Occurrence Current => _current;

    /// <summary>
    /// The lowest offset of the zone intervals that overlap <c>[utc - spread, utc + spread]</c>, where
    /// <paramref name="spread"/> is MaxOffset - MinOffset: no occurrence starting at or after <paramref name="utc"/>
    /// has a local time below <c>utc</c> plus it. One that starts within the spread has its own interval's offset, or
    /// the one before a gap it was shifted out of (a gap is shorter than the spread, so that interval overlaps too);
    /// one that starts later has a local time above <c>utc + spread + MinOffset = utc + MaxOffset</c>.
    /// </summary>
    private static int LowestOffsetNear(DateTimeZone zone, long utc, int spread, int fallback)
    {
        var first = Instant.MinValue.ToUnixTimeSeconds() + 1;
        var last = Instant.MaxValue.ToUnixTimeSeconds();
        var at = Math.Clamp(utc - spread, first, last);
        var end = Math.Clamp(utc + spread, first, last);
        var lowest = int.MaxValue;
        for (var hops = 0; hops < 64; hops++)
        {
            var interval = zone.GetZoneInterval(Instant.FromUnixTimeSeconds(at));
            lowest = Math.Min(lowest, interval.WallOffset.Seconds);
            if (!interval.HasEnd || interval.End.ToUnixTimeSeconds() > end)
            {
                return lowest;
            }

            at = Math.Max(at + 1, interval.End.ToUnixTimeSeconds());
        }

        return fallback;
    }

    readonly object IEnumerator.Current => _current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        var extras = _set.ExtraOccurrences;
        while (true)
        {
            if (!_fromRuleValid && !_ruleDone)
            {
                _fromRuleValid = NextFromRule(out _fromRule);
                _ruleDone = !_fromRuleValid;
            }

            var haveExtra = _extraIndex < extras.Length;
            Occurrence next;
            if (_fromRuleValid && (!haveExtra || _fromRule.Utc <= extras[_extraIndex].Utc))
            {
                next = _fromRule;
                _fromRuleValid = false;
            }
            else if (haveExtra)
            {
                next = extras[_extraIndex++];
            }
            else
            {
                return false;
            }

            if (next.Utc < _fromUtc || (_hasLast && next.Utc == _lastUtc))
            {
                continue;
            }

            if (next.Utc >= _toUtc)
            {
                return false;
            }

            _current = next;
            _lastUtc = next.Utc;
            _hasLast = true;
            return true;
        }
    }

    /// <summary>Not supported: enumerate the sequence again instead.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public readonly void Reset() => throw new NotSupportedException("Enumerate the OccurrenceSequence again instead.");

    /// <inheritdoc />
    public readonly void Dispose()
    {
    }

    /// <summary>The rule's next occurrence by start instant, with gap occurrences held back until their turn.</summary>
    private bool NextFromRule(out Occurrence occurrence)
    {
        while (true)
        {
            if (!_rawValid && !_rawDone)
            {
                _rawValid = NextRaw(out _raw, out var shifted);
                _rawDone = !_rawValid;
                if (_rawValid && shifted)
                {
                    _heldBack.Enqueue(_raw);
                    _rawValid = false;
                    continue;
                }
            }

            if (_heldBack.Count > 0)
            {
                var held = _heldBack.Peek();
                if (!_rawValid || held.Utc < _raw.Utc)
                {
                    occurrence = _heldBack.Dequeue();
                    return true;
                }

                if (held.Utc == _raw.Utc)
                {
                    // The shifted time lands on an occurrence the rule also produced: keep the unshifted one.
                    _heldBack.Dequeue();
                    continue;
                }
            }

            if (_rawValid)
            {
                occurrence = _raw;
                _rawValid = false;
                return true;
            }

            occurrence = default;
            return false;
        }
    }

    /// <summary>The rule's next occurrence in local order, after EXDATE and UNTIL; <paramref name="shifted"/> when it fell in a gap.</summary>
    private bool NextRaw(out Occurrence occurrence, out bool shifted)
    {
        var exceptions = _set.ExceptionLocals;
        var untilUtc = _set.UntilUtc;
        while (_cursor.MoveNext(out var local))
        {
            if (local < _skipBelowLocal || (exceptions.Length > 0 && Array.BinarySearch(exceptions, local) >= 0))
            {
                continue;
            }

            shifted = _resolver.Resolve(local, out var utc, out var offset);
            if (utc > untilUtc)
            {
                // Local order is instant order except for shifted gap times, so an unshifted time past UNTIL ends the rule.
                if (shifted)
                {
                    continue;
                }

                break;
            }

            occurrence = new Occurrence(local, utc, offset);
            return true;
        }

        occurrence = default;
        shifted = false;
        return false;
    }
}
