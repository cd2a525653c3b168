using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text;
using Scheduling.Cli.Commands;

namespace Scheduling.Cli;

/// <summary>
/// The <c>scheduling</c> command line: its commands, and how a command line becomes an exit code.
/// </summary>
/// <remarks>
/// A command line that does not parse (an unknown option, a missing one) is reported on standard error with exit
/// code <see cref="ExitCodes.InvalidInput"/>, and standard output stays empty, so a script can tell output from
/// complaint. Help goes to standard output.
/// </remarks>
internal static class SchedulingCommandLine
{
    /// <summary>The name the tool is installed under (<c>ToolCommandName</c>), shown in help and messages.</summary>
    public const string ToolName = "scheduling";

    /// <summary>Builds the root command, whose commands read and write <paramref name="streams"/>.</summary>
    /// <param name="streams">The streams the commands read and write.</param>
    /// <param name="time">What time budgets are measured by; the system's clock by default.</param>
    /// <remarks>
    /// A plain <see cref="Command"/> rather than a <see cref="RootCommand"/>, which takes the executable's name
    /// (Scheduling.Cli): help should show the name people type. It gets the options a root command has.
    /// </remarks>
    public static Command Create(StandardStreams streams, TimeProvider? time = null) =>
        new(ToolName, "Expand RFC 5545 recurrences (RRULE, EXDATE, RDATE) in any IANA time zone.")
        {
            new HelpOption(),
            new VersionOption(),
            new ExpandCommand(streams, time ?? TimeProvider.System),
        };

    /// <summary>Runs the command line <paramref name="args"/> against <paramref name="streams"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="streams">The streams the commands read and write.</param>
    /// <param name="time">What time budgets are measured by; the system's clock by default.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, StandardStreams streams, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(streams);
        var parseResult = Create(streams, time).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                streams.Error.WriteLine($"{CommandPath(parseResult)}: {error.Message}");
            }

            streams.Error.WriteLine($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        using var help = new StreamWriter(streams.Output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true);
        var exitCode = parseResult.Invoke(new InvocationConfiguration { Output = help, Error = streams.Error });
        help.Flush();
        streams.Output.Flush();
        return exitCode;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
