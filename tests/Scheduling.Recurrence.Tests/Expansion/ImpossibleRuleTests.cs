namespace Scheduling.Recurrence.Tests.Expansion;

/// <summary>
/// A rule whose parts can never meet is found out when the set is built: it is valid (RFC 5545 does not forbid it),
/// holds DTSTART only, and its expansion does no work at all.
/// </summary>
public sealed class ImpossibleRuleTests
{
    public static TheoryData<string> RulesThatNeverMatch() =>
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=2",
        "FREQ=YEARLY;BYYEARDAY=-366;BYMONTH=12",
        "FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=4,6,9,11",
        "FREQ=YEARLY;BYYEARDAY=1;BYMONTHDAY=2",
        "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7",
        "FREQ=YEARLY;BYMONTH=2;BYDAY=6MO",
        "FREQ=YEARLY;BYWEEKNO=20;BYYEARDAY=1",
        "FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1,2,3,4,5,6,7",
        "FREQ=MONTHLY;BYMONTH=2;BYDAY=-5TU;BYMONTHDAY=8,9,10,11,12,13,14",
        "FREQ=HOURLY;BYYEARDAY=366;BYMONTH=1",
        "FREQ=SECONDLY;BYYEARDAY=60;BYMONTH=1",
        "FREQ=MINUTELY;BYYEARDAY=100;BYMONTHDAY=1",
        "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=-31",
    ];

    [Theory]
    [MemberData(nameof(RulesThatNeverMatch))]
    public void Impossible_rule_is_detected_when_the_set_is_built_and_expands_without_work(string rule)
    {
        var set = Series.Create("Europe/London", "2024-01-01T09:00", rule);

        set.RuleNeverRecurs.Should().BeTrue();

        // With room for one empty period only, anything that walked would give up with ExpansionLimitExceeded.
        set.All().WithMaxEmptyPeriods(1).Select(o => o.ToString()).Should().Equal("2024-01-01T09:00:00+00:00");
        set.Between(Instant.FromUtc(5000, 1, 1, 0, 0), Instant.FromUtc(5001, 1, 1, 0, 0)).WithMaxEmptyPeriods(1).Should().BeEmpty();
    }

    [Fact]
    public void Time_of_day_that_always_falls_on_another_weekday_is_detected_when_the_set_is_built()
    {
        // Every 63 minutes from a Friday 21:45 reaches 04:57 once a week, always on a Friday: never on a Tuesday.
        var set = Series.Create("Pacific/Apia", "2012-10-12T21:45:56", "FREQ=MINUTELY;INTERVAL=63;BYMINUTE=57;BYHOUR=4,18,21;BYDAY=TU");

        set.RuleNeverRecurs.Should().BeTrue();
        set.All().WithMaxEmptyPeriods(1).Select(o => o.LocalStart).Should().Equal(set.Start);
    }

    [Fact]
    public void Time_of_day_on_the_weekday_it_falls_on_is_not_mistaken_for_an_impossible_one()
    {
        var set = Series.Create("Pacific/Apia", "2012-10-12T21:45:56", "FREQ=MINUTELY;INTERVAL=63;BYMINUTE=57;BYHOUR=4,18,21;BYDAY=FR");

        set.RuleNeverRecurs.Should().BeFalse();
        set.All().Skip(1).Take(2).Select(o => o.LocalStart).Should().Equal(Series.Local("2012-10-19T04:57:56"), Series.Local("2012-10-26T04:57:56"));
    }

    public static TheoryData<string> RareRulesThatDoMatch() =>
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=12",
        "FREQ=YEARLY;BYYEARDAY=60;BYMONTHDAY=29",
        "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=12",
        "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH",
        "FREQ=YEARLY;BYMONTH=2;BYDAY=5SU",
        "FREQ=YEARLY;BYDAY=53FR",
        "FREQ=MONTHLY;BYMONTH=2;BYDAY=5FR",
        "FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=29,30,31",
        "FREQ=HOURLY;BYYEARDAY=-1;BYMONTH=12;BYMONTHDAY=31",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
    ];

    [Theory]
    [MemberData(nameof(RareRulesThatDoMatch))]
    public void Rare_rule_is_not_mistaken_for_an_impossible_one(string rule)
    {
        var set = Series.Create("UTC", "2024-01-01T09:00", rule);

        set.RuleNeverRecurs.Should().BeFalse();
        set.All().Take(3).Should().HaveCount(3);
    }

    [Fact]
    public void Set_without_a_rule_never_recurs_by_rule_is_false()
    {
        Series.Create("UTC", "2024-01-01T09:00", null).RuleNeverRecurs.Should().BeFalse();
    }
}
