using NodaTime;
using NodaTime.TimeZones;

namespace Scheduling.Recurrence.Expansion;

/// <summary>
/// Maps local seconds to instants in one time zone by RFC 5545 section 3.3.5, remembering the zone interval it used
/// last: consecutive occurrences almost always fall in the same interval, so most calls are one subtraction and
/// two comparisons, with no NodaTime call and no allocation.
/// </summary>
/// <remarks>
/// <para>Every zone interval owns a half-open range of local time <c>[low, high)</c>, where a boundary between an
/// interval with offset <c>a</c> and the next with offset <c>c</c>, at instant <c>B</c>, sits at local
/// <c>B + max(a, c)</c>. A local time in the range maps with the interval's offset. That one rule gives both RFC
/// answers: an ambiguous time (fall-back, <c>c &lt; a</c>) maps with the earlier offset <c>a</c>, so to its first
/// occurrence; a nonexistent time (spring-forward gap, <c>c &gt; a</c>) also maps with <c>a</c>, "the UTC offset before
/// the gap", landing in the next interval, where its wall time reads later by the size of the gap.</para>
/// </remarks>
internal struct ZoneResolver
{
    private const int MaxHops = 16;

    private readonly DateTimeZone _zone;
    private bool _loaded;
    private long _endUtc;
    private long _low;
    private long _high;
    private int _offset;
    private int _nextOffset;

    public ZoneResolver(DateTimeZone zone)
    {
        _zone = zone;
    }

    /// <summary>Resolves <paramref name="local"/>; returns true when it fell in a gap and was shifted.</summary>
    /// <param name="local">Local seconds.</param>
    /// <param name="utc">The instant, as Unix seconds.</param>
    /// <param name="offset">The UTC offset in effect at that instant, in seconds.</param>
    public bool Resolve(long local, out long utc, out int offset)
    {
        if (!_loaded || local < _low || local >= _high)
        {
            Load(local);
        }

        utc = local - _offset;
        if (utc >= _endUtc)
        {
            offset = _nextOffset;
            return true;
        }

        offset = _offset;
        return false;
    }

    private void Load(long local)
    {
        // Start from the interval holding the instant the local time would have at the zone's widest offset,
        // then hop to a neighbour until the local time is inside the interval's range.
        var guess = Instant.FromUnixTimeSeconds(Clamp(local - (_loaded ? _offset : _zone.MaxOffset.Seconds)));
        var interval = _zone.GetZoneInterval(guess);
        for (var hop = 0; hop < MaxHops; hop++)
        {
            Use(interval);
            if (local < _low && interval.HasStart)
            {
                interval = _zone.GetZoneInterval(interval.Start - Duration.Epsilon);
            }
            else if (local >= _high && interval.HasEnd)
            {
                interval = _zone.GetZoneInterval(interval.End);
            }
            else
            {
                return;
            }
        }
    }

    private void Use(ZoneInterval interval)
    {
        _loaded = true;
        _offset = interval.WallOffset.Seconds;
        if (interval.HasStart)
        {
            var previous = _zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset.Seconds;
            _low = interval.Start.ToUnixTimeSeconds() + Math.Max(previous, _offset);
        }
        else
        {
            _low = long.MinValue;
        }

        if (interval.HasEnd)
        {
            _nextOffset = _zone.GetZoneInterval(interval.End).WallOffset.Seconds;
            _endUtc = interval.End.ToUnixTimeSeconds();
            _high = _endUtc + Math.Max(_offset, _nextOffset);
        }
        else
        {
            _nextOffset = _offset;
            _endUtc = long.MaxValue;
            _high = long.MaxValue;
        }
    }

    private static long Clamp(long unixSeconds) => Math.Clamp(
        unixSeconds,
        Instant.MinValue.ToUnixTimeSeconds() + 1,
        Instant.MaxValue.ToUnixTimeSeconds() - 1);
}
