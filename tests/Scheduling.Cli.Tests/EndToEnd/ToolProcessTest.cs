using System.Diagnostics;

namespace Scheduling.Cli.Tests.EndToEnd;

/// <summary>Runs the built tool as its own process, as a caller would, through real pipes.</summary>
public class ToolProcessTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Jsonl_through_real_pipes_answers_every_line_in_order_and_exits_0()
    {
        const string requests =
            """
            {"id":"c1","tz":"America/New_York","dtstart":"2025-01-06T18:30:00","rrule":"FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10","exdate":["2025-01-08T18:30:00"],"rdate":[],"from":"2025-01-01T00:00:00","to":"2026-01-01T00:00:00"}

            not json
            {"id":2,"tz":"Europe/Berlin","dtstart":"2025-01-06","rrule":"FREQ=MONTHLY;COUNT=2","from":"2025-01-01","to":"2026-01-01"}
            """;

        var (exitCode, output, error) = await RunAsync(requests, "expand", "--jsonl");

        error.Should().BeEmpty();
        exitCode.Should().Be(0);
        var responses = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        responses.Should().HaveCount(3);
        responses[0].Should().Be(
            """{"id":"c1","occurrences":["2025-01-06T18:30:00-05:00","2025-01-10T18:30:00-05:00","2025-01-13T18:30:00-05:00","2025-01-15T18:30:00-05:00","2025-01-17T18:30:00-05:00","2025-01-20T18:30:00-05:00","2025-01-22T18:30:00-05:00","2025-01-24T18:30:00-05:00","2025-01-27T18:30:00-05:00"]}""");
        responses[1].Should().StartWith("""{"id":null,"error":"the line is not valid JSON: """);
        responses[2].Should().Be("""{"id":2,"occurrences":["2025-01-06","2025-02-06"]}""");
    }

    [Fact]
    public async Task Bad_value_exits_2_with_the_reason_on_stderr_and_nothing_on_stdout()
    {
        var (exitCode, output, error) = await RunAsync(
            string.Empty, "expand", "--dtstart", "2025-01-06T09:00", "--tz", "Europe/Berlin", "--from", "2025-01-01T00:00", "--to", "2025-03-01T00:00", "--rrule", "FREQ=FORTNIGHTLY");

        exitCode.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith("scheduling expand: rrule 'FREQ=FORTNIGHTLY' is invalid in FREQ at position 5: ");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Scheduling.Cli.dll");
        File.Exists(tool).Should().BeTrue($"the test project references the CLI, so {tool} is built next to the tests");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The dotnet host running these tests, so the tool runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
