using Scheduling.Testing;

namespace Scheduling.Recurrence.Tests.Properties;

/// <summary>
/// Invariants of expansion on generated rules, DST-heavy zones, starts across the whole supported range (years 1 and
/// 9999 included) and windows near and far from the start.
/// </summary>
public sealed class ExpansionProperties
{
    private static readonly string[] Zones =
    [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "Pacific/Apia", "Asia/Tehran",
        "America/St_Johns", "Pacific/Chatham", "Europe/Dublin", "UTC", "Etc/GMT-14", "Etc/GMT+12", "Pacific/Kiritimati",
    ];

    /// <summary>The most occurrences a walk from DTSTART may take before a case is left to the other properties.</summary>
    private const int WalkLimit = 20_000;

    /// <summary>The most occurrences the oracle walk of the seek property takes: walking is the slow path it checks against.</summary>
    private const int SeekWalkLimit = 2_000;

    [Fact]
    public void Windows_are_ascending_unique_inside_and_the_sum_of_their_halves()
    {
        var random = PropertyRuns.RandomSource(salt: 3);
        var generator = new RuleGenerator(random);
        for (var i = 0; i < PropertyRuns.Cases(400); i++)
        {
            var set = DrawSet(random, generator);
            var (from, to) = DrawWindow(random, set, nearStart: generator.Maybe(0.5));
            var context = Describe(set, from, to);

            var window = set.Between(from, to).Take(WalkLimit).ToList();
            window.Should().NotContain(o => o.Start < from || o.Start >= to || !SupportedRange.Contains(o.Start), context);
            window.Zip(window.Skip(1)).Should().NotContain(pair => pair.First.Start >= pair.Second.Start, context);
            if (window.Count == WalkLimit)
            {
                continue;
            }

            var middle = from + Duration.FromSeconds(random.NextInt64(0, Math.Max(1, (long)(to - from).TotalSeconds)));
            var halves = set.Between(from, middle).Concat(set.Between(middle, to)).ToList();
            halves.Should().Equal(window, context + $", split at {middle}");
        }
    }

    [Fact]
    public void Seeking_to_a_window_gives_what_walking_from_the_start_gives()
    {
        var random = PropertyRuns.RandomSource(salt: 4);
        var generator = new RuleGenerator(random);
        var compared = 0;
        for (var i = 0; i < PropertyRuns.Cases(400); i++)
        {
            var set = DrawSet(random, generator);
            var (from, to) = DrawWindow(random, set, nearStart: true);
            var walked = new List<Occurrence>();
            var steps = 0;
            var walk = () =>
            {
                foreach (var occurrence in set.All())
                {
                    if (occurrence.Start >= to || ++steps > SeekWalkLimit)
                    {
                        break;
                    }

                    if (occurrence.Start >= from)
                    {
                        walked.Add(occurrence);
                    }
                }
            };
            walk.Should().NotThrow(Describe(set, from, to));

            if (steps > SeekWalkLimit)
            {
                continue;
            }

            set.Between(from, to).ToList().Should().Equal(walked, Describe(set, from, to));
            compared++;
        }

        compared.Should().BeGreaterThan(PropertyRuns.Cases(400) / 2);
    }

    [Fact]
    public void Count_gives_the_first_occurrences_of_the_same_rule_without_it()
    {
        var random = PropertyRuns.RandomSource(salt: 5);
        var generator = new RuleGenerator(random);
        for (var i = 0; i < PropertyRuns.Cases(300); i++)
        {
            var rule = generator.ExpandableRule();
            var count = rule.Count ?? random.Next(1, 300);
            var counted = WithCount(rule, count);
            var open = WithCount(rule, null);

            // A zone without DST: no two local times share an instant, so COUNT is exactly the number yielded. In the
            // first days of the supported range a zone ahead of UTC would put the first occurrences before its start:
            // they still count but are not yielded, so only UTC and a zone behind it are drawn there.
            var start = DrawStart(random);
            var zone = DateTimeZoneProviders.Tzdb[start.Year == 1
                ? generator.Pick("UTC", "Etc/GMT+12")
                : generator.Pick("UTC", "Etc/GMT-14", "Etc/GMT+12", "Asia/Kolkata")];
            var countedSet = new RecurrenceSet(start, zone, counted);
            var expected = new RecurrenceSet(start, zone, open).All().Take(count).ToList();
            var context = $"{counted} from {start} in {zone.Id}";

            countedSet.All().ToList().Should().Equal(expected, context);
            if (expected.Count > 2)
            {
                // A window that starts in the middle (a seek) holds the counted occurrences from there on.
                var from = expected[expected.Count / 2].Start;
                countedSet.Between(from, SupportedRange.End).ToList().Should().Equal(expected.Skip(expected.Count / 2), context);
            }
        }
    }

    private static RecurrenceRule WithCount(RecurrenceRule rule, int? count) => new(
        rule.Frequency, rule.Interval, count, null, rule.BySecond, rule.ByMinute, rule.ByHour, rule.ByDay, rule.ByMonthDay,
        rule.ByYearDay, rule.ByWeekNo, rule.ByMonth, rule.BySetPosition, rule.WeekStart);

    private static RecurrenceSet DrawSet(Random random, RuleGenerator generator)
    {
        var zone = DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]];
        var rule = generator.ExpandableRule();
        var start = DrawStart(random);
        LocalDateTime[] exceptions = generator.Maybe(0.2) ? [start] : [];
        return new RecurrenceSet(start, zone, rule, exceptionDates: exceptions);
    }

    /// <summary>A start anywhere in the supported range, often at its very edges.</summary>
    private static LocalDateTime DrawStart(Random random)
    {
        var seconds = random.Next(86_400);
        var time = new LocalTime(seconds / 3600, seconds / 60 % 60, seconds % 60);
        return random.Next(6) switch
        {
            0 => new LocalDate(1, 1, 2).PlusDays(random.Next(60)).At(time),
            1 => new LocalDate(9999, 12, 30).PlusDays(-random.Next(60)).At(time),
            2 => new LocalDate(random.Next(1, 10_000), random.Next(1, 13), random.Next(1, 29)).At(time),
            _ => new LocalDate(random.Next(1990, 2040), random.Next(1, 13), random.Next(1, 29)).At(time),
        };
    }

    /// <summary>A window near DTSTART (up to a few hundred periods away), or anywhere after it.</summary>
    private static (Instant From, Instant To) DrawWindow(Random random, RecurrenceSet set, bool nearStart)
    {
        var unit = set.Rule!.Frequency switch
        {
            RecurrenceFrequency.Secondly => 1L,
            RecurrenceFrequency.Minutely => 60L,
            RecurrenceFrequency.Hourly => 3_600L,
            RecurrenceFrequency.Daily => 86_400L,
            RecurrenceFrequency.Weekly => 7 * 86_400L,
            RecurrenceFrequency.Monthly => 30 * 86_400L,
            _ => 365 * 86_400L,
        } * set.Rule.Interval;
        var start = set.Start.InZoneLeniently(set.Zone).ToInstant();
        var last = SupportedRange.End.ToUnixTimeSeconds();
        var fromSeconds = nearStart
            ? start.ToUnixTimeSeconds() + (random.NextInt64(-3, 300) * unit)
            : random.NextInt64(start.ToUnixTimeSeconds(), last);
        var length = Math.Min(random.NextInt64(1, 200) * unit, 400L * 86_400);
        var from = Instant.FromUnixTimeSeconds(Math.Clamp(fromSeconds, SupportedRange.Start.ToUnixTimeSeconds(), last));
        var to = Instant.FromUnixTimeSeconds(Math.Min(from.ToUnixTimeSeconds() + length, last));
        return (from, to);
    }

    private static string Describe(RecurrenceSet set, Instant from, Instant to) =>
        $"{set.Rule} from {set.Start} in {set.Zone.Id}{(set.ExceptionDates.IsEmpty ? string.Empty : " without DTSTART")}, window [{from}, {to})";
}
