using System.Text.Json;
using NodaTime.Text;

namespace Scheduling.Recurrence.Tests.Differential;

/// <summary>
/// Compares the engine with python-dateutil, an independent implementation, on a few hundred generated rules in
/// eleven zones. The golden file is produced by generate_dateutil_golden.py (see its header) and committed, so the
/// test needs no Python.
/// </summary>
/// <remarks>
/// The generator reads local times by RFC 5545 section 3.3.5 (a gap time takes the offset before the gap, an
/// ambiguous time its first occurrence), which is how Python's zoneinfo reads them with fold=0; where dateutil's
/// own habits differ from the RFC (it drops a DTSTART its rule does not produce), the generator keeps only cases on
/// which the two agree by construction, and the RFC wins: see the script's header.
/// </remarks>
public sealed class DateutilDifferentialTests
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly Lazy<IReadOnlyDictionary<string, GoldenCase>> Cases = new(Load);

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Golden_file_holds_a_few_hundred_cases()
    {
        Cases.Value.Should().HaveCountGreaterThanOrEqualTo(300);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Expansion_matches_dateutil(string id)
    {
        var golden = Cases.Value[id];
        var zone = DateTimeZoneProviders.Tzdb[golden.Tz];
        var rule = string.IsNullOrEmpty(golden.Rrule) ? null : RecurrenceRule.Parse(golden.Rrule);
        var set = golden.Dtstart.Length == 10
            ? RecurrenceSet.ForAllDay(Date(golden.Dtstart), zone, rule, golden.Rdate.Select(Date), golden.Exdate.Select(Date))
            : new RecurrenceSet(Local(golden.Dtstart), zone, rule, golden.Rdate.Select(Local), golden.Exdate.Select(Local));

        var actual = set.Between(Local(golden.From).InZoneLeniently(zone).ToInstant(), Local(golden.To).InZoneLeniently(zone).ToInstant())
            .ToList()
            .Select(o => o.ToString());

        actual.Should().Equal(golden.Occurrences, $"case {id}: {golden.Rrule} from {golden.Dtstart} in {golden.Tz}");
    }

    private static LocalDateTime Local(string text) => LocalPattern.Parse(text).GetValueOrThrow();

    private static LocalDate Date(string text) => DatePattern.Parse(text).GetValueOrThrow();

    private static IReadOnlyDictionary<string, GoldenCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Differential", "dateutil-golden.jsonl");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<GoldenCase>(line, options)!)
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    private sealed record GoldenCase(
        string Id,
        string Tz,
        string Dtstart,
        string? Rrule,
        List<string> Exdate,
        List<string> Rdate,
        string From,
        string To,
        List<string> Occurrences);
}
