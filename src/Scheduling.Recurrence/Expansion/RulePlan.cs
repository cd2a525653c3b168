using System.Numerics;

namespace Scheduling.Recurrence.Expansion;

/// <summary>
/// A rule compiled against its DTSTART: the defaults RFC 5545 takes from DTSTART filled in, every BYxxx list turned
/// into bit masks or sorted offsets, and the facts the cursor needs (period zero's count, a constant count per
/// period, rules that can never match) worked out once. Immutable, so one plan serves any number of concurrent
/// enumerations.
/// </summary>
internal sealed class RulePlan
{
    /// <summary>A <see cref="CountEnd"/> that could not be found within the expansion limits: the rule is walked from DTSTART.</summary>
    public const long CountEndUnreachable = long.MinValue + 1;

    /// <summary>A <see cref="CountEnd"/> not worked out yet.</summary>
    private const long CountEndUnknown = long.MinValue;

    /// <summary>
    /// Years that together show every shape a Gregorian year takes: the weekday of 1 January, whether the year and
    /// its neighbours are leap years (around the centuries that skip one too), which is all BYWEEKNO, BYYEARDAY,
    /// BYMONTHDAY and BYDAY ordinals depend on. A day part that matches in none of them matches in no year.
    /// </summary>
    private static readonly long[] RepresentativeYears =
        [.. Enumerable.Range(2001, 28).Concat(Enumerable.Range(2096, 10)).Concat(Enumerable.Range(2196, 10)).Concat(Enumerable.Range(2296, 10)).Select(year => (long)year)];

    private readonly RecurrenceRule _rule;
    private long _countEnd = CountEndUnknown;

    public RulePlan(RecurrenceRule rule, long startLocal, bool allDay)
    {
        _rule = rule;
        Frequency = rule.Frequency;
        Interval = rule.Interval;
        Count = rule.Count ?? 0;
        StartLocal = startLocal;
        StartDay = CivilCalendar.FloorDivide(startLocal, CivilCalendar.SecondsPerDay);
        var startSecondOfDay = (int)(startLocal - (StartDay * CivilCalendar.SecondsPerDay));
        CivilCalendar.CivilFromDays(StartDay, out var startYear, out var startMonth, out var startDayOfMonth);
        var startWeekday = CivilCalendar.DayOfWeek(StartDay);
        WeekStart = (int)rule.WeekStart;
        AllDay = allDay;

        if (rule.Until is { Kind: RecurrenceUntilKind.Date } dateUntil)
        {
            var untilDay = CivilCalendar.DaysFromCivil(dateUntil.Date.Year, dateUntil.Date.Month, dateUntil.Date.Day);
            UntilLocalExclusive = (untilDay + 1) * CivilCalendar.SecondsPerDay;
        }

        // Defaults taken from DTSTART (RFC 5545 section 3.3.10: "information, not contained in the rule, necessary
        // to determine the various recurrence instance start time and dates are derived from the Start Time").
        var byMonth = rule.ByMonth.AsSpan();
        var byMonthDay = rule.ByMonthDay.AsSpan();
        var byDay = rule.ByDay.AsSpan();
        var noDayParts = rule.ByWeekNo.IsEmpty && rule.ByYearDay.IsEmpty && byMonthDay.IsEmpty && byDay.IsEmpty;
        int[] defaultMonth = [(int)startMonth];
        int[] defaultMonthDay = [startDayOfMonth];
        if (Frequency == RecurrenceFrequency.Yearly && noDayParts)
        {
            if (byMonth.IsEmpty)
            {
                byMonth = defaultMonth;
            }

            byMonthDay = defaultMonthDay;
        }
        else if (Frequency == RecurrenceFrequency.Monthly && noDayParts)
        {
            byMonthDay = defaultMonthDay;
        }

        foreach (var month in byMonth)
        {
            MonthMask |= 1 << month;
        }

        HasMonthDay = !byMonthDay.IsEmpty;
        foreach (var monthDay in byMonthDay)
        {
            if (monthDay > 0)
            {
                MonthDayPositive |= 1u << (monthDay - 1);
            }
        }

        NegativeMonthDays = new uint[4];
        for (var daysInMonth = 28; daysInMonth <= 31; daysInMonth++)
        {
            foreach (var monthDay in byMonthDay)
            {
                if (monthDay < 0 && daysInMonth + monthDay >= 0)
                {
                    NegativeMonthDays[daysInMonth - 28] |= 1u << (daysInMonth + monthDay);
                }
            }
        }

        var ordinals = new List<OrdinalWeekday>();
        foreach (var entry in byDay)
        {
            if (entry.HasOrdinal)
            {
                ordinals.Add(entry);
            }
            else
            {
                WeekdayMask |= 1 << ((int)entry.Day - 1);
            }
        }

        if (Frequency == RecurrenceFrequency.Weekly && byDay.IsEmpty)
        {
            WeekdayMask = 1 << (startWeekday - 1);
        }

        HasByDay = WeekdayMask != 0 || ordinals.Count > 0;
        Ordinals = [.. ordinals];
        YearDays = [.. rule.ByYearDay];
        WeekNumbers = [.. rule.ByWeekNo];
        SetPositions = [.. rule.BySetPosition];
        OrdinalsInYear = Frequency == RecurrenceFrequency.Yearly && MonthMask == 0;

        for (var firstWeekday = 1; firstWeekday <= 7; firstWeekday++)
        {
            uint pattern = 0;
            for (var index = 0; index < 31; index++)
            {
                if ((WeekdayMask & (1 << ((firstWeekday - 1 + index) % 7))) != 0)
                {
                    pattern |= 1u << index;
                }
            }

            WeekdayPatterns[firstWeekday - 1] = pattern;
        }

        for (var index = 0; index < 7; index++)
        {
            if ((WeekdayMask & (1 << ((WeekStart - 1 + index) % 7))) != 0)
            {
                WeekPattern |= 1u << index;
            }
        }

        HourMask = Mask(rule.ByHour);
        MinuteMask = Mask(rule.ByMinute);
        SecondMask = Mask(rule.BySecond);
        Offsets = BuildOffsets(rule, startSecondOfDay);
        (UnitSeconds, FirstPeriodStart) = Frequency switch
        {
            RecurrenceFrequency.Hourly => (3600L, CivilCalendar.FloorDivide(startLocal, 3600) * 3600),
            RecurrenceFrequency.Minutely => (60L, CivilCalendar.FloorDivide(startLocal, 60) * 60),
            RecurrenceFrequency.Secondly => (1L, startLocal),
            RecurrenceFrequency.Daily => (CivilCalendar.SecondsPerDay, StartDay * CivilCalendar.SecondsPerDay),
            RecurrenceFrequency.Weekly => (7L * CivilCalendar.SecondsPerDay, (StartDay - (startWeekday - WeekStart + 7) % 7) * CivilCalendar.SecondsPerDay),
            RecurrenceFrequency.Monthly => (0L, (startYear * 12) + startMonth - 1),
            _ => (0L, startYear),
        };

        FirstDay = Frequency is RecurrenceFrequency.Daily or RecurrenceFrequency.Weekly
            ? FirstPeriodStart / CivilCalendar.SecondsPerDay
            : StartDay;
        MaskWords = Frequency == RecurrenceFrequency.Yearly ? DayMask.Words : 1;
        PeriodStep = Frequency >= RecurrenceFrequency.Monthly ? Interval : Interval * UnitSeconds;
        LastPeriod = ComputeLastPeriod();
        NeverMatches = Offsets.Length == 0 || !MonthDaysCanMatch() || !TimesCanMatch() || !SetPositionsCanMatch()
            || (!noDayParts && !DayPartsCanMatch());
        ConstantPeriodCount = NeverMatches ? -1 : ComputeConstantPeriodCount();
        var zero = new RuleCursor(this, CancellationToken.None, long.MaxValue, scanningPeriodZero: true);
        (StartIsGenerated, PeriodZeroCount) = zero.ScanPeriodZero();
    }

    public RecurrenceFrequency Frequency { get; }

    public int Interval { get; }

    /// <summary>COUNT, or 0 for none.</summary>
    public int Count { get; }

    public bool AllDay { get; }

    public long StartLocal { get; }

    public long StartDay { get; }

    /// <summary>ISO day (1..7) weeks start on.</summary>
    public int WeekStart { get; }

    /// <summary>Exclusive local bound from a DATE-valued UNTIL (the whole day is included), or long.MaxValue.</summary>
    public long UntilLocalExclusive { get; } = long.MaxValue;

    /// <summary>Bit <c>m</c> set for each month 1..12 allowed; 0 when BYMONTH is absent.</summary>
    public int MonthMask { get; }

    public bool HasMonthDay { get; }

    /// <summary>Bit <c>d-1</c> for each positive BYMONTHDAY <c>d</c>.</summary>
    public uint MonthDayPositive { get; }

    /// <summary>For months of 28..31 days: bit <c>d-1</c> for each day named by a negative BYMONTHDAY.</summary>
    public uint[] NegativeMonthDays { get; }

    /// <summary>Bit <c>iso-1</c> for each BYDAY entry without an ordinal (or DTSTART's weekday for WEEKLY).</summary>
    public int WeekdayMask { get; }

    public bool HasByDay { get; }

    public OrdinalWeekday[] Ordinals { get; }

    /// <summary>True when BYDAY ordinals count within the year (YEARLY without BYMONTH), false within the month.</summary>
    public bool OrdinalsInYear { get; }

    /// <summary>For a month whose first day has ISO weekday <c>w</c>: bit <c>i</c> set when day <c>i+1</c> matches <see cref="WeekdayMask"/>.</summary>
    public uint[] WeekdayPatterns { get; } = new uint[7];

    /// <summary>For WEEKLY: bit <c>i</c> set when the i-th day of a week (from WKST) matches BYDAY.</summary>
    public uint WeekPattern { get; }

    public int[] YearDays { get; }

    public int[] WeekNumbers { get; }

    public int[] SetPositions { get; }

    public ulong HourMask { get; }

    public ulong MinuteMask { get; }

    public ulong SecondMask { get; }

    /// <summary>
    /// Sorted offsets, in seconds, of the candidates inside one base: seconds of the day for DAILY and longer
    /// frequencies (each candidate day is a base), seconds of the hour for HOURLY, of the minute for MINUTELY, and
    /// just 0 for SECONDLY (the period itself is the base).
    /// </summary>
    public int[] Offsets { get; }

    /// <summary>Length of a period in seconds for SECONDLY to WEEKLY; 0 for MONTHLY and YEARLY.</summary>
    public long UnitSeconds { get; }

    /// <summary>
    /// Where period zero starts: local seconds for SECONDLY to WEEKLY, a month number (year * 12 + month - 1) for
    /// MONTHLY, a year for YEARLY.
    /// </summary>
    public long FirstPeriodStart { get; }

    /// <summary>
    /// How far one period moves <see cref="FirstPeriodStart"/>: seconds for SECONDLY to WEEKLY, months for MONTHLY,
    /// years for YEARLY.
    /// </summary>
    public long PeriodStep { get; }

    /// <summary>For DAILY and WEEKLY: the day number period zero starts on.</summary>
    public long FirstDay { get; }

    /// <summary>How many words of a <see cref="DayMask"/> a period can use: six for a year, one otherwise.</summary>
    public int MaskWords { get; }

    /// <summary>The last period that starts inside the ISO calendar (before the end of year 9999).</summary>
    public long LastPeriod { get; }

    /// <summary>True when no period can ever produce a candidate (only DTSTART itself recurs).</summary>
    public bool NeverMatches { get; }

    /// <summary>The number of occurrences every period after period zero produces, or -1 when it varies.</summary>
    public long ConstantPeriodCount { get; }

    /// <summary>True when the rule itself generates DTSTART; otherwise DTSTART is added as the first occurrence.</summary>
    public bool StartIsGenerated { get; }

    /// <summary>How many occurrences period zero produces at or after DTSTART, DTSTART included.</summary>
    public long PeriodZeroCount { get; }

    public bool IsSubDaily => Frequency < RecurrenceFrequency.Daily;

    /// <summary>
    /// For a COUNT rule whose periods do not all yield the same number of occurrences: the local start of its last
    /// occurrence, or <see cref="CountEndUnreachable"/>. Every candidate the rule generates from DTSTART up to this
    /// end is within COUNT, so an expansion far from DTSTART can seek as if the end were an UNTIL instead of counting
    /// from DTSTART. Found once by walking the rule (at most <see cref="RecurrenceRule.MaxCount"/> occurrences), then
    /// remembered by the plan and by <see cref="CountEndCache"/> for every plan of the same rule and start.
    /// </summary>
    public long CountEnd(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _countEnd);
        if (known != CountEndUnknown)
        {
            return known;
        }

        var key = new CountEndCache.Key(_rule, StartLocal, AllDay);
        if (!CountEndCache.TryGet(key, out known))
        {
            known = FindCountEnd(cancellationToken);
            CountEndCache.Add(key, known);
        }

        Volatile.Write(ref _countEnd, known);
        return known;
    }

    /// <summary>The days of a month that pass BYMONTH, BYMONTHDAY, BYYEARDAY and BYDAY without ordinals: bit <c>d-1</c> for day <c>d</c>.</summary>
    public uint DayBitsOfMonth(long year, int month)
    {
        if (MonthMask != 0 && (MonthMask & (1 << month)) == 0)
        {
            return 0;
        }

        var daysInMonth = CivilCalendar.DaysInMonth(year, month);
        var bits = (1u << daysInMonth) - 1;
        if (HasMonthDay)
        {
            bits &= MonthDayPositive | NegativeMonthDays[daysInMonth - 28];
        }

        if (YearDays.Length > 0)
        {
            var first = CivilCalendar.MonthStartInYear(year, month);
            var daysInYear = CivilCalendar.DaysInYear(year);
            uint yearDayBits = 0;
            foreach (var yearDay in YearDays)
            {
                var index = (yearDay > 0 ? yearDay - 1 : daysInYear + yearDay) - first;
                if (index >= 0 && index < daysInMonth)
                {
                    yearDayBits |= 1u << index;
                }
            }

            bits &= yearDayBits;
        }

        if (WeekdayMask != 0)
        {
            bits &= WeekdayPatterns[CivilCalendar.DayOfWeek(CivilCalendar.DaysFromCivil(year, month, 1)) - 1];
        }

        return bits;
    }

    /// <summary>
    /// The first day after <paramref name="day"/> that passes <see cref="DayMatches"/>, found a month at a time;
    /// a day at or after the end of <see cref="SupportedRange"/> when there is none.
    /// </summary>
    public long NextMatchingDay(long day)
    {
        var endDay = CivilCalendar.SupportedEnd / CivilCalendar.SecondsPerDay;
        CivilCalendar.CivilFromDays(day + 1, out var year, out var month, out var dayOfMonth);
        while (true)
        {
            var bits = DayBitsOfMonth(year, month) & ~((1u << (dayOfMonth - 1)) - 1);
            var monthStart = CivilCalendar.DaysFromCivil(year, month, 1);
            if (bits != 0)
            {
                return monthStart + BitOperations.TrailingZeroCount(bits);
            }

            if (monthStart >= endDay)
            {
                return endDay;
            }

            (year, month, dayOfMonth) = month == 12 ? (year + 1, 1, 1) : (year, month + 1, 1);
        }
    }

    public bool DayMatches(long day)
    {
        if (MonthMask != 0 || HasMonthDay || YearDays.Length > 0)
        {
            CivilCalendar.CivilFromDays(day, out var year, out var month, out var dayOfMonth);
            if (MonthMask != 0 && (MonthMask & (1 << month)) == 0)
            {
                return false;
            }

            if (HasMonthDay)
            {
                var daysInMonth = CivilCalendar.DaysInMonth(year, month);
                var bit = 1u << (dayOfMonth - 1);
                if (((MonthDayPositive | NegativeMonthDays[daysInMonth - 28]) & bit) == 0)
                {
                    return false;
                }
            }

            if (YearDays.Length > 0 && !YearDayMatches(year, CivilCalendar.MonthStartInYear(year, month) + dayOfMonth))
            {
                return false;
            }
        }

        return !HasByDay || (WeekdayMask & (1 << (CivilCalendar.DayOfWeek(day) - 1))) != 0;
    }

    /// <summary>True when the time of day of a sub-daily period passes BYHOUR, BYMINUTE and BYSECOND as limits.</summary>
    public bool TimeMatches(int secondOfDay) =>
        (HourMask == 0 || (HourMask & (1UL << (secondOfDay / 3600))) != 0)
        && (Frequency == RecurrenceFrequency.Hourly || MinuteMask == 0 || (MinuteMask & (1UL << (secondOfDay / 60 % 60))) != 0)
        && (Frequency != RecurrenceFrequency.Secondly || SecondMask == 0 || (SecondMask & (1UL << (secondOfDay % 60))) != 0);

    /// <summary>
    /// For sub-daily rules: the first second of the day at or after <paramref name="secondOfDay"/> whose period would
    /// pass <see cref="TimeMatches"/>, or 86,400 when none is left that day.
    /// </summary>
    public int NextPassingTime(int secondOfDay)
    {
        var hour = secondOfDay / 3600;
        var minute = secondOfDay / 60 % 60;
        var second = secondOfDay % 60;
        for (var h = NextBit(HourMask, hour, 24); h >= 0; h = NextBit(HourMask, h + 1, 24))
        {
            if (Frequency == RecurrenceFrequency.Hourly)
            {
                return h == hour ? secondOfDay : h * 3600;
            }

            for (var m = NextBit(MinuteMask, h == hour ? minute : 0, 60); m >= 0; m = NextBit(MinuteMask, m + 1, 60))
            {
                var sameMinute = h == hour && m == minute;
                if (Frequency == RecurrenceFrequency.Minutely)
                {
                    return sameMinute ? secondOfDay : (h * 3600) + (m * 60);
                }

                var s = NextBit(SecondMask, sameMinute ? second : 0, 60);
                if (s >= 0)
                {
                    return (h * 3600) + (m * 60) + s;
                }
            }
        }

        return CivilCalendar.SecondsPerDay;
    }

    /// <summary>The lowest value at or above <paramref name="from"/> and below <paramref name="limit"/> in <paramref name="mask"/> (every value when it is 0), or -1.</summary>
    private static int NextBit(ulong mask, int from, int limit)
    {
        if (from >= limit)
        {
            return -1;
        }

        if (mask == 0)
        {
            return from;
        }

        var rest = mask & (ulong.MaxValue << from);
        var bit = rest == 0 ? 64 : BitOperations.TrailingZeroCount(rest);
        return bit < limit ? bit : -1;
    }

    private bool YearDayMatches(long year, int dayOfYear)
    {
        var daysInYear = CivilCalendar.DaysInYear(year);
        foreach (var yearDay in YearDays)
        {
            if (yearDay == dayOfYear || yearDay == dayOfYear - daysInYear - 1)
            {
                return true;
            }
        }

        return false;
    }

    private static ulong Mask(System.Collections.Immutable.ImmutableArray<int> values)
    {
        ulong mask = 0;
        foreach (var value in values)
        {
            mask |= 1UL << value;
        }

        return mask;
    }

    private int[] BuildOffsets(RecurrenceRule rule, int startSecondOfDay)
    {
        if (AllDay)
        {
            return [0];
        }

        // Leap second 60 never matches: NodaTime, like every zone's wall clock, has no such second.
        int[] Values(System.Collections.Immutable.ImmutableArray<int> values, int fallback, int limit) =>
            values.IsEmpty ? [fallback] : [.. values.Where(v => v < limit)];

        var hours = Values(rule.ByHour, startSecondOfDay / 3600, 24);
        var minutes = Values(rule.ByMinute, startSecondOfDay / 60 % 60, 60);
        var seconds = Values(rule.BySecond, startSecondOfDay % 60, 60);
        return Frequency switch
        {
            RecurrenceFrequency.Secondly => [0],
            RecurrenceFrequency.Minutely => seconds,
            RecurrenceFrequency.Hourly => [.. minutes.SelectMany(m => seconds.Select(s => (m * 60) + s))],
            _ => [.. hours.SelectMany(h => minutes.SelectMany(m => seconds.Select(s => (h * 3600) + (m * 60) + s)))],
        };
    }

    /// <summary>False when BYMONTH and BYMONTHDAY together name no real date (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30).</summary>
    private bool MonthDaysCanMatch()
    {
        if (!HasMonthDay)
        {
            return true;
        }

        for (var month = 1; month <= 12; month++)
        {
            if (MonthMask != 0 && (MonthMask & (1 << month)) == 0)
            {
                continue;
            }

            for (var daysInMonth = 28; daysInMonth <= 31; daysInMonth++)
            {
                var possible = month == 2 ? daysInMonth <= 29 : daysInMonth == CivilCalendar.DaysInMonth(2001, month);
                var allDays = daysInMonth == 32 ? uint.MaxValue : (1u << daysInMonth) - 1;
                if (possible && ((MonthDayPositive | NegativeMonthDays[daysInMonth - 28]) & allDays) != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// False when the day parts together name no day in any year: BYYEARDAY=366 with BYMONTH=2, BYMONTHDAY=31 with
    /// BYMONTH=4,6,9,11, BYWEEKNO=1 with BYMONTH=7, BYDAY=5MO with BYMONTHDAY=1 to 7... Each representative year is
    /// filled as expansion would fill it; a single day part always names some day, so only combinations are tried.
    /// </summary>
    private bool DayPartsCanMatch()
    {
        var parts = (MonthMask != 0 ? 1 : 0) + (HasMonthDay ? 1 : 0) + (YearDays.Length > 0 ? 1 : 0)
            + (WeekNumbers.Length > 0 ? 1 : 0) + (HasByDay ? 1 : 0);
        if (parts < 2 || Frequency == RecurrenceFrequency.Weekly)
        {
            // Every month holds every weekday, so BYMONTH and BYDAY (all WEEKLY may use) always meet.
            return true;
        }

        var cursor = new RuleCursor(this, CancellationToken.None, long.MaxValue, scanningPeriodZero: true);
        foreach (var year in RepresentativeYears)
        {
            if (Frequency >= RecurrenceFrequency.Monthly ? cursor.HasCandidatesIn(year) : AnyDayMatchesIn(year))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyDayMatchesIn(long year)
    {
        for (var month = 1; month <= 12; month++)
        {
            if (DayBitsOfMonth(year, month) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private long FindCountEnd(CancellationToken cancellationToken)
    {
        if (NeverMatches)
        {
            // Only DTSTART recurs; walking the days would find nothing in any of them.
            return StartLocal;
        }

        try
        {
            // Periods of a day or less are counted a month or a day at a time; longer ones a period at a time.
            if ((IsSubDaily && PeriodStep <= CivilCalendar.SecondsPerDay) || (Frequency == RecurrenceFrequency.Daily && Interval == 1))
            {
                return FindCountEndByDays(cancellationToken);
            }

            if (IsSubDaily)
            {
                return FindCountEndByPassingUnits(cancellationToken);
            }

            var cursor = new RuleCursor(this, cancellationToken, long.MaxValue);
            return cursor.FindCountEndByPeriods();
        }
        catch (RecurrenceException exception) when (exception.Error.Code == RecurrenceErrorCode.ExpansionLimitExceeded)
        {
            return CountEndUnreachable;
        }
    }

    /// <summary>
    /// The count end of a rule whose periods last a day or less (sub-daily rules, and DAILY without INTERVAL): the
    /// day of DTSTART is walked, then whole months are counted with <see cref="DayBitsOfMonth"/> when every matching
    /// day holds the same number of occurrences, or whole days otherwise, and only the last day is walked.
    /// </summary>
    /// <remarks>
    /// When a period does not divide a day (INTERVAL=82 seconds), where the periods fall in a day repeats only every
    /// <c>step / gcd(step, 86,400)</c> days, so how many pass BYHOUR, BYMINUTE and BYSECOND is worked out once per
    /// place in that cycle (at most 86,400 of them) and looked up for every other day: the cost is one look-up per
    /// matching day however sparse the times of day are.
    /// </remarks>
    private long FindCountEndByDays(CancellationToken cancellationToken)
    {
        var firstDay = new RuleCursor(this, cancellationToken, (StartDay + 1) * CivilCalendar.SecondsPerDay);
        long emitted = 0;
        var last = StartLocal;
        while (firstDay.MoveNext(out var local))
        {
            emitted++;
            last = local;
        }

        if (emitted >= Count)
        {
            return last;
        }

        var remaining = Count - emitted;
        var perUnit = SetPositions.Length > 0 ? SelectedCount(Offsets.Length) : Offsets.Length;
        var uniform = Frequency == RecurrenceFrequency.Daily || CivilCalendar.SecondsPerDay % PeriodStep == 0;
        var perDay = Frequency == RecurrenceFrequency.Daily ? perUnit : uniform ? UnitsPassingIn(StartDay + 1) * perUnit : 0;
        var dayCycle = uniform ? 1 : PeriodStep / (long)BigInteger.GreatestCommonDivisor(PeriodStep, CivilCalendar.SecondsPerDay);
        var unitsInCycleDay = uniform ? [] : new int[dayCycle];
        if (!uniform)
        {
            Array.Fill(unitsInCycleDay, -1);
        }

        long InDay(long matching)
        {
            var place = CivilCalendar.FloorModulo(matching, dayCycle);
            if (unitsInCycleDay[place] < 0)
            {
                unitsInCycleDay[place] = (int)UnitsPassingIn(matching);
            }

            return unitsInCycleDay[place] * perUnit;
        }

        var endDay = CivilCalendar.SupportedEnd / CivilCalendar.SecondsPerDay;
        var day = StartDay + 1;
        var months = 0;
        while (day < endDay)
        {
            if ((++months & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            CivilCalendar.CivilFromDays(day, out var year, out var month, out var dayOfMonth);
            var bits = DayBitsOfMonth(year, month) & ~((1u << (dayOfMonth - 1)) - 1);
            var monthStart = day - (dayOfMonth - 1);
            day = monthStart + CivilCalendar.DaysInMonth(year, month);
            if (uniform && (long)BitOperations.PopCount(bits) * perDay < remaining)
            {
                remaining -= BitOperations.PopCount(bits) * perDay;
                continue;
            }

            for (; bits != 0; bits &= bits - 1)
            {
                var matching = monthStart + BitOperations.TrailingZeroCount(bits);
                if (matching >= endDay)
                {
                    break;
                }

                var inDay = uniform ? perDay : InDay(matching);
                if (inDay >= remaining)
                {
                    return NthInDay(matching, remaining, cancellationToken);
                }

                remaining -= inDay;
            }
        }

        // COUNT is not used up inside the supported range: every occurrence the rule generates there counts.
        return CivilCalendar.SupportedEnd;
    }

    /// <summary>
    /// The count end of a sub-daily rule whose periods are longer than a day (FREQ=HOURLY;INTERVAL=25), so no day
    /// holds more than one. The times of day its periods reach repeat every <c>86,400 / gcd(step, 86,400)</c> periods;
    /// the places in that cycle that pass BYHOUR, BYMINUTE and BYSECOND are found once, and the count goes from one
    /// passing period to the next, jumping to the next matching day whenever a period falls on a day the day parts
    /// leave out. Each step counts occurrences or passes a matching day, so a rule whose times match once in
    /// centuries costs what its matches cost, not a step for each of its millions of periods.
    /// </summary>
    private long FindCountEndByPassingUnits(CancellationToken cancellationToken)
    {
        var remaining = Count - PeriodZeroCount;
        if (remaining <= 0)
        {
            var zero = new RuleCursor(this, cancellationToken, long.MaxValue);
            var last = StartLocal;
            while (zero.MoveNext(out var local))
            {
                last = local;
            }

            return last;
        }

        var perUnit = SetPositions.Length > 0 ? SelectedCount(Offsets.Length) : Offsets.Length;
        var step = PeriodStep % CivilCalendar.SecondsPerDay;
        var cycle = step == 0 ? 1 : CivilCalendar.SecondsPerDay / (int)BigInteger.GreatestCommonDivisor(step, CivilCalendar.SecondsPerDay);
        var passing = new List<int>();
        var secondOfDay = (int)CivilCalendar.FloorModulo(FirstPeriodStart, CivilCalendar.SecondsPerDay);
        for (var place = 0; place < cycle; place++)
        {
            if (TimeMatches(secondOfDay))
            {
                passing.Add(place);
            }

            secondOfDay = (int)((secondOfDay + step) % CivilCalendar.SecondsPerDay);
        }

        var endDay = CivilCalendar.SupportedEnd / CivilCalendar.SecondsPerDay;
        long steps = 0;
        var period = 1L;
        while (true)
        {
            if ((++steps & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // The first period at or after this one whose time of day passes.
            var inCycle = CivilCalendar.FloorModulo(period, cycle);
            var index = passing.BinarySearch((int)inCycle);
            index = index >= 0 ? index : ~index;
            period += index < passing.Count ? passing[index] - inCycle : cycle - inCycle + passing[0];
            if (period > LastPeriod)
            {
                return CivilCalendar.SupportedEnd;
            }

            var day = CivilCalendar.FloorDivide(FirstPeriodStart + (period * PeriodStep), CivilCalendar.SecondsPerDay);
            if (DayMatches(day))
            {
                if (perUnit >= remaining)
                {
                    return NthInDay(day, remaining, cancellationToken);
                }

                remaining -= perUnit;
                period++;
                continue;
            }

            var next = NextMatchingDay(day);
            if (next >= endDay)
            {
                return CivilCalendar.SupportedEnd;
            }

            period = CivilCalendar.CeilingSteps(next * CivilCalendar.SecondsPerDay, FirstPeriodStart, PeriodStep);
        }
    }

    /// <summary>How many of a sub-daily rule's periods start on <paramref name="day"/> and pass BYHOUR, BYMINUTE and BYSECOND.</summary>
    private long UnitsPassingIn(long day)
    {
        var dayStart = day * CivilCalendar.SecondsPerDay;
        var unit = FirstPeriodStart + (CivilCalendar.CeilingSteps(dayStart, FirstPeriodStart, PeriodStep) * PeriodStep);
        long units = 0;
        while (unit < dayStart + CivilCalendar.SecondsPerDay)
        {
            var secondOfDay = (int)(unit - dayStart);
            if (TimeMatches(secondOfDay))
            {
                units++;
                unit += PeriodStep;
                continue;
            }

            var passing = NextPassingTime(secondOfDay);
            if (passing >= CivilCalendar.SecondsPerDay)
            {
                break;
            }

            unit = FirstPeriodStart + (CivilCalendar.CeilingSteps(dayStart + passing, FirstPeriodStart, PeriodStep) * PeriodStep);
        }

        return units;
    }

    /// <summary>The local start of the <paramref name="n"/>-th occurrence the rule generates on <paramref name="day"/>.</summary>
    private long NthInDay(long day, long n, CancellationToken cancellationToken)
    {
        var dayStart = day * CivilCalendar.SecondsPerDay;
        var cursor = new RuleCursor(this, cancellationToken, dayStart + CivilCalendar.SecondsPerDay, countFree: true);
        cursor.SeekTo(dayStart);
        while (cursor.MoveNext(out var local))
        {
            if (local >= dayStart && --n == 0)
            {
                return local;
            }
        }

        throw new InvalidOperationException($"Day {day} was counted to hold more occurrences than the rule generates on it.");
    }

    /// <summary>
    /// For sub-daily rules with BYHOUR, BYMINUTE or BYSECOND limits: whether any period the rule visits can pass them.
    /// Periods visit times of day in a cycle of at most 86,400 steps, so walking one cycle decides it. When the only
    /// day part is BYDAY, each passing time of day comes back every <c>cycle * step / 86,400</c> days, so seven of
    /// its visits show every weekday it can fall on (FREQ=MINUTELY;INTERVAL=63 from 21:45 is at 04:57 once every seven
    /// days, always on the same weekday, and BYDAY may name another).
    /// </summary>
    private bool TimesCanMatch()
    {
        if (!IsSubDaily || (HourMask == 0 && MinuteMask == 0 && SecondMask == 0))
        {
            return true;
        }

        var weekdaysOnly = WeekdayMask is not (0 or 0x7F) && Ordinals.Length == 0 && MonthMask == 0 && !HasMonthDay
            && YearDays.Length == 0 && WeekNumbers.Length == 0;
        var step = PeriodStep % CivilCalendar.SecondsPerDay;
        var first = (int)CivilCalendar.FloorModulo(FirstPeriodStart, CivilCalendar.SecondsPerDay);
        var cycle = step == 0 ? 1 : CivilCalendar.SecondsPerDay / (int)BigInteger.GreatestCommonDivisor(step, CivilCalendar.SecondsPerDay);
        var cycleDays = cycle * PeriodStep / CivilCalendar.SecondsPerDay;
        var secondOfDay = first;
        for (var i = 0; i < cycle; i++)
        {
            if (TimeMatches(secondOfDay) && (!weekdaysOnly || WeekdaysCanMeet(FirstPeriodStart + (i * PeriodStep), cycleDays)))
            {
                return true;
            }

            secondOfDay = (int)((secondOfDay + step) % CivilCalendar.SecondsPerDay);
        }

        return false;
    }

    /// <summary>Whether a time of day first visited at <paramref name="visit"/> and again every <paramref name="cycleDays"/> days falls on a BYDAY weekday.</summary>
    private bool WeekdaysCanMeet(long visit, long cycleDays)
    {
        var day = CivilCalendar.FloorDivide(visit, CivilCalendar.SecondsPerDay);
        for (var j = 0; j < 7; j++)
        {
            if ((WeekdayMask & (1 << (CivilCalendar.DayOfWeek(day + (j * (cycleDays % 7))) - 1))) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private long ComputeLastPeriod()
    {
        var last = Frequency switch
        {
            RecurrenceFrequency.Yearly => 9999 - FirstPeriodStart,
            RecurrenceFrequency.Monthly => (9999 * 12) + 11 - FirstPeriodStart,
            _ => CivilCalendar.SupportedEnd - 1 - FirstPeriodStart,
        };
        return last < 0 ? -1 : last / PeriodStep;
    }

    /// <summary>False when every BYSETPOS asks for a position beyond the most candidates a period can have (FREQ=MINUTELY;BYSECOND=0;BYSETPOS=2).</summary>
    private bool SetPositionsCanMatch()
    {
        var days = Frequency switch
        {
            RecurrenceFrequency.Yearly => 366,
            RecurrenceFrequency.Monthly => 31,
            RecurrenceFrequency.Weekly => BitOperations.PopCount(WeekPattern),
            _ => 1,
        };
        var mostCandidates = (long)days * Offsets.Length;
        return SetPositions.Length == 0 || SetPositions.Any(position => Math.Abs((long)position) <= mostCandidates);
    }

    private long ComputeConstantPeriodCount()
    {
        var bases = Frequency switch
        {
            RecurrenceFrequency.Secondly or RecurrenceFrequency.Minutely or RecurrenceFrequency.Hourly =>
                MonthMask == 0 && !HasMonthDay && !HasByDay && YearDays.Length == 0 && HourMask == 0
                && (Frequency == RecurrenceFrequency.Hourly || MinuteMask == 0)
                && (Frequency != RecurrenceFrequency.Secondly || SecondMask == 0) ? 1 : -1,
            RecurrenceFrequency.Daily => MonthMask == 0 && !HasMonthDay && !HasByDay ? 1 : -1,
            RecurrenceFrequency.Weekly => MonthMask == 0 ? BitOperations.PopCount(WeekPattern) : -1,
            RecurrenceFrequency.Monthly => MonthMask == 0 && !HasByDay && ShortMonthDaysOnly() ? MonthDayCount() : -1,
            _ => !HasByDay && YearDays.Length == 0 && WeekNumbers.Length == 0 && HasMonthDay && ShortMonthDaysOnly()
                ? BitOperations.PopCount((uint)(MonthMask == 0 ? 0x1FFE : MonthMask)) * MonthDayCount()
                : -1,
        };
        if (bases < 0)
        {
            return -1;
        }

        var candidates = (long)bases * Offsets.Length;
        return SetPositions.Length == 0 ? candidates : SelectedCount(candidates);
    }

    /// <summary>
    /// True when every BYMONTHDAY exists in every month and no two name the same day in any month (all within 1..28,
    /// or all within -28..-1), so the count per month is fixed.
    /// </summary>
    private bool ShortMonthDaysOnly()
    {
        var onlyPositive = NegativeMonthDays[3] == 0 && (MonthDayPositive & ~((1u << 28) - 1)) == 0;
        var onlyNegative = MonthDayPositive == 0 && (NegativeMonthDays[3] & 0b111) == 0;
        return HasMonthDay && (onlyPositive || onlyNegative);
    }

    private int MonthDayCount() => BitOperations.PopCount(MonthDayPositive) + BitOperations.PopCount(NegativeMonthDays[0]);

    /// <summary>How many distinct positions BYSETPOS picks from <paramref name="candidates"/> candidates.</summary>
    public long SelectedCount(long candidates)
    {
        var picked = new HashSet<long>();
        foreach (var position in SetPositions)
        {
            var index = position > 0 ? position - 1 : candidates + position;
            if (index >= 0 && index < candidates)
            {
                picked.Add(index);
            }
        }

        return picked.Count;
    }
}
