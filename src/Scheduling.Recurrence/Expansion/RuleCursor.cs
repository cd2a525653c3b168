namespace Scheduling.Recurrence.Expansion;

/// <summary>
/// Walks a <see cref="RulePlan"/> period by period and yields the local start (in local seconds) of every occurrence
/// the rule generates, in ascending local order, applying DTSTART, COUNT and a DATE-valued UNTIL. A mutable struct
/// owned by one enumerator: it allocates only a small BYSETPOS buffer, never per occurrence.
/// </summary>
/// <remarks>
/// Work is bounded twice: by <c>endLocal</c> (the window's end, UNTIL, or the end of the ISO calendar), and by
/// <see cref="MaxEmptyPeriods"/>, the number of periods it will inspect in a row without finding a candidate.
/// </remarks>
internal struct RuleCursor
{
    /// <summary>How many periods in a row may be inspected without a candidate before expansion gives up.</summary>
    public const int MaxEmptyPeriods = 1_000_000;

    private readonly RulePlan _plan;
    private readonly CancellationToken _cancellationToken;
    private long _endLocal;
    private readonly int _maxEmptyPeriods;
    private readonly int[]? _selected;
    private DayMask _mask;
    private long _period;
    private long _firstDay;
    private long _unitStart;
    private int _bit;
    private int _offsetIndex;
    private long _skipBeforeDay = long.MinValue;
    private int _selectedCount;
    private int _selectedIndex;
    private long _emitted;
    private long _work;
    private long _loads;
    private long _taken;
    private bool _countedByEnd;
    private bool _startPending;
    private bool _loaded;
    private bool _done;

    /// <param name="plan">The plan to walk.</param>
    /// <param name="cancellationToken">Checked every 1,024 periods.</param>
    /// <param name="endLocal">The exclusive local end of the walk.</param>
    /// <param name="maxEmptyPeriods">How many periods in a row may hold nothing before the walk gives up.</param>
    /// <param name="scanningPeriodZero">For the plan: leave DTSTART out while period zero is scanned.</param>
    /// <param name="countFree">For the plan: yield every candidate, ignoring COUNT and DTSTART, while the count end is found.</param>
    public RuleCursor(RulePlan plan, CancellationToken cancellationToken, long endLocal, int maxEmptyPeriods = MaxEmptyPeriods, bool scanningPeriodZero = false, bool countFree = false)
    {
        _plan = plan;
        _maxEmptyPeriods = maxEmptyPeriods;
        _cancellationToken = cancellationToken;
        _endLocal = Math.Min(Math.Min(endLocal, plan.UntilLocalExclusive), CivilCalendar.SupportedEnd);
        _selected = plan.SetPositions.Length > 0 ? new int[plan.SetPositions.Length] : null;
        _startPending = !scanningPeriodZero && !countFree && !plan.StartIsGenerated;
        _countedByEnd = countFree;
        _bit = -1;
    }

    /// <summary>
    /// Skips every period that ends before <paramref name="localTarget"/> without generating it: without COUNT; with
    /// COUNT when every period yields the same number of occurrences (the count skipped is then arithmetic); and for
    /// any other COUNT rule by its <see cref="RulePlan.CountEnd"/>, which turns COUNT into an end bound. Inside the
    /// period that holds the target, the candidate days before the target's day are skipped too when nothing needs
    /// them counted (no COUNT left to count, no BYSETPOS): a yearly rule can hold millions of candidates a year.
    /// </summary>
    public void SeekTo(long localTarget)
    {
        SeekToPeriod(localTarget);
        if (!_done && _selected is null && !_plan.IsSubDaily && (_plan.Count == 0 || _countedByEnd))
        {
            _skipBeforeDay = CivilCalendar.FloorDivide(localTarget, CivilCalendar.SecondsPerDay);
        }
    }

    private void SeekToPeriod(long localTarget)
    {
        // A COUNT rule is bounded by its last occurrence when its periods differ in size, and also when the target
        // lies in the period the cursor is in: there the candidates before the target need no counting either.
        var period = PeriodContaining(localTarget);
        var byEnd = _plan.Count > 0 && !_countedByEnd && (_plan.ConstantPeriodCount < 0 || period <= _period);
        if (byEnd)
        {
            var countEnd = _plan.CountEnd(_cancellationToken);
            if (countEnd == RulePlan.CountEndUnreachable)
            {
                return;
            }

            if (localTarget > countEnd)
            {
                _done = true;
                return;
            }

            _endLocal = Math.Min(_endLocal, countEnd + 1);
            _countedByEnd = true;
        }

        if (period <= _period)
        {
            return;
        }

        if (_plan.Count > 0 && !_countedByEnd)
        {
            var skipped = _plan.PeriodZeroCount + ((period - 1) * _plan.ConstantPeriodCount);
            if (skipped >= _plan.Count)
            {
                _done = true;
                return;
            }

            _emitted = skipped;
        }

        _period = period;
        _startPending = false;
        _loaded = false;
    }

    /// <summary>Yields the next occurrence's local start, or false when the rule has no more before the end.</summary>
    public bool MoveNext(out long local)
    {
        while (!_done)
        {
            if (_startPending)
            {
                // RFC 5545 3.3.10: "The DTSTART property value always counts as the first occurrence."
                _startPending = false;
                local = _plan.StartLocal;
                return Emit(local);
            }

            if (!_loaded && !LoadNextPeriod())
            {
                break;
            }

            if (!TakeFromPeriod(out local))
            {
                _loaded = false;
                _period++;
                continue;
            }

            // One period can hold millions of candidates (a yearly rule with every second of the year), so the token
            // is looked at as candidates are taken, not only as periods are loaded.
            if ((++_taken & 4095) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (local < _plan.StartLocal)
            {
                continue;
            }

            return Emit(local);
        }

        _done = true;
        local = 0;
        return false;
    }

    /// <summary>For the plan: whether period zero generates DTSTART, and how many occurrences it yields from DTSTART on.</summary>
    public (bool StartIsGenerated, long Count) ScanPeriodZero()
    {
        if (_plan.NeverMatches || !Fill(0, out _))
        {
            return (false, 1);
        }

        if (_selected is null && !_plan.IsSubDaily)
        {
            return CountPeriodZero();
        }

        var generated = false;
        long count = 0;
        while (TakeFromPeriod(out var local))
        {
            if (local >= _plan.StartLocal)
            {
                count++;
                generated |= local == _plan.StartLocal;
            }
        }

        return (generated, generated ? count : count + 1);
    }

    /// <summary>
    /// <see cref="ScanPeriodZero"/> for a period of whole candidate days without BYSETPOS, counted instead of walked:
    /// a yearly period can hold millions of candidates. Every candidate day after DTSTART's holds every time offset;
    /// DTSTART's own day holds the offsets at or after its time.
    /// </summary>
    private readonly (bool StartIsGenerated, long Count) CountPeriodZero()
    {
        var offsets = _plan.Offsets;
        var startDay = CivilCalendar.FloorDivide(_plan.StartLocal, CivilCalendar.SecondsPerDay);
        var startSecond = (int)(_plan.StartLocal - (startDay * CivilCalendar.SecondsPerDay));
        var startBit = (int)(startDay - _firstDay);
        var count = (long)_mask.CountAfter(startBit, _plan.MaskWords) * offsets.Length;
        var generated = false;
        if (_mask.Contains(startBit))
        {
            var at = Array.BinarySearch(offsets, startSecond);
            generated = at >= 0;
            count += offsets.Length - (generated ? at : ~at);
        }

        return (generated, generated ? count : count + 1);
    }

    private bool Emit(long local)
    {
        if (local >= _endLocal || (_plan.Count > 0 && !_countedByEnd && _emitted >= _plan.Count))
        {
            _done = true;
            return false;
        }

        _emitted++;
        _work = 0;
        return true;
    }

    /// <summary>Counts one more period inspected: gives up past <see cref="MaxEmptyPeriods"/> in a row, and looks at the token every 1,024.</summary>
    private void InspectPeriod()
    {
        if (++_work > _maxEmptyPeriods)
        {
            throw new RecurrenceException(new RecurrenceError(
                RecurrenceErrorCode.ExpansionLimitExceeded,
                $"Expansion inspected {_maxEmptyPeriods:N0} {_plan.Frequency} periods in a row without finding an occurrence; the rule probably never matches again.",
                RuleParts.Freq));
        }

        if ((++_loads & 1023) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private bool LoadNextPeriod()
    {
        if (_plan.NeverMatches)
        {
            return false;
        }

        while (PeriodStartLocal(_period) < _endLocal)
        {
            InspectPeriod();

            if (Fill(_period, out var next))
            {
                _loaded = true;
                return true;
            }

            _period = next;
        }

        return false;
    }

    /// <summary>
    /// For the plan: the local start of the COUNT-th occurrence, found by counting whole periods (the candidates a
    /// period's day mask and offsets hold, after BYSETPOS) and walking only the period that holds it. Returns the end
    /// of the supported range when COUNT is not used up inside it.
    /// </summary>
    public long FindCountEndByPeriods()
    {
        var remaining = _plan.Count - _plan.PeriodZeroCount;
        if (remaining <= 0)
        {
            // Period zero (with DTSTART) holds them all.
            var last = _plan.StartLocal;
            while (MoveNext(out var local))
            {
                last = local;
            }

            return last;
        }

        _countedByEnd = true;
        _startPending = false;
        _period = 1;
        while (PeriodStartLocal(_period) < _endLocal)
        {
            InspectPeriod();

            if (!Fill(_period, out var next))
            {
                _period = next;
                continue;
            }

            _work = 0;
            var candidates = _selected is not null ? _selectedCount : (long)_mask.Count(_plan.MaskWords) * _plan.Offsets.Length;
            if (candidates < remaining)
            {
                remaining -= candidates;
                _period++;
                continue;
            }

            var found = 0L;
            while (TakeFromPeriod(out var local))
            {
                if (++found == remaining)
                {
                    return Math.Min(local, CivilCalendar.SupportedEnd);
                }
            }
        }

        return CivilCalendar.SupportedEnd;
    }

    /// <summary>For the plan: whether a MONTHLY or YEARLY rule's day parts name any day in <paramref name="year"/>.</summary>
    public bool HasCandidatesIn(long year)
    {
        if (_plan.Frequency == RecurrenceFrequency.Yearly)
        {
            _mask.Clear(_plan.MaskWords);
            FillYear(year);
            return !_mask.IsEmpty(_plan.MaskWords);
        }

        for (var month = 0; month < 12; month++)
        {
            _mask.Clear(_plan.MaskWords);
            FillMonth((year * 12) + month);
            if (!_mask.IsEmpty(_plan.MaskWords))
            {
                return true;
            }
        }

        return false;
    }

    private bool TakeFromPeriod(out long local)
    {
        var offsets = _plan.Offsets;
        if (_selected is not null)
        {
            if (_selectedIndex >= _selectedCount)
            {
                local = 0;
                return false;
            }

            var position = _selected[_selectedIndex++];
            var bit = _plan.IsSubDaily ? 0 : _mask.Select(position / offsets.Length);
            local = BaseOf(bit) + offsets[position % offsets.Length];
            return true;
        }

        if (_bit < 0 || _offsetIndex >= offsets.Length)
        {
            _bit = _mask.NextSetBit(Math.Max(_bit + 1, FirstDayNotSkipped()), _plan.MaskWords);
            _offsetIndex = 0;
            if (_bit < 0)
            {
                local = 0;
                return false;
            }
        }

        local = BaseOf(_bit) + offsets[_offsetIndex++];
        return true;
    }

    /// <summary>The first bit of the loaded period's mask on or after the day <see cref="SeekTo"/> asked for.</summary>
    private readonly int FirstDayNotSkipped() =>
        _skipBeforeDay <= _firstDay ? 0 : (int)Math.Min(_skipBeforeDay - _firstDay, DayMask.Words * 64);

    private readonly long BaseOf(int bit) =>
        _plan.IsSubDaily ? _unitStart : (_firstDay + bit) * CivilCalendar.SecondsPerDay;

    /// <summary>Fills <see cref="_mask"/> with the candidate days of a period; false when it has none.</summary>
    private bool Fill(long period, out long next)
    {
        next = period + 1;
        _mask.Clear(_plan.MaskWords);
        _bit = -1;
        _offsetIndex = 0;
        switch (_plan.Frequency)
        {
            case RecurrenceFrequency.Yearly:
                FillYear(_plan.FirstPeriodStart + (period * _plan.PeriodStep));
                break;
            case RecurrenceFrequency.Monthly:
                FillMonth(_plan.FirstPeriodStart + (period * _plan.PeriodStep));
                break;
            case RecurrenceFrequency.Weekly:
                FillWeek(_plan.FirstDay + (period * 7 * _plan.Interval), ref next);
                break;
            case RecurrenceFrequency.Daily:
                FillDay(period, ref next);
                break;
            default:
                FillUnit(period, ref next);
                break;
        }

        if (_mask.IsEmpty(_plan.MaskWords))
        {
            return false;
        }

        return _selected is null || SelectPositions();
    }

    private void FillYear(long year)
    {
        _firstDay = CivilCalendar.DaysFromCivil(year, 1, 1);
        var length = CivilCalendar.DaysInYear(year);
        _mask.SetRange(0, length);
        var part = default(DayMask);
        if (_plan.MonthMask != 0)
        {
            part.Clear();
            for (var month = 1; month <= 12; month++)
            {
                if ((_plan.MonthMask & (1 << month)) != 0)
                {
                    part.SetRange(CivilCalendar.MonthStartInYear(year, month), CivilCalendar.DaysInMonth(year, month));
                }
            }

            _mask.IntersectWith(part);
        }

        if (_plan.HasMonthDay)
        {
            part.Clear();
            for (var month = 1; month <= 12; month++)
            {
                var daysInMonth = CivilCalendar.DaysInMonth(year, month);
                part.OrAt(CivilCalendar.MonthStartInYear(year, month), MonthDayBits(daysInMonth));
            }

            _mask.IntersectWith(part);
        }

        if (_plan.YearDays.Length > 0)
        {
            part.Clear();
            foreach (var yearDay in _plan.YearDays)
            {
                var index = yearDay > 0 ? yearDay - 1 : length + yearDay;
                if (index >= 0 && index < length)
                {
                    part.Set(index);
                }
            }

            _mask.IntersectWith(part);
        }

        if (_plan.WeekNumbers.Length > 0)
        {
            FillWeekNumbers(year, length, ref part);
            _mask.IntersectWith(part);
        }

        if (_plan.HasByDay)
        {
            part.Clear();
            var firstWeekday = CivilCalendar.DayOfWeek(_firstDay);
            for (var weekday = 1; weekday <= 7; weekday++)
            {
                if ((_plan.WeekdayMask & (1 << (weekday - 1))) != 0)
                {
                    for (var index = (weekday - firstWeekday + 7) % 7; index < length; index += 7)
                    {
                        part.Set(index);
                    }
                }
            }

            foreach (var entry in _plan.Ordinals)
            {
                if (_plan.OrdinalsInYear)
                {
                    SetOrdinal(ref part, 0, length, firstWeekday, entry);
                    continue;
                }

                for (var month = 1; month <= 12; month++)
                {
                    if ((_plan.MonthMask & (1 << month)) != 0)
                    {
                        var start = CivilCalendar.MonthStartInYear(year, month);
                        SetOrdinal(ref part, start, CivilCalendar.DaysInMonth(year, month), CivilCalendar.DayOfWeek(_firstDay + start), entry);
                    }
                }
            }

            _mask.IntersectWith(part);
        }
    }

    private void FillMonth(long monthNumber)
    {
        var year = CivilCalendar.FloorDivide(monthNumber, 12);
        var month = (int)(monthNumber - (year * 12)) + 1;
        if (_plan.MonthMask != 0 && (_plan.MonthMask & (1 << month)) == 0)
        {
            return;
        }

        _firstDay = CivilCalendar.DaysFromCivil(year, month, 1);
        var daysInMonth = CivilCalendar.DaysInMonth(year, month);
        var bits = (1u << daysInMonth) - 1;
        if (_plan.HasMonthDay)
        {
            bits &= MonthDayBits(daysInMonth);
        }

        if (_plan.HasByDay)
        {
            var firstWeekday = CivilCalendar.DayOfWeek(_firstDay);
            var byDay = _plan.WeekdayPatterns[firstWeekday - 1];
            foreach (var entry in _plan.Ordinals)
            {
                var index = OrdinalIndex(daysInMonth, firstWeekday, entry);
                if (index >= 0)
                {
                    byDay |= 1u << index;
                }
            }

            bits &= byDay;
        }

        _mask.OrAt(0, bits);
    }

    private void FillWeek(long weekStartDay, ref long next)
    {
        _firstDay = weekStartDay;
        var bits = _plan.WeekPattern;
        if (_plan.MonthMask != 0)
        {
            var allowedDays = 0u;
            for (var index = 0; index < 7; index++)
            {
                CivilCalendar.CivilFromDays(weekStartDay + index, out _, out var month, out _);
                if ((_plan.MonthMask & (1 << month)) != 0)
                {
                    allowedDays |= 1u << index;
                }
            }

            bits &= allowedDays;
            if (allowedDays == 0)
            {
                // The whole week is in months BYMONTH leaves out: go on from the week holding the next allowed month's first day.
                var allowed = NextAllowedMonthStart(weekStartDay + 7);
                next = Math.Max(next, CivilCalendar.FloorDivide(allowed - _plan.FirstDay, 7L * _plan.Interval));
            }
        }

        _mask.OrAt(0, bits);
    }

    /// <summary>The first day, at or after <paramref name="day"/>, of a month BYMONTH allows (or <paramref name="day"/> when its month is allowed).</summary>
    private readonly long NextAllowedMonthStart(long day)
    {
        CivilCalendar.CivilFromDays(day, out var year, out var month, out _);
        if ((_plan.MonthMask & (1 << month)) != 0)
        {
            return day;
        }

        for (var step = 0; step < 12; step++)
        {
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1);
            if ((_plan.MonthMask & (1 << month)) != 0)
            {
                break;
            }
        }

        return CivilCalendar.DaysFromCivil(year, month, 1);
    }

    private void FillDay(long period, ref long next)
    {
        var day = _plan.FirstDay + (period * _plan.Interval);
        _firstDay = day;
        if (_plan.DayMatches(day))
        {
            _mask.Set(0);
            return;
        }

        next = Math.Max(next, StepsToReach(_plan.NextMatchingDay(day) * CivilCalendar.SecondsPerDay));
    }

    private void FillUnit(long period, ref long next)
    {
        var unitStart = _plan.FirstPeriodStart + (period * _plan.PeriodStep);
        var day = CivilCalendar.FloorDivide(unitStart, CivilCalendar.SecondsPerDay);
        if (!_plan.DayMatches(day))
        {
            next = Math.Max(next, StepsToReach(_plan.NextMatchingDay(day) * CivilCalendar.SecondsPerDay));
            return;
        }

        var secondOfDay = (int)(unitStart - (day * CivilCalendar.SecondsPerDay));
        if (!_plan.TimeMatches(secondOfDay))
        {
            // Jump to the next time of day that passes BYHOUR, BYMINUTE and BYSECOND (or the next day), instead of
            // stepping through the times between.
            var passing = _plan.NextPassingTime(secondOfDay);
            next = Math.Max(next, StepsToReach((day * CivilCalendar.SecondsPerDay) + passing));
            return;
        }

        _unitStart = unitStart;
        _mask.Set(0);
    }

    private readonly long StepsToReach(long local) =>
        CivilCalendar.CeilingSteps(local, _plan.FirstPeriodStart, _plan.PeriodStep);

    private readonly uint MonthDayBits(int daysInMonth) =>
        (_plan.MonthDayPositive | _plan.NegativeMonthDays[daysInMonth - 28]) & ((1u << daysInMonth) - 1);

    private readonly void FillWeekNumbers(long year, int length, ref DayMask part)
    {
        part.Clear();
        var firstWeek = FirstWeekStart(year);
        var nextFirstWeek = FirstWeekStart(year + 1);
        var weeks = (int)((nextFirstWeek - firstWeek) / 7);
        var weeksBefore = (int)((firstWeek - FirstWeekStart(year - 1)) / 7);
        var weeksAfter = (int)((FirstWeekStart(year + 2) - nextFirstWeek) / 7);
        for (var index = 0; index < length; index++)
        {
            var day = _firstDay + index;
            int number, fromEnd;
            if (day < firstWeek)
            {
                (number, fromEnd) = (weeksBefore, -1);
            }
            else if (day >= nextFirstWeek)
            {
                (number, fromEnd) = (1, -weeksAfter);
            }
            else
            {
                number = (int)((day - firstWeek) / 7) + 1;
                fromEnd = number - weeks - 1;
            }

            if (Array.IndexOf(_plan.WeekNumbers, number) >= 0 || Array.IndexOf(_plan.WeekNumbers, fromEnd) >= 0)
            {
                part.Set(index);
            }
        }
    }

    /// <summary>
    /// The first day of week 1 of <paramref name="year"/>: the week (starting on WKST) that holds at least four days
    /// of the year (RFC 5545 section 3.3.10, BYWEEKNO).
    /// </summary>
    private readonly long FirstWeekStart(long year)
    {
        var januaryFirst = CivilCalendar.DaysFromCivil(year, 1, 1);
        var intoWeek = (CivilCalendar.DayOfWeek(januaryFirst) - _plan.WeekStart + 7) % 7;
        return intoWeek <= 3 ? januaryFirst - intoWeek : januaryFirst + 7 - intoWeek;
    }

    private static void SetOrdinal(ref DayMask mask, int offset, int length, int firstWeekday, OrdinalWeekday entry)
    {
        var index = OrdinalIndex(length, firstWeekday, entry);
        if (index >= 0)
        {
            mask.Set(offset + index);
        }
    }

    /// <summary>The zero-based index, within a span of <paramref name="length"/> days, of the n-th (or n-th last) given weekday; -1 if there is none.</summary>
    private static int OrdinalIndex(int length, int firstWeekday, OrdinalWeekday entry)
    {
        var first = ((int)entry.Day - firstWeekday + 7) % 7;
        var count = ((length - 1 - first) / 7) + 1;
        var nth = entry.Ordinal > 0 ? entry.Ordinal - 1 : count + entry.Ordinal;
        return nth >= 0 && nth < count ? first + (7 * nth) : -1;
    }

    /// <summary>Applies BYSETPOS: the sorted, distinct positions it picks among the period's candidates.</summary>
    private bool SelectPositions()
    {
        var candidates = _mask.Count(_plan.MaskWords) * _plan.Offsets.Length;
        var count = 0;
        foreach (var position in _plan.SetPositions)
        {
            var index = position > 0 ? position - 1 : candidates + position;
            if (index < 0 || index >= candidates)
            {
                continue;
            }

            // Insertion into a tiny sorted buffer; BYSETPOS lists are short.
            var at = count;
            while (at > 0 && _selected![at - 1] > index)
            {
                at--;
            }

            if (at > 0 && _selected![at - 1] == index)
            {
                continue;
            }

            Array.Copy(_selected!, at, _selected!, at + 1, count - at);
            _selected![at] = index;
            count++;
        }

        _selectedCount = count;
        _selectedIndex = 0;
        return count > 0;
    }

    private readonly long PeriodContaining(long local)
    {
        switch (_plan.Frequency)
        {
            case RecurrenceFrequency.Yearly:
                CivilCalendar.CivilFromDays(CivilCalendar.FloorDivide(local, CivilCalendar.SecondsPerDay), out var year, out _, out _);
                return CivilCalendar.FloorDivide(year - _plan.FirstPeriodStart, _plan.Interval);
            case RecurrenceFrequency.Monthly:
                CivilCalendar.CivilFromDays(CivilCalendar.FloorDivide(local, CivilCalendar.SecondsPerDay), out var y, out var month, out _);
                return CivilCalendar.FloorDivide((y * 12) + month - 1 - _plan.FirstPeriodStart, _plan.Interval);
            default:
                return CivilCalendar.FloorDivide(local - _plan.FirstPeriodStart, _plan.PeriodStep);
        }
    }

    /// <summary>The local start of a period, or long.MaxValue beyond the end of the ISO calendar.</summary>
    private readonly long PeriodStartLocal(long period)
    {
        if (period > _plan.LastPeriod)
        {
            return long.MaxValue;
        }

        var start = _plan.FirstPeriodStart + (period * _plan.PeriodStep);
        switch (_plan.Frequency)
        {
            case RecurrenceFrequency.Yearly:
                return CivilCalendar.DaysFromCivil(start, 1, 1) * CivilCalendar.SecondsPerDay;
            case RecurrenceFrequency.Monthly:
                var year = CivilCalendar.FloorDivide(start, 12);
                return CivilCalendar.DaysFromCivil(year, (int)(start - (year * 12)) + 1, 1) * CivilCalendar.SecondsPerDay;
            default:
                return start;
        }
    }
}
