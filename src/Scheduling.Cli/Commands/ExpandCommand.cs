using System.CommandLine;
using System.CommandLine.Parsing;
using Scheduling.Cli.Expansion;
using Scheduling.Cli.Text;
using Scheduling.Recurrence;

namespace Scheduling.Cli.Commands;

/// <summary>
/// <c>scheduling expand</c>: the occurrences of one recurrence in a window, one per line, or with <c>--jsonl</c>
/// a stream of JSON lines requests answered one response line each.
/// </summary>
/// <remarks>
/// A bad value is reported on standard error, naming the value and why, with exit code
/// <see cref="ExitCodes.InvalidInput"/> and nothing on standard output. In <c>--jsonl</c> mode a bad line gets an
/// error response instead, and the exit code is <see cref="ExitCodes.Success"/> when the input ends.
/// </remarks>
internal sealed class ExpandCommand : Command
{
    private const string CommandDescription =
        "Print the occurrences of a recurrence that start in [--from, --to), one per line, ascending: ISO 8601 with "
        + "the UTC offset (2025-03-09T03:30:00-04:00), or a date (2025-01-06) for an all-day series.\n"
        + "Local times are read in --tz by RFC 5545 section 3.3.5: a time skipped by a DST change takes the offset "
        + "before the change, an ambiguous time its first occurrence.\n"
        + "Limits per request: 100,000 occurrences, a 100-year window and a time budget (--budget, 2,000 ms by default). "
        + "Exit codes: 0 done, 2 invalid input (the reason on standard error).";

    private readonly StandardStreams _streams;
    private readonly TimeProvider _time;

    private readonly Option<string> _rule = new("--rrule")
    {
        Description = "The recurrence rule, for example \"FREQ=WEEKLY;BYDAY=MO\". Without it the occurrences are --dtstart and the --rdate values.",
        HelpName = "rule",
    };

    private readonly Option<string> _start = new("--dtstart")
    {
        Description = "The first occurrence, a local time in --tz: 2025-01-06T09:00 or 2025-01-06T09:00:00. A date (2025-01-06) makes an all-day series.",
        HelpName = "local-time",
    };

    private readonly Option<string> _timeZone = new("--tz")
    {
        Description = "The IANA time zone every local time is read in, for example Europe/Berlin.",
        HelpName = "zone",
    };

    private readonly Option<string> _from = new("--from")
    {
        Description = "The start of the window (inclusive), a local time or date in --tz.",
        HelpName = "local-time",
    };

    private readonly Option<string> _to = new("--to")
    {
        Description = "The end of the window (exclusive), a local time or date in --tz.",
        HelpName = "local-time",
    };

    private readonly Option<string[]> _exceptionDates = new("--exdate")
    {
        Description = "An occurrence to leave out, given as --dtstart is (date-time or date). Repeat the option or separate values with commas.",
        HelpName = "local-time",
    };

    private readonly Option<string[]> _recurrenceDates = new("--rdate")
    {
        Description = "An extra occurrence, given as --dtstart is (date-time or date). Repeat the option or separate values with commas.",
        HelpName = "local-time",
    };

    private readonly Option<bool> _jsonLines = new("--jsonl")
    {
        Description = "Read requests from standard input, one JSON object per line: "
            + "{\"id\":\"c1\",\"tz\":\"America/New_York\",\"dtstart\":\"2025-01-06T18:30:00\",\"rrule\":\"FREQ=WEEKLY;BYDAY=MO\","
            + "\"exdate\":[],\"rdate\":[],\"from\":\"2025-01-01T00:00:00\",\"to\":\"2026-01-01T00:00:00\"}. "
            + "Write one line per request, in order: {\"id\":\"c1\",\"occurrences\":[...]} or {\"id\":\"c1\",\"error\":\"...\"}. "
            + "A bad line gets an error line and the stream goes on; the exit code is 0 at the end of input. Takes no other option but --budget.",
    };

    private readonly Option<int> _budget = new("--budget")
    {
        Description = "The most time one request may take to expand, in milliseconds (1 to 3,600,000; 2,000 by default). "
            + "A request that runs out fails with an error; with --jsonl its line gets an error response and the stream goes on.",
        HelpName = "milliseconds",
        DefaultValueFactory = _ => ExpansionLimits.DefaultBudgetMilliseconds,
    };

    /// <summary>Creates the command, reading and writing <paramref name="streams"/>.</summary>
    /// <param name="streams">The streams the command reads and writes.</param>
    /// <param name="time">What the budget of a request is measured by.</param>
    public ExpandCommand(StandardStreams streams, TimeProvider time)
        : base("expand", CommandDescription)
    {
        _streams = streams ?? throw new ArgumentNullException(nameof(streams));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Options.Add(_rule);
        Options.Add(_start);
        Options.Add(_timeZone);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_exceptionDates);
        Options.Add(_recurrenceDates);
        Options.Add(_jsonLines);
        Options.Add(_budget);
        Validators.Add(Validate);
        SetAction(Run);
    }

    private IEnumerable<Option> RequestOptions => [_rule, _start, _timeZone, _from, _to, _exceptionDates, _recurrenceDates];

    private void Validate(CommandResult result)
    {
        if (result.GetResult(_budget) is not null && result.GetValue(_budget) is < 1 or > ExpansionLimits.MaxBudgetMilliseconds)
        {
            result.AddError($"Option '--budget' must be 1 to {ExpansionLimits.MaxBudgetMilliseconds:N0} milliseconds, not {result.GetValue(_budget)}.");
        }

        if (result.GetValue(_jsonLines))
        {
            var given = RequestOptions.Where(option => result.GetResult(option) is not null).Select(option => option.Name).ToList();
            if (given.Count > 0)
            {
                result.AddError($"--jsonl reads every request from standard input and takes no other option; remove {string.Join(", ", given)}.");
            }

            return;
        }

        foreach (var required in new[] { _start, _timeZone, _from, _to })
        {
            if (result.GetResult(required) is null)
            {
                result.AddError($"Option '{required.Name}' is required (or use --jsonl).");
            }
        }
    }

    private int Run(ParseResult parseResult)
    {
        if (parseResult.GetValue(_jsonLines))
        {
            new JsonLinesExpander(budget: TimeSpan.FromMilliseconds(parseResult.GetValue(_budget)), time: _time).Run(_streams.Input, _streams.Output);
            return ExitCodes.Success;
        }

        var input = new ExpansionInput
        {
            TimeZone = parseResult.GetValue(_timeZone),
            Start = parseResult.GetValue(_start),
            Rule = parseResult.GetValue(_rule),
            ExceptionDates = SplitLists(parseResult.GetValue(_exceptionDates)),
            RecurrenceDates = SplitLists(parseResult.GetValue(_recurrenceDates)),
            From = parseResult.GetValue(_from),
            To = parseResult.GetValue(_to),
        };

        var occurrences = new List<Occurrence>();
        if (!ExpansionRequest.TryCreate(input, new TimeZoneCache(), out var request, out var error)
            || !request.TryExpand(occurrences, out error, TimeSpan.FromMilliseconds(parseResult.GetValue(_budget)), _time))
        {
            _streams.Error.WriteLine($"scheduling expand: {error}");
            return ExitCodes.InvalidInput;
        }

        Span<byte> line = stackalloc byte[OccurrenceFormatting.MaxLength + 1];
        foreach (var occurrence in occurrences)
        {
            var length = request.IsAllDay
                ? OccurrenceFormatting.WriteDate(occurrence, line)
                : OccurrenceFormatting.WriteDateTime(occurrence, line);
            line[length] = (byte)'\n';
            _streams.Output.Write(line[..(length + 1)]);
        }

        _streams.Output.Flush();
        return ExitCodes.Success;
    }

    /// <summary>Splits each value of a repeatable option at commas: <c>--exdate a,b --exdate c</c> gives a, b, c.</summary>
    private static string[] SplitLists(string[]? values) =>
        values is null or []
            ? []
            : [.. values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
