namespace Scheduling.Cli.Tests.Commands;

/// <summary><c>--budget</c>: the time one request may take; a request that runs out fails on its own.</summary>
public sealed class ExpandBudgetTest
{
    // Every second of two hours: more candidates than the engine takes between two looks at its token.
    private const string SlowLine =
        """{"id":"slow","tz":"UTC","dtstart":"2025-01-01T00:00:00","rrule":"FREQ=SECONDLY","from":"2025-01-01T00:00","to":"2025-01-01T02:00"}""";

    private const string QuickLine =
        """{"id":"quick","tz":"UTC","dtstart":"2025-01-06T09:00","rrule":"FREQ=DAILY;COUNT=2","from":"2025-01-01T00:00","to":"2025-02-01T00:00"}""";

    [Fact]
    public void Line_that_runs_out_of_its_budget_gets_an_error_and_the_next_line_is_answered()
    {
        var run = CommandLineRun.InProcess(["expand", "--jsonl", "--budget", "1"], SlowLine + "\n" + QuickLine + "\n", new BudgetSpentAtOnce(spent: 1));

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.OutputLines.Should().Equal(
            """{"id":"slow","error":"expansion ran out of its budget of 1 ms (--budget); narrow from and to, or simplify the rule"}""",
            """{"id":"quick","occurrences":["2025-01-06T09:00:00+00:00","2025-01-07T09:00:00+00:00"]}""");
    }

    [Fact]
    public void Single_request_that_runs_out_of_its_budget_is_invalid_input()
    {
        var run = CommandLineRun.InProcess(
            ["expand", "--tz", "UTC", "--dtstart", "2025-01-01T00:00:00", "--rrule", "FREQ=SECONDLY", "--from", "2025-01-01T00:00", "--to", "2025-01-01T02:00", "--budget", "1"],
            input: string.Empty,
            new BudgetSpentAtOnce(spent: 1));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("expansion ran out of its budget of 1 ms (--budget)");
    }

    [Fact]
    public void Default_budget_is_ample_for_a_million_count_rule_asked_about_far_from_its_start()
    {
        // The first request for this rule and start finds where its COUNT ends; no other test uses the start.
        var run = CommandLineRun.InProcess(
            "expand", "--tz", "UTC", "--dtstart", "2004-04-04T04:04:04", "--rrule", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=1000000",
            "--from", "2090-01-01T00:00", "--to", "2090-02-01T00:00");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().BeEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3600001")]
    public void Budget_outside_its_range_is_refused(string budget)
    {
        var run = CommandLineRun.InProcess("expand", "--jsonl", "--budget", budget);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Option '--budget' must be 1 to 3,600,000 milliseconds");
    }
}
