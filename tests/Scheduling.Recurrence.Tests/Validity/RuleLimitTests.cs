namespace Scheduling.Recurrence.Tests.Validity;

/// <summary>The constructor and the parser hold a rule to the same ranges, and say so with the same error.</summary>
public sealed class RuleLimitTests
{
    [Theory]
    [InlineData(1_000_001)]
    [InlineData(1_000_000_000)]
    [InlineData(int.MaxValue)]
    public void Count_above_the_maximum_is_refused_by_the_constructor_and_the_parser(int count)
    {
        var construct = () => new RecurrenceRule(RecurrenceFrequency.Daily, count: count);
        construct.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange && e.Error.Part == "COUNT");

        RecurrenceRule.TryParse($"FREQ=DAILY;COUNT={count}", out _, out var error).Should().BeFalse();
        error!.Code.Should().Be(RecurrenceErrorCode.OutOfRange);
        error.Part.Should().Be("COUNT");
        error.Position.Should().Be(17);
    }

    [Fact]
    public void Count_at_the_maximum_is_accepted_by_both()
    {
        new RecurrenceRule(RecurrenceFrequency.Daily, count: RecurrenceRule.MaxCount).Count.Should().Be(1_000_000);
        RecurrenceRule.Parse("FREQ=DAILY;COUNT=1000000").Count.Should().Be(1_000_000);
    }

    [Fact]
    public void Interval_of_a_billion_is_refused_by_the_constructor_and_the_parser()
    {
        var construct = () => new RecurrenceRule(RecurrenceFrequency.Daily, interval: 1_000_000_000);
        construct.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange && e.Error.Part == "INTERVAL");

        RecurrenceRule.TryParse("FREQ=DAILY;INTERVAL=1000000000", out _, out var error).Should().BeFalse();
        error!.Code.Should().Be(RecurrenceErrorCode.OutOfRange);
        error.Part.Should().Be("INTERVAL");
        RecurrenceRule.Parse("FREQ=DAILY;INTERVAL=999999999").Interval.Should().Be(RecurrenceRule.MaxInterval);
    }

    [Fact]
    public void Number_too_long_for_any_integer_is_out_of_range_not_a_syntax_error()
    {
        RecurrenceRule.TryParse("FREQ=DAILY;COUNT=123456789012345678901234567890", out _, out var error).Should().BeFalse();

        error!.Code.Should().Be(RecurrenceErrorCode.OutOfRange);
        error.Part.Should().Be("COUNT");
    }

    public static TheoryData<string, int> ListValuesOutsideAnyRange() => new()
    {
        { "BYSECOND", int.MinValue },
        { "BYMINUTE", int.MinValue },
        { "BYHOUR", int.MaxValue },
        { "BYMONTHDAY", int.MinValue },
        { "BYYEARDAY", int.MinValue },
        { "BYWEEKNO", int.MinValue },
        { "BYMONTH", int.MinValue },
        { "BYSETPOS", int.MinValue },
        { "BYHOUR", -1 },
    };

    [Theory]
    [MemberData(nameof(ListValuesOutsideAnyRange))]
    public void Extreme_list_value_is_a_recurrence_error_from_both(string part, int value)
    {
        IEnumerable<int> values = [value];
        var construct = () => part switch
        {
            "BYSECOND" => new RecurrenceRule(RecurrenceFrequency.Yearly, bySecond: values),
            "BYMINUTE" => new RecurrenceRule(RecurrenceFrequency.Yearly, byMinute: values),
            "BYHOUR" => new RecurrenceRule(RecurrenceFrequency.Yearly, byHour: values),
            "BYMONTHDAY" => new RecurrenceRule(RecurrenceFrequency.Yearly, byMonthDay: values),
            "BYYEARDAY" => new RecurrenceRule(RecurrenceFrequency.Yearly, byYearDay: values),
            "BYWEEKNO" => new RecurrenceRule(RecurrenceFrequency.Yearly, byWeekNo: values),
            "BYMONTH" => new RecurrenceRule(RecurrenceFrequency.Yearly, byMonth: values),
            _ => new RecurrenceRule(RecurrenceFrequency.Yearly, byMonth: [1], bySetPosition: values),
        };

        construct.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange && e.Error.Part == part);
        var text = part == "BYSETPOS" ? $"FREQ=YEARLY;BYMONTH=1;BYSETPOS={value}" : $"FREQ=YEARLY;{part}={value}";
        RecurrenceRule.TryParse(text, out _, out var error).Should().BeFalse();
        error!.Code.Should().Be(RecurrenceErrorCode.OutOfRange);
        error.Part.Should().Be(part);
    }

    [Fact]
    public void Default_weekday_is_refused_by_the_constructor()
    {
        var construct = () => new RecurrenceRule(RecurrenceFrequency.Weekly, byDay: [default]);

        construct.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange && e.Error.Part == "BYDAY");
    }

    public static TheoryData<string> UntilOutsideTheSupportedRange() =>
    [
        "00010101",
        "00010101T235959",
        "00010101T235959Z",
        "99991231",
        "99991231T000000",
        "99991231T000000Z",
    ];

    [Theory]
    [MemberData(nameof(UntilOutsideTheSupportedRange))]
    public void Until_outside_the_supported_range_is_refused_by_the_parser(string until)
    {
        RecurrenceRule.TryParse($"FREQ=DAILY;UNTIL={until}", out _, out var error).Should().BeFalse();

        error!.Code.Should().Be(RecurrenceErrorCode.OutOfRange);
        error.Part.Should().Be("UNTIL");
        error.Position.Should().Be(17);
    }

    [Fact]
    public void Until_outside_the_supported_range_is_refused_by_the_constructor()
    {
        RecurrenceUntil[] outside =
        [
            RecurrenceUntil.FromDate(new LocalDate(1, 1, 1)),
            RecurrenceUntil.FromLocalDateTime(new LocalDateTime(9999, 12, 31, 0, 0)),
            RecurrenceUntil.FromInstant(Instant.FromUtc(1, 1, 1, 23, 59, 59)),
            RecurrenceUntil.FromInstant(SupportedRange.End),
        ];

        foreach (var until in outside)
        {
            var construct = () => new RecurrenceRule(RecurrenceFrequency.Daily, until: until);
            construct.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange && e.Error.Part == "UNTIL");
        }
    }

    [Fact]
    public void Until_at_the_edges_of_the_supported_range_is_accepted()
    {
        RecurrenceRule.Parse("FREQ=DAILY;UNTIL=00010102").Until!.Value.Date.Should().Be(new LocalDate(1, 1, 2));
        RecurrenceRule.Parse("FREQ=DAILY;UNTIL=99991230T235959Z").Until!.Value.Instant.Should().Be(SupportedRange.End - Duration.FromSeconds(1));
    }
}
