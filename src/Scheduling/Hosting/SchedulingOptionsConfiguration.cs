using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Hosting;

/// <summary>
/// Reads <see cref="SchedulingOptions"/> from a configuration section, each option under its property name:
/// numbers as invariant integers, <see cref="SchedulingOptions.SnapshotNamesAtBooking"/> as <c>true</c>/<c>false</c>,
/// <see cref="SchedulingOptions.MaxQueryWindow"/> as NodaTime's round-trip duration (<c>366:00:00:00</c>, days first)
/// or a <see cref="TimeSpan"/> (<c>366.00:00:00</c>), <see cref="SchedulingOptions.CursorKey"/> and each entry of the
/// <see cref="SchedulingOptions.CursorKeys"/> list as base64, and <see cref="SchedulingOptions.PayloadLimits"/> as a
/// section of its own (<c>PayloadLimits:MaxTags</c>).
/// </summary>
/// <remarks>
/// Keys the configuration gives override the baseline's values; a key that is absent or empty leaves the baseline's.
/// A key that names no option is a problem too, so a misspelt option is never silently ignored. Nothing throws: every
/// problem is added to a list, naming the key by its full path, and never quoting a key's value.
/// </remarks>
internal static class SchedulingOptionsConfiguration
{
    /// <summary>Gets the keys of the options, as the configuration spells them (compared ignoring case).</summary>
    public static ImmutableArray<string> OptionKeys { get; } =
    [
        nameof(SchedulingOptions.MaxQueryWindow),
        nameof(SchedulingOptions.DefaultPageSize),
        nameof(SchedulingOptions.MaxPageSize),
        nameof(SchedulingOptions.MaxExaminedPerPage),
        nameof(SchedulingOptions.MaxIdsPerList),
        nameof(SchedulingOptions.DefaultAttendancePageSize),
        nameof(SchedulingOptions.MaxAttendanceBatchSize),
        nameof(SchedulingOptions.SnapshotNamesAtBooking),
        nameof(SchedulingOptions.PayloadLimits),
        nameof(SchedulingOptions.CursorKey),
        nameof(SchedulingOptions.CursorKeys),
    ];

    /// <summary>Gets the keys of the payload limits, under <c>PayloadLimits</c>.</summary>
    public static ImmutableArray<string> PayloadLimitKeys { get; } =
    [
        nameof(PayloadLimits.MaxIdLength),
        nameof(PayloadLimits.MaxTextLength),
        nameof(PayloadLimits.MaxNotesLength),
        nameof(PayloadLimits.MaxTags),
        nameof(PayloadLimits.MaxParticipants),
        nameof(PayloadLimits.MaxServices),
        nameof(PayloadLimits.MaxFieldValues),
        nameof(PayloadLimits.MaxAttachments),
        nameof(PayloadLimits.MaxNoteLogEntries),
        nameof(PayloadLimits.MaxExceptionDates),
        nameof(PayloadLimits.MaxExtraDates),
        nameof(PayloadLimits.MaxRecordLength),
    ];

    /// <summary>The options <paramref name="configuration"/> gives over <paramref name="baseline"/>; problems are added to <paramref name="problems"/>.</summary>
    public static SchedulingOptions Read(IConfiguration configuration, SchedulingOptions baseline, List<string> problems)
    {
        var options = new SectionReader(configuration, problems);
        options.RefuseUnknownKeys(OptionKeys, "a Scheduling option");
        return new SchedulingOptions
        {
            MaxQueryWindow = options.Duration(nameof(SchedulingOptions.MaxQueryWindow)) ?? baseline.MaxQueryWindow,
            DefaultPageSize = options.Int32(nameof(SchedulingOptions.DefaultPageSize)) ?? baseline.DefaultPageSize,
            MaxPageSize = options.Int32(nameof(SchedulingOptions.MaxPageSize)) ?? baseline.MaxPageSize,
            MaxExaminedPerPage = options.Int32(nameof(SchedulingOptions.MaxExaminedPerPage)) ?? baseline.MaxExaminedPerPage,
            MaxIdsPerList = options.Int32(nameof(SchedulingOptions.MaxIdsPerList)) ?? baseline.MaxIdsPerList,
            DefaultAttendancePageSize = options.Int32(nameof(SchedulingOptions.DefaultAttendancePageSize)) ?? baseline.DefaultAttendancePageSize,
            MaxAttendanceBatchSize = options.Int32(nameof(SchedulingOptions.MaxAttendanceBatchSize)) ?? baseline.MaxAttendanceBatchSize,
            SnapshotNamesAtBooking = options.Boolean(nameof(SchedulingOptions.SnapshotNamesAtBooking)) ?? baseline.SnapshotNamesAtBooking,
            PayloadLimits = ReadPayloadLimits(options.Section(nameof(SchedulingOptions.PayloadLimits)), baseline.PayloadLimits, problems),
            CursorKey = options.Key(nameof(SchedulingOptions.CursorKey)) ?? baseline.CursorKey,
            CursorKeys = options.KeyList(nameof(SchedulingOptions.CursorKeys)) ?? baseline.CursorKeys,
        };
    }

    private static PayloadLimits ReadPayloadLimits(IConfigurationSection? section, PayloadLimits baseline, List<string> problems)
    {
        if (section is null)
        {
            return baseline;
        }

        var limits = new SectionReader(section, problems);
        limits.RefuseUnknownKeys(PayloadLimitKeys, "a payload limit");
        return baseline with
        {
            MaxIdLength = limits.Int32(nameof(PayloadLimits.MaxIdLength)) ?? baseline.MaxIdLength,
            MaxTextLength = limits.Int32(nameof(PayloadLimits.MaxTextLength)) ?? baseline.MaxTextLength,
            MaxNotesLength = limits.Int32(nameof(PayloadLimits.MaxNotesLength)) ?? baseline.MaxNotesLength,
            MaxTags = limits.Int32(nameof(PayloadLimits.MaxTags)) ?? baseline.MaxTags,
            MaxParticipants = limits.Int32(nameof(PayloadLimits.MaxParticipants)) ?? baseline.MaxParticipants,
            MaxServices = limits.Int32(nameof(PayloadLimits.MaxServices)) ?? baseline.MaxServices,
            MaxFieldValues = limits.Int32(nameof(PayloadLimits.MaxFieldValues)) ?? baseline.MaxFieldValues,
            MaxAttachments = limits.Int32(nameof(PayloadLimits.MaxAttachments)) ?? baseline.MaxAttachments,
            MaxNoteLogEntries = limits.Int32(nameof(PayloadLimits.MaxNoteLogEntries)) ?? baseline.MaxNoteLogEntries,
            MaxExceptionDates = limits.Int32(nameof(PayloadLimits.MaxExceptionDates)) ?? baseline.MaxExceptionDates,
            MaxExtraDates = limits.Int32(nameof(PayloadLimits.MaxExtraDates)) ?? baseline.MaxExtraDates,
            MaxRecordLength = limits.Int32(nameof(PayloadLimits.MaxRecordLength)) ?? baseline.MaxRecordLength,
        };
    }

    /// <summary>Reads the values of one section, each by its key, adding a problem for each one that does not read.</summary>
    private sealed class SectionReader
    {
        private const string DurationForms = "a duration is written as days:hours:minutes:seconds (NodaTime's round-trip pattern, 366:00:00:00) or as a TimeSpan (366.00:00:00)";

        private readonly IConfiguration _section;
        private readonly List<string> _problems;

        public SectionReader(IConfiguration section, List<string> problems)
        {
            _section = section;
            _problems = problems;
        }

        public void RefuseUnknownKeys(ImmutableArray<string> known, string what)
        {
            foreach (var child in _section.GetChildren())
            {
                if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    _problems.Add($"{child.Path} is not {what}; the keys are {string.Join(", ", known)}.");
                }
            }
        }

        public int? Int32(string key) =>
            Text(key) is not { } text ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
            : Problem<int>(key, $"is '{text}'; it must be a whole number");

        public bool? Boolean(string key) =>
            Text(key) is not { } text ? null
            : bool.TryParse(text, out var value) ? value
            : Problem<bool>(key, $"is '{text}'; it must be true or false");

        public Duration? Duration(string key)
        {
            if (Text(key) is not { } text)
            {
                return null;
            }

            var parsed = DurationPattern.Roundtrip.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span)
                ? NodaTime.Duration.FromTimeSpan(span)
                : Problem<Duration>(key, $"is '{text}'; {DurationForms}");
        }

        public ReadOnlyMemory<byte>? Key(string key) =>
            Text(key) is { } text ? Base64(_section.GetSection(key), text) : null;

        public ImmutableArray<ReadOnlyMemory<byte>>? KeyList(string key)
        {
            var list = _section.GetSection(key);
            var entries = list.GetChildren().ToList();
            if (entries.Count == 0)
            {
                return string.IsNullOrEmpty(list.Value)
                    ? null
                    : Problem<ImmutableArray<ReadOnlyMemory<byte>>>(key, $"must be a list of base64 keys ({key}:0, {key}:1, ...), the signing key first; for one key, set CursorKey");
            }

            var keys = new SortedList<int, ReadOnlyMemory<byte>>();
            foreach (var entry in entries)
            {
                if (!int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                {
                    _problems.Add($"{entry.Path} is not a position in the list {list.Path} (0, 1, ...).");
                }
                else if (string.IsNullOrEmpty(entry.Value) || entry.GetChildren().Any())
                {
                    _problems.Add($"{entry.Path} must be a key written as base64.");
                }
                else if (Base64(entry, entry.Value) is { } bytes)
                {
                    keys.Add(position, bytes);
                }
            }

            return [.. keys.Values];
        }

        public IConfigurationSection? Section(string key)
        {
            var section = _section.GetSection(key);
            if (section.GetChildren().Any())
            {
                return section;
            }

            if (!string.IsNullOrEmpty(section.Value))
            {
                _problems.Add($"{section.Path} must be a section ({key}:{PayloadLimitKeys[0]}, ...), not a value.");
            }

            return null;
        }

        /// <summary>The key's value; null when absent or empty (and a problem when the key holds a section instead).</summary>
        private string? Text(string key)
        {
            var value = _section.GetSection(key);
            if (value.GetChildren().Any())
            {
                _problems.Add($"{value.Path} must be a value, not a section.");
                return null;
            }

            return string.IsNullOrEmpty(value.Value) ? null : value.Value;
        }

        private ReadOnlyMemory<byte>? Base64(IConfigurationSection entry, string text)
        {
            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                // The key is a secret: the problem names where it is, never what it says.
                _problems.Add($"{entry.Path} is not valid base64; a cursor key is written as base64 (for example from 'openssl rand -base64 32').");
                return null;
            }
        }

        private T? Problem<T>(string key, string problem)
            where T : struct
        {
            _problems.Add($"{_section.GetSection(key).Path} {problem}.");
            return null;
        }
    }
}
