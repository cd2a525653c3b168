using NodaTime;

namespace Scheduling.Recurrence.Text;

/// <summary>
/// Reads RFC 5545 RRULE text. Every problem comes back as a <see cref="RecurrenceError"/> naming the rule part and
/// the zero-based character position of the offending value, so a caller can point at it.
/// </summary>
internal static class RecurrenceRuleParser
{
    private const string Prefix = "RRULE:";

    public static RecurrenceError? Parse(string text, out RecurrenceRule? rule)
    {
        rule = null;
        var state = new State(text);
        var position = text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? Prefix.Length : 0;
        while (position <= text.Length)
        {
            var end = text.IndexOf(';', position);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end > position && state.ReadPart(position, end) is { } partError)
            {
                return partError;
            }

            position = end + 1;
        }

        return state.Build(out rule);
    }

    private sealed class State(string text)
    {
        private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
        private RecurrenceFrequency? _frequency;
        private int _interval = 1;
        private int? _count;
        private RecurrenceUntil? _until;
        private List<int>? _bySecond, _byMinute, _byHour, _byMonthDay, _byYearDay, _byWeekNo, _byMonth, _bySetPos;
        private List<OrdinalWeekday>? _byDay;
        private IsoDayOfWeek _weekStart = IsoDayOfWeek.Monday;

        public RecurrenceError? ReadPart(int start, int end)
        {
            var part = text.AsSpan(start, end - start);
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                var shown = part.ToString();
                return Error(RecurrenceErrorCode.Syntax, null, start, $"Rule part '{shown}' at position {start} is not NAME=VALUE.");
            }

            var name = part[..equals].ToString().ToUpperInvariant();
            var valueStart = start + equals + 1;
            var value = text.AsSpan(valueStart, end - valueStart);
            if (!IsKnown(name))
            {
                return Error(RecurrenceErrorCode.Syntax, name, start, $"Unknown rule part '{part[..equals].ToString()}' at position {start}.");
            }

            if (!_positions.TryAdd(name, start))
            {
                return Error(RecurrenceErrorCode.Syntax, name, start, $"{name} appears more than once (again at position {start}).");
            }

            if (value.IsEmpty)
            {
                return Error(RecurrenceErrorCode.Syntax, name, valueStart, $"{name} has no value at position {valueStart}.");
            }

            return name switch
            {
                RuleParts.Freq => ReadFrequency(value, valueStart),
                RuleParts.Interval => ReadPositive(name, value, valueStart, out _interval),
                RuleParts.Count => ReadCount(value, valueStart),
                RuleParts.Until => ReadUntil(value, valueStart),
                RuleParts.ByDay => ReadByDay(value, valueStart),
                RuleParts.WeekStart => ReadWeekStart(value, valueStart),
                _ => ReadNumberList(name, value, valueStart, out ListFor(name)),
            };
        }

        public RecurrenceError? Build(out RecurrenceRule? rule)
        {
            rule = null;
            if (_frequency is not { } frequency)
            {
                return Error(RecurrenceErrorCode.Missing, RuleParts.Freq, 0, "The rule has no FREQ part; FREQ is required (RFC 5545 section 3.3.10).");
            }

            var combination = RuleParts.CheckCombination(
                frequency, _count.HasValue, _until.HasValue, _byDay is null ? [] : _byDay.ToArray(),
                _bySecond is not null, _byMinute is not null, _byHour is not null, _byMonthDay is not null, _byYearDay is not null,
                _byWeekNo is not null, _byMonth is not null, _bySetPos is not null,
                part => _positions.TryGetValue(part, out var at) ? at : null);
            if (combination is not null)
            {
                return combination;
            }

            rule = new RecurrenceRule(
                frequency, _interval, _count, _until, _bySecond, _byMinute, _byHour, _byDay, _byMonthDay, _byYearDay,
                _byWeekNo, _byMonth, _bySetPos, _weekStart);
            return null;
        }

        private static bool IsKnown(string name) => name is RuleParts.Freq or RuleParts.Interval or RuleParts.Count
            or RuleParts.Until or RuleParts.BySecond or RuleParts.ByMinute or RuleParts.ByHour or RuleParts.ByDay
            or RuleParts.ByMonthDay or RuleParts.ByYearDay or RuleParts.ByWeekNo or RuleParts.ByMonth
            or RuleParts.BySetPos or RuleParts.WeekStart;

        private ref List<int>? ListFor(string name)
        {
            switch (name)
            {
                case RuleParts.BySecond: return ref _bySecond;
                case RuleParts.ByMinute: return ref _byMinute;
                case RuleParts.ByHour: return ref _byHour;
                case RuleParts.ByMonthDay: return ref _byMonthDay;
                case RuleParts.ByYearDay: return ref _byYearDay;
                case RuleParts.ByWeekNo: return ref _byWeekNo;
                case RuleParts.ByMonth: return ref _byMonth;
                default: return ref _bySetPos;
            }
        }

        private RecurrenceError? ReadFrequency(ReadOnlySpan<char> value, int at)
        {
            for (var frequency = RecurrenceFrequency.Secondly; frequency <= RecurrenceFrequency.Yearly; frequency++)
            {
                if (value.Equals(RecurrenceRuleFormatter.FrequencyName(frequency), StringComparison.OrdinalIgnoreCase))
                {
                    _frequency = frequency;
                    return null;
                }
            }

            return Error(RecurrenceErrorCode.Syntax, RuleParts.Freq, at,
                $"FREQ value '{value.ToString()}' at position {at} is not one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY.");
        }

        private RecurrenceError? ReadCount(ReadOnlySpan<char> value, int at)
        {
            var error = ReadPositive(RuleParts.Count, value, at, out var count);
            _count = count;
            return error;
        }

        private RecurrenceError? ReadPositive(string name, ReadOnlySpan<char> value, int at, out int result)
        {
            result = 1;
            if (!TryReadInteger(value, allowSign: true, out var number))
            {
                return Error(RecurrenceErrorCode.Syntax, name, at, $"{name} value '{value.ToString()}' at position {at} is not a whole number.");
            }

            if (RuleParts.CheckPositive(name, number) is { } message)
            {
                return Error(RecurrenceErrorCode.OutOfRange, name, at, $"{message[..^1]} (at position {at}).");
            }

            result = (int)number;
            return null;
        }

        private RecurrenceError? ReadUntil(ReadOnlySpan<char> value, int at)
        {
            if (TryReadUntil(value, out var until, out var problem))
            {
                if (RuleParts.CheckUntil(until) is { } message)
                {
                    return Error(RecurrenceErrorCode.OutOfRange, RuleParts.Until, at, $"{message[..^1]} (at position {at}).");
                }

                _until = until;
                return null;
            }

            return Error(RecurrenceErrorCode.Syntax, RuleParts.Until, at,
                $"UNTIL value '{value.ToString()}' at position {at} {problem}; expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ.");
        }

        private RecurrenceError? ReadWeekStart(ReadOnlySpan<char> value, int at)
        {
            if (Weekdays.TryParse(value, out _weekStart))
            {
                return null;
            }

            return Error(RecurrenceErrorCode.Syntax, RuleParts.WeekStart, at, $"WKST value '{value.ToString()}' at position {at} is not one of MO, TU, WE, TH, FR, SA, SU.");
        }

        private RecurrenceError? ReadByDay(ReadOnlySpan<char> value, int at)
        {
            _byDay = [];
            for (var start = 0; start <= value.Length; start = NextItem(value, start))
            {
                var item = Item(value, start);
                var itemAt = at + start;
                if (item.Length < 2 || !Weekdays.TryParse(item[^2..], out var day))
                {
                    return Error(RecurrenceErrorCode.Syntax, RuleParts.ByDay, itemAt,
                        $"BYDAY value '{item.ToString()}' at position {itemAt} is not a weekday such as MO, 2TU or -1FR.");
                }

                long ordinal = 0;
                var ordinalText = item[..^2];
                if (!ordinalText.IsEmpty && !TryReadInteger(ordinalText, allowSign: true, out ordinal))
                {
                    return Error(RecurrenceErrorCode.Syntax, RuleParts.ByDay, itemAt,
                        $"BYDAY value '{item.ToString()}' at position {itemAt} has an ordinal that is not a whole number.");
                }

                if (!ordinalText.IsEmpty && (ordinal == 0 || Math.Abs(ordinal) > RuleParts.MaxOrdinal))
                {
                    return Error(RecurrenceErrorCode.OutOfRange, RuleParts.ByDay, itemAt,
                        $"BYDAY value '{item.ToString()}' at position {itemAt} has ordinal {ordinal}: use 1 to {RuleParts.MaxOrdinal} or -{RuleParts.MaxOrdinal} to -1.");
                }

                _byDay.Add(new OrdinalWeekday(day, (int)ordinal));
            }

            return null;
        }

        private RecurrenceError? ReadNumberList(string name, ReadOnlySpan<char> value, int at, out List<int>? list)
        {
            list = [];
            for (var start = 0; start <= value.Length; start = NextItem(value, start))
            {
                var item = Item(value, start);
                var itemAt = at + start;
                if (!TryReadInteger(item, allowSign: true, out var number))
                {
                    return Error(RecurrenceErrorCode.Syntax, name, itemAt,
                        $"{name} value '{item.ToString()}' at position {itemAt} is not a whole number.");
                }

                if (RuleParts.CheckValue(name, number) is { } message)
                {
                    return Error(RecurrenceErrorCode.OutOfRange, name, itemAt, $"{message[..^1]} (at position {itemAt}).");
                }

                list.Add((int)number);
            }

            return null;
        }

        /// <summary>The comma-separated item that starts at <paramref name="start"/>.</summary>
        private static ReadOnlySpan<char> Item(ReadOnlySpan<char> list, int start)
        {
            var length = list[start..].IndexOf(',');
            return length < 0 ? list[start..] : list.Slice(start, length);
        }

        /// <summary>Where the item after the one at <paramref name="start"/> starts; past the end when there is none.</summary>
        private static int NextItem(ReadOnlySpan<char> list, int start)
        {
            var length = list[start..].IndexOf(',');
            return length < 0 ? list.Length + 1 : start + length + 1;
        }

        /// <summary>
        /// Reads a run of ASCII digits with an optional sign. A number too large for a long saturates, so that the
        /// range check, not the reader, reports it: a value too large is out of range, not a syntax error.
        /// </summary>
        private static bool TryReadInteger(ReadOnlySpan<char> text, bool allowSign, out long value)
        {
            value = 0;
            var negative = false;
            if (allowSign && text.Length > 0 && (text[0] == '+' || text[0] == '-'))
            {
                negative = text[0] == '-';
                text = text[1..];
            }

            if (text.IsEmpty)
            {
                return false;
            }

            const long Saturated = long.MaxValue / 10;
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = value >= Saturated ? Saturated : (value * 10) + (c - '0');
            }

            value = negative ? -value : value;
            return true;
        }

        private static bool TryReadUntil(ReadOnlySpan<char> text, out RecurrenceUntil until, out string problem)
        {
            until = default;
            problem = "is not a date or date-time";
            if (text.Length != 8 && text.Length != 15 && text.Length != 16)
            {
                return false;
            }

            if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(4, 2), out var month) || !TryDigits(text.Slice(6, 2), out var day))
            {
                return false;
            }

            if (year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                problem = "is not a real date";
                return false;
            }

            var date = new LocalDate(year, month, day);
            if (text.Length == 8)
            {
                until = RecurrenceUntil.FromDate(date);
                return true;
            }

            if ((text[8] != 'T' && text[8] != 't')
                || !TryDigits(text.Slice(9, 2), out var hour) || !TryDigits(text.Slice(11, 2), out var minute) || !TryDigits(text.Slice(13, 2), out var second))
            {
                return false;
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                problem = "is not a real time of day";
                return false;
            }

            var local = date.At(new LocalTime(hour, minute, second));
            if (text.Length == 15)
            {
                until = RecurrenceUntil.FromLocalDateTime(local);
                return true;
            }

            if (text[15] != 'Z' && text[15] != 'z')
            {
                return false;
            }

            until = RecurrenceUntil.FromInstant(local.InUtc().ToInstant());
            return true;
        }

        private static bool TryDigits(ReadOnlySpan<char> text, out int value)
        {
            var read = TryReadInteger(text, allowSign: false, out var number);
            value = (int)number;
            return read;
        }

        private static RecurrenceError Error(RecurrenceErrorCode code, string? part, int position, string message) =>
            new(code, message, part, position);
    }
}
