using System.Text;
using Scheduling.Cli;

namespace Scheduling.Cli.Tests;

/// <summary>What a run of the command line did: its exit code and what it wrote, split into lines.</summary>
internal sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    /// <summary>Gets standard output as lines, without the final empty one.</summary>
    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>scheduling</c> in this process with <paramref name="args"/> and <paramref name="input"/> on standard input.</summary>
    public static CommandLineRun InProcess(string[] args, string input) => InProcess(args, input, TimeProvider.System);

    /// <summary>Runs <c>scheduling</c> in this process with <paramref name="args"/> and <paramref name="input"/>, budgets measured by <paramref name="time"/>.</summary>
    public static CommandLineRun InProcess(string[] args, string input, TimeProvider time)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exitCode = SchedulingCommandLine.Run(args, new StandardStreams(new StringReader(input), output, error), time);
        return new CommandLineRun(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>Runs <c>scheduling</c> in this process with <paramref name="args"/> and nothing on standard input.</summary>
    public static CommandLineRun InProcess(params string[] args) => InProcess(args, input: string.Empty);
}
