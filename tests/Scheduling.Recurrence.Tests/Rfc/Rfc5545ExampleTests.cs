using System.Text.Json;
using NodaTime.Text;
using Scheduling.Recurrence;

namespace Scheduling.Recurrence.Tests.Rfc;

/// <summary>
/// Every example of RFC 5545 section 3.8.5.3, transcribed into rfc5545-examples.json (with erratum 3883 applied to
/// "Every 3 hours"), expanded in America/New_York and compared occurrence by occurrence.
/// </summary>
public sealed class Rfc5545ExampleTests
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.ExtendedIso;

    public static TheoryData<string> ExampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var example in Load())
        {
            data.Add(example.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Rfc_example_expands_to_the_listed_occurrences(string name)
    {
        var example = Load().Single(e => e.Name == name);
        var zone = DateTimeZoneProviders.Tzdb[example.Tz];
        var set = new RecurrenceSet(
            LocalPattern.Parse(example.Dtstart).Value,
            zone,
            RecurrenceRule.Parse(example.Rrule),
            exceptionDates: (example.Exdate ?? []).Select(text => LocalPattern.Parse(text).Value));

        var actual = set.All().Take(example.Take).Select(o => LocalPattern.Format(o.LocalStart)).ToList();

        var expected = example.Expected.Select(text => LocalPattern.Format(LocalPattern.Parse(text).Value)).ToList();
        if (example.Complete)
        {
            actual.Should().Equal(expected, "the RFC lists the whole series");
        }
        else
        {
            actual.Should().Equal(expected, "the RFC lists the start of the series");
        }
    }

    [Fact]
    public void All_rfc_examples_are_present()
    {
        Load().Should().HaveCountGreaterThanOrEqualTo(42);
    }

    private static IReadOnlyList<Example> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Rfc", "rfc5545-examples.json");
        return JsonSerializer.Deserialize<List<Example>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private sealed record Example(
        string Name,
        string Tz,
        string Dtstart,
        string Rrule,
        int Take,
        bool Complete,
        List<string> Expected,
        List<string>? Exdate,
        string? Note);
}
