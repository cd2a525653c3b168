namespace Scheduling.Recurrence.Tests.Text;

public sealed class RecurrenceRuleParsingTests
{
    [Fact]
    public void Parses_every_part_of_a_full_rule()
    {
        var rule = RecurrenceRule.Parse("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYSECOND=0,30;BYMINUTE=15;BYHOUR=8,9;BYDAY=-1SU,2MO,TU;BYMONTHDAY=-1,1;BYYEARDAY=100,-100;BYMONTH=1,3;BYSETPOS=1,-1;WKST=SU");

        rule.Frequency.Should().Be(RecurrenceFrequency.Yearly);
        rule.Interval.Should().Be(2);
        rule.Count.Should().Be(10);
        rule.Until.Should().BeNull();
        rule.BySecond.Should().Equal(0, 30);
        rule.ByMinute.Should().Equal(15);
        rule.ByHour.Should().Equal(8, 9);
        rule.ByDay.Should().Equal(new OrdinalWeekday(IsoDayOfWeek.Sunday, -1), new OrdinalWeekday(IsoDayOfWeek.Tuesday), new OrdinalWeekday(IsoDayOfWeek.Monday, 2));
        rule.ByMonthDay.Should().Equal(-1, 1);
        rule.ByYearDay.Should().Equal(-100, 100);
        rule.ByMonth.Should().Equal(1, 3);
        rule.BySetPosition.Should().Equal(-1, 1);
        rule.WeekStart.Should().Be(IsoDayOfWeek.Sunday);
    }

    [Fact]
    public void Parses_the_seed_example_with_a_utc_until()
    {
        var rule = RecurrenceRule.Parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20220107T080000Z");

        rule.Until.Should().Be(RecurrenceUntil.FromInstant(Instant.FromUtc(2022, 1, 7, 8, 0)));
        rule.ToString().Should().Be("FREQ=WEEKLY;INTERVAL=2;UNTIL=20220107T080000Z;BYDAY=MO");
    }

    [Theory]
    [InlineData("FREQ=DAILY;UNTIL=19971224", RecurrenceUntilKind.Date)]
    [InlineData("FREQ=DAILY;UNTIL=19971224T090000", RecurrenceUntilKind.LocalDateTime)]
    [InlineData("FREQ=DAILY;UNTIL=19971224T090000Z", RecurrenceUntilKind.Instant)]
    public void Until_can_be_a_date_a_floating_date_time_or_a_utc_date_time(string text, RecurrenceUntilKind kind)
    {
        RecurrenceRule.Parse(text).Until!.Value.Kind.Should().Be(kind);
    }

    [Fact]
    public void Names_and_values_are_case_insensitive_parts_may_come_in_any_order_and_an_rrule_prefix_is_allowed()
    {
        RecurrenceRule.Parse("RRULE:byday=mo,we;freq=weekly;wkst=su").Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY;WKST=SU;BYDAY=WE,MO"));
    }

    [Theory]
    [InlineData("FREQ=DAILY")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;UNTIL=20220107T080000Z;BYDAY=MO")]
    [InlineData("FREQ=MONTHLY;COUNT=10;BYDAY=-1FR")]
    [InlineData("FREQ=YEARLY;BYDAY=20MO")]
    [InlineData("FREQ=YEARLY;BYDAY=MO;BYWEEKNO=-1,20;WKST=SU")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    [InlineData("FREQ=SECONDLY;BYSECOND=0,60")]
    [InlineData("FREQ=MINUTELY;INTERVAL=15;BYHOUR=9,10,11,12,13,14,15,16")]
    [InlineData("FREQ=DAILY;UNTIL=19971224")]
    [InlineData("FREQ=DAILY;UNTIL=19971224T090000")]
    [InlineData("FREQ=YEARLY;BYMINUTE=0,59;BYHOUR=0,23;BYYEARDAY=-366,1,366")]
    public void Canonical_text_round_trips(string canonical)
    {
        var rule = RecurrenceRule.Parse(canonical);

        rule.ToString().Should().Be(canonical);
        RecurrenceRule.Parse(rule.ToString()).Should().Be(rule);
    }

    [Fact]
    public void Canonical_text_sorts_lists_drops_duplicates_and_leaves_out_defaults()
    {
        RecurrenceRule.Parse("BYMONTH=3,1,3;INTERVAL=1;WKST=MO;FREQ=YEARLY;BYDAY=FR,MO,FR").ToString()
            .Should().Be("FREQ=YEARLY;BYDAY=MO,FR;BYMONTH=1,3");
    }

    [Fact]
    public void Rules_that_mean_the_same_are_equal_and_hash_alike()
    {
        var a = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,WE");
        var b = new RecurrenceRule(RecurrenceFrequency.Weekly, byDay: [new OrdinalWeekday(IsoDayOfWeek.Wednesday), new OrdinalWeekday(IsoDayOfWeek.Monday)]);

        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO"));
    }

    [Theory]
    [InlineData("", RecurrenceErrorCode.Missing, "FREQ", 0)]
    [InlineData("INTERVAL=2", RecurrenceErrorCode.Missing, "FREQ", 0)]
    [InlineData("FREQ=FORTNIGHTLY", RecurrenceErrorCode.Syntax, "FREQ", 5)]
    [InlineData("FREQ=DAILY;FOO=1", RecurrenceErrorCode.Syntax, "FOO", 11)]
    [InlineData("FREQ=DAILY;COUNT", RecurrenceErrorCode.Syntax, null, 11)]
    [InlineData("FREQ=DAILY;COUNT=", RecurrenceErrorCode.Syntax, "COUNT", 17)]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", RecurrenceErrorCode.Syntax, "FREQ", 11)]
    [InlineData("FREQ=DAILY;INTERVAL=0", RecurrenceErrorCode.OutOfRange, "INTERVAL", 20)]
    [InlineData("FREQ=DAILY;INTERVAL=x", RecurrenceErrorCode.Syntax, "INTERVAL", 20)]
    [InlineData("FREQ=DAILY;COUNT=0", RecurrenceErrorCode.OutOfRange, "COUNT", 17)]
    [InlineData("FREQ=DAILY;COUNT=-3", RecurrenceErrorCode.OutOfRange, "COUNT", 17)]
    [InlineData("FREQ=YEARLY;BYMONTH=1,13", RecurrenceErrorCode.OutOfRange, "BYMONTH", 22)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,,2", RecurrenceErrorCode.Syntax, "BYMONTHDAY", 26)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=0", RecurrenceErrorCode.OutOfRange, "BYMONTHDAY", 24)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-32", RecurrenceErrorCode.OutOfRange, "BYMONTHDAY", 24)]
    [InlineData("FREQ=DAILY;BYHOUR=24", RecurrenceErrorCode.OutOfRange, "BYHOUR", 18)]
    [InlineData("FREQ=DAILY;BYMINUTE=60", RecurrenceErrorCode.OutOfRange, "BYMINUTE", 20)]
    [InlineData("FREQ=DAILY;BYSECOND=61", RecurrenceErrorCode.OutOfRange, "BYSECOND", 20)]
    [InlineData("FREQ=YEARLY;BYYEARDAY=367", RecurrenceErrorCode.OutOfRange, "BYYEARDAY", 22)]
    [InlineData("FREQ=YEARLY;BYWEEKNO=54", RecurrenceErrorCode.OutOfRange, "BYWEEKNO", 21)]
    [InlineData("FREQ=YEARLY;BYDAY=MO;BYSETPOS=0", RecurrenceErrorCode.OutOfRange, "BYSETPOS", 30)]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,XX", RecurrenceErrorCode.Syntax, "BYDAY", 21)]
    [InlineData("FREQ=MONTHLY;BYDAY=0MO", RecurrenceErrorCode.OutOfRange, "BYDAY", 19)]
    [InlineData("FREQ=YEARLY;BYDAY=54MO", RecurrenceErrorCode.OutOfRange, "BYDAY", 18)]
    [InlineData("FREQ=WEEKLY;WKST=XY", RecurrenceErrorCode.Syntax, "WKST", 17)]
    [InlineData("FREQ=DAILY;UNTIL=2025-01-01", RecurrenceErrorCode.Syntax, "UNTIL", 17)]
    [InlineData("FREQ=DAILY;UNTIL=20250230", RecurrenceErrorCode.Syntax, "UNTIL", 17)]
    [InlineData("FREQ=DAILY;UNTIL=20250101T250000Z", RecurrenceErrorCode.Syntax, "UNTIL", 17)]
    [InlineData("FREQ=DAILY;COUNT=5;UNTIL=20250101", RecurrenceErrorCode.InvalidCombination, "UNTIL", 19)]
    [InlineData("FREQ=MONTHLY;BYWEEKNO=1", RecurrenceErrorCode.InvalidCombination, "BYWEEKNO", 13)]
    [InlineData("FREQ=WEEKLY;BYYEARDAY=1", RecurrenceErrorCode.InvalidCombination, "BYYEARDAY", 12)]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=1", RecurrenceErrorCode.InvalidCombination, "BYMONTHDAY", 12)]
    [InlineData("FREQ=WEEKLY;BYDAY=1MO", RecurrenceErrorCode.InvalidCombination, "BYDAY", 12)]
    [InlineData("FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", RecurrenceErrorCode.InvalidCombination, "BYDAY", 23)]
    [InlineData("FREQ=MONTHLY;BYDAY=6MO", RecurrenceErrorCode.OutOfRange, "BYDAY", 13)]
    [InlineData("FREQ=DAILY;BYSETPOS=1", RecurrenceErrorCode.InvalidCombination, "BYSETPOS", 11)]
    public void Invalid_text_is_rejected_with_the_part_and_position(string text, RecurrenceErrorCode code, string? part, int position)
    {
        RecurrenceRule.TryParse(text, out var rule, out var error).Should().BeFalse();

        rule.Should().BeNull();
        error!.Code.Should().Be(code);
        error.Part.Should().Be(part);
        error.Position.Should().Be(position);
        error.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_throws_a_recurrence_exception_carrying_the_error()
    {
        var act = () => RecurrenceRule.Parse("FREQ=DAILY;BYHOUR=8,25");

        act.Should().Throw<RecurrenceException>()
            .Where(e => e.Code == RecurrenceErrorCode.OutOfRange && e.Error.Part == "BYHOUR" && e.Error.Position == 20)
            .WithMessage("*BYHOUR value 25*position 20*");
    }

    [Fact]
    public void Constructor_validates_like_the_parser()
    {
        var act = () => new RecurrenceRule(RecurrenceFrequency.Monthly, byWeekNo: [1]);

        act.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.InvalidCombination && e.Error.Part == "BYWEEKNO");
        ((Action)(() => _ = new RecurrenceRule(RecurrenceFrequency.Daily, interval: 0))).Should().Throw<RecurrenceException>()
            .Where(e => e.Error.Part == "INTERVAL");
        ((Action)(() => _ = new RecurrenceRule(RecurrenceFrequency.Daily, byHour: [24]))).Should().Throw<RecurrenceException>()
            .Where(e => e.Error.Part == "BYHOUR" && e.Code == RecurrenceErrorCode.OutOfRange);
    }

    [Fact]
    public void Trailing_and_empty_separators_are_ignored()
    {
        RecurrenceRule.Parse("FREQ=DAILY;;COUNT=3;").Should().Be(RecurrenceRule.Parse("FREQ=DAILY;COUNT=3"));
    }
}
