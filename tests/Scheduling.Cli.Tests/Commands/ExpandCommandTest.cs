namespace Scheduling.Cli.Tests.Commands;

public class ExpandCommandTest
{
    private static readonly string[] BerlinMondays =
        ["expand", "--rrule", "FREQ=WEEKLY;BYDAY=MO", "--dtstart", "2025-01-06T09:00", "--tz", "Europe/Berlin", "--from", "2025-01-01T00:00", "--to", "2025-03-01T00:00"];

    [Fact]
    public void Issue_example_prints_one_occurrence_per_line_with_its_offset()
    {
        var run = CommandLineRun.InProcess(BerlinMondays);

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Output.Should().Be(string.Concat(
            "2025-01-06T09:00:00+01:00\n", "2025-01-13T09:00:00+01:00\n", "2025-01-20T09:00:00+01:00\n", "2025-01-27T09:00:00+01:00\n",
            "2025-02-03T09:00:00+01:00\n", "2025-02-10T09:00:00+01:00\n", "2025-02-17T09:00:00+01:00\n", "2025-02-24T09:00:00+01:00\n"));
    }

    [Fact]
    public void Local_times_with_and_without_seconds_mean_the_same()
    {
        var withSeconds = CommandLineRun.InProcess(
            "expand", "--rrule", "FREQ=WEEKLY;BYDAY=MO", "--dtstart", "2025-01-06T09:00:00", "--tz", "Europe/Berlin", "--from", "2025-01-01T00:00:00", "--to", "2025-03-01T00:00:00");

        withSeconds.Output.Should().Be(CommandLineRun.InProcess(BerlinMondays).Output);
    }

    [Fact]
    public void Exdates_and_rdates_may_be_repeated_and_comma_separated()
    {
        var run = CommandLineRun.InProcess([
            .. BerlinMondays,
            "--exdate", "2025-01-13T09:00,2025-01-20T09:00", "--exdate", "2025-02-03T09:00:00",
            "--rdate", "2025-01-07T12:00", "--rdate", "2025-02-28T18:00, 2025-02-11T08:00"]);

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines.Should().Equal(
            "2025-01-06T09:00:00+01:00", "2025-01-07T12:00:00+01:00", "2025-01-27T09:00:00+01:00", "2025-02-10T09:00:00+01:00",
            "2025-02-11T08:00:00+01:00", "2025-02-17T09:00:00+01:00", "2025-02-24T09:00:00+01:00", "2025-02-28T18:00:00+01:00");
    }

    [Fact]
    public void Without_a_rule_prints_dtstart_and_the_rdates()
    {
        var run = CommandLineRun.InProcess(
            "expand", "--dtstart", "2025-01-06T09:00", "--rdate", "2025-01-08T09:00", "--tz", "Europe/Berlin", "--from", "2025-01-01T00:00", "--to", "2025-03-01T00:00");

        run.OutputLines.Should().Equal("2025-01-06T09:00:00+01:00", "2025-01-08T09:00:00+01:00");
    }

    [Fact]
    public void Date_dtstart_prints_an_all_day_series_as_dates()
    {
        var run = CommandLineRun.InProcess(
            "expand", "--rrule", "FREQ=DAILY;COUNT=4", "--dtstart", "2025-01-06", "--exdate", "2025-01-07", "--tz", "Europe/Berlin", "--from", "2025-01-01", "--to", "2025-03-01T00:00");

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines.Should().Equal("2025-01-06", "2025-01-08", "2025-01-09");
    }

    [Fact]
    public void Spring_forward_gap_shifts_that_day_only()
    {
        var run = CommandLineRun.InProcess(
            "expand", "--rrule", "FREQ=DAILY;COUNT=10", "--dtstart", "2025-03-05T02:30", "--tz", "America/New_York", "--from", "2025-03-09T00:00", "--to", "2025-03-11T00:00");

        run.OutputLines.Should().Equal("2025-03-09T03:30:00-04:00", "2025-03-10T02:30:00-04:00");
    }

    [Fact]
    public void Bad_rule_names_the_part_and_position_on_stderr_with_exit_code_2_and_no_output()
    {
        var run = CommandLineRun.InProcess(
            "expand", "--rrule", "FREQ=WEEKLY;BYDAY=XX", "--dtstart", "2025-01-06T09:00", "--tz", "Europe/Berlin", "--from", "2025-01-01T00:00", "--to", "2025-03-01T00:00");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().StartWith("scheduling expand: rrule 'FREQ=WEEKLY;BYDAY=XX' is invalid in BYDAY at position 18: ");
    }

    [Theory]
    [InlineData("--tz", "Europe/Berln", "tz 'Europe/Berln' is not a known IANA time zone id")]
    [InlineData("--dtstart", "2025-01-06T25:00", "dtstart '2025-01-06T25:00' is not a valid date or local date-time: hour 25 is out of range 0-23")]
    [InlineData("--from", "2025-01-01T00:00Z", "from '2025-01-01T00:00Z' is not a valid date or local date-time: it has a UTC offset")]
    [InlineData("--to", "2024-01-01T00:00", "from 2025-01-01T00:00:00 is after to 2024-01-01T00:00:00")]
    [InlineData("--exdate", "2025-01-13", "exdate '2025-01-13' is a date, but dtstart is a date-time")]
    [InlineData("--rrule", "FREQ=SECONDLY", "the window holds more than 100,000 occurrences")]
    public void Bad_value_is_named_on_stderr_with_exit_code_2_and_no_output(string option, string value, string message)
    {
        var run = CommandLineRun.InProcess(With(option, value));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().StartWith($"scheduling expand: {message}");
    }

    [Theory]
    [InlineData("--dtstart")]
    [InlineData("--tz")]
    [InlineData("--from")]
    [InlineData("--to")]
    public void Missing_required_option_is_named_with_exit_code_2_and_no_output(string option)
    {
        var index = Array.IndexOf(BerlinMondays, option);
        var run = CommandLineRun.InProcess([.. BerlinMondays[..index], .. BerlinMondays[(index + 2)..]]);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain($"Option '{option}' is required");
    }

    [Fact]
    public void Unknown_option_is_an_error_with_exit_code_2_and_no_output()
    {
        var run = CommandLineRun.InProcess([.. BerlinMondays, "--count", "3"]);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("'--count'");
    }

    [Fact]
    public void Jsonl_takes_no_other_option()
    {
        var run = CommandLineRun.InProcess("expand", "--jsonl", "--tz", "Europe/Berlin");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("--jsonl reads every request from standard input and takes no other option; remove --tz.");
    }

    [Fact]
    public void Jsonl_answers_each_line_and_exits_0_even_when_some_lines_fail()
    {
        var run = CommandLineRun.InProcess(
            ["expand", "--jsonl"],
            """
            {"id":1,"tz":"UTC","dtstart":"2025-01-06T09:00","rrule":"FREQ=DAILY;COUNT=2","from":"2025-01-01T00:00","to":"2025-02-01T00:00"}
            {"id":2,"tz":"Nowhere/City","dtstart":"2025-01-06T09:00","from":"2025-01-01T00:00","to":"2025-02-01T00:00"}
            """);

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.OutputLines.Should().Equal(
            """{"id":1,"occurrences":["2025-01-06T09:00:00+00:00","2025-01-07T09:00:00+00:00"]}""",
            """{"id":2,"error":"tz 'Nowhere/City' is not a known IANA time zone id (ids are case-sensitive, for example America/New_York)"}""");
    }

    [Fact]
    public void Help_lists_every_option_under_the_tools_name()
    {
        var run = CommandLineRun.InProcess("expand", "--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("scheduling expand [options]");
        foreach (var option in new[] { "--rrule", "--dtstart", "--tz", "--from", "--to", "--exdate", "--rdate", "--jsonl", "--budget" })
        {
            run.Output.Should().Contain(option);
        }
    }

    [Fact]
    public void Root_help_lists_the_expand_command()
    {
        var run = CommandLineRun.InProcess("--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("scheduling [command] [options]").And.Contain("expand");
    }

    [Fact]
    public void No_command_is_an_error_with_exit_code_2()
    {
        var run = CommandLineRun.InProcess();

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("scheduling --help");
    }

    private static string[] With(string option, string value)
    {
        var args = BerlinMondays.ToList();
        var index = args.IndexOf(option);
        if (index < 0)
        {
            args.AddRange([option, value]);
        }
        else
        {
            args[index + 1] = value;
        }

        return [.. args];
    }
}
