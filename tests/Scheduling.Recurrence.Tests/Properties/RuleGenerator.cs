namespace Scheduling.Recurrence.Tests.Properties;

/// <summary>Draws rule values from a seeded random source: mostly plausible, sometimes at or past every limit.</summary>
internal sealed class RuleGenerator(Random random)
{
    private static readonly int[] Extremes = [int.MinValue, int.MinValue + 1, -1_000_000_000, -367, -1, 0, 61, 367, 999_999_999, 1_000_000_000, int.MaxValue];

    /// <summary>Values that may break any range or combination rule.</summary>
    public RuleValues AnyValues()
    {
        var frequency = (RecurrenceFrequency)random.Next(7);
        return new RuleValues(
            frequency,
            Maybe(0.3) ? Pick(1, 2, 3, 15, 999_999_999, 1_000_000_000, 0, -4, int.MaxValue) : null,
            Maybe(0.3) ? Pick(1, 5, 1_000_000, 1_000_001, 999_999_999, 0, -3) : null,
            Maybe(0.15) ? AnyUntil() : null,
            Maybe(0.2) ? (IsoDayOfWeek)random.Next(1, 8) : null,
            AnyList(0, 60),
            AnyList(0, 59),
            AnyList(0, 23),
            Maybe(0.3) ? Days(allowOrdinals: true, maxOrdinal: 53) : null,
            AnyList(-31, 31),
            AnyList(-366, 366),
            AnyList(-53, 53),
            AnyList(1, 12),
            AnyList(-366, 366));
    }

    /// <summary>Valid values for a rule that expands to a modest number of occurrences per period.</summary>
    public RecurrenceRule ExpandableRule()
    {
        while (true)
        {
            var frequency = (RecurrenceFrequency)random.Next(7);
            var values = new RuleValues(
                frequency,
                Maybe(0.4) ? random.Next(1, frequency < RecurrenceFrequency.Daily ? 90 : 5) : null,
                Maybe(0.35) ? random.Next(1, 300) : null,
                null,
                Maybe(0.2) ? (IsoDayOfWeek)random.Next(1, 8) : null,
                frequency == RecurrenceFrequency.Secondly ? SmallList(0, 59, 0.5) : SmallList(0, 59, 0.15),
                frequency <= RecurrenceFrequency.Minutely ? SmallList(0, 59, 0.5) : SmallList(0, 59, 0.15),
                frequency <= RecurrenceFrequency.Hourly ? SmallList(0, 23, 0.5) : SmallList(0, 23, 0.2),
                Maybe(0.3) ? Days(allowOrdinals: frequency >= RecurrenceFrequency.Monthly, maxOrdinal: frequency == RecurrenceFrequency.Monthly ? 5 : 53) : null,
                frequency == RecurrenceFrequency.Weekly ? null : SignedList(31, 0.25),
                frequency is RecurrenceFrequency.Yearly or < RecurrenceFrequency.Daily ? SignedList(366, 0.15) : null,
                frequency == RecurrenceFrequency.Yearly ? SignedList(53, 0.15) : null,
                SmallList(1, 12, 0.25),
                Maybe(0.15) ? [Pick(1, 2, -1, -2, 3)] : null);
            try
            {
                return values.Construct();
            }
            catch (RecurrenceException)
            {
                // A combination RFC 5545 forbids (BYSETPOS alone, an ordinal with BYWEEKNO...): draw again.
            }
        }
    }

    public bool Maybe(double probability) => random.NextDouble() < probability;

    public T Pick<T>(params T[] values) => values[random.Next(values.Length)];

    private RecurrenceUntil AnyUntil() => random.Next(6) switch
    {
        0 => RecurrenceUntil.FromDate(new LocalDate(1, 1, 1)),
        1 => RecurrenceUntil.FromInstant(Instant.FromUtc(9999, 12, 31, 12, 0)),
        2 => RecurrenceUntil.FromLocalDateTime(new LocalDateTime(9999, 12, 30, 23, 59, 59)),
        3 => RecurrenceUntil.FromDate(new LocalDate(random.Next(1, 10000), random.Next(1, 13), random.Next(1, 29))),
        _ => RecurrenceUntil.FromInstant(Instant.FromUtc(random.Next(1900, 2100), random.Next(1, 13), random.Next(1, 29), 9, 30)),
    };

    private int[]? AnyList(int min, int max)
    {
        if (!Maybe(0.25))
        {
            return null;
        }

        var values = new int[random.Next(1, 4)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Maybe(0.15) ? Pick(Extremes) : random.Next(min, max + 1);
        }

        return values;
    }

    private int[]? SmallList(int min, int max, double probability) =>
        Maybe(probability) ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(min, max + 1))] : null;

    private int[]? SignedList(int max, double probability) =>
        Maybe(probability)
            ? [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(1, max + 1) * (Maybe(0.3) ? -1 : 1))]
            : null;

    private OrdinalWeekday[] Days(bool allowOrdinals, int maxOrdinal) =>
        [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => new OrdinalWeekday(
            (IsoDayOfWeek)random.Next(1, 8),
            allowOrdinals && Maybe(0.4) ? random.Next(1, maxOrdinal + 1) * (Maybe(0.3) ? -1 : 1) : 0))];
}
