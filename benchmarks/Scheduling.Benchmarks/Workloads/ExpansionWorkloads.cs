using System.Collections.Frozen;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Benchmarks.Workloads;

/// <summary>
/// The expansion workloads W1 to W8, read from <c>expansion-workloads.json</c> embedded in this assembly (a copy of the
/// shared definitions, so the benchmarks need nothing outside the repository at run time).
/// </summary>
/// <remarks>Read once, on first use; thread-safe.</remarks>
public static class ExpansionWorkloads
{
    private const string ResourceName = "Scheduling.Benchmarks.Workloads.expansion-workloads.json";

    private static readonly Lazy<FrozenDictionary<string, ExpansionWorkload>> ByName = new(Load);

    /// <summary>Gets every workload, keyed by name.</summary>
    public static IReadOnlyDictionary<string, ExpansionWorkload> All => ByName.Value;

    /// <summary>Returns the workload called <paramref name="name"/>, such as <c>W1</c>.</summary>
    /// <exception cref="ArgumentException">There is no workload of that name.</exception>
    public static ExpansionWorkload Named(string name) =>
        ByName.Value.TryGetValue(name, out var workload)
            ? workload
            : throw new ArgumentException($"There is no workload named '{name}'; known: {string.Join(", ", ByName.Value.Keys.Order())}.", nameof(name));

    private static FrozenDictionary<string, ExpansionWorkload> Load()
    {
        using var stream = typeof(ExpansionWorkloads).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("workloads")
            .EnumerateArray()
            .Select(Read)
            .ToFrozenDictionary(workload => workload.Name, StringComparer.Ordinal);
    }

    private static ExpansionWorkload Read(JsonElement element)
    {
        string Text(string property) => element.GetProperty(property).GetString()
            ?? throw new InvalidOperationException($"A workload has a null '{property}'.");

        return new ExpansionWorkload(
            Name: Text("name"),
            Title: Text("title"),
            Zone: DateTimeZoneProviders.Tzdb[Text("tz")],
            Start: LocalDateTimePattern.ExtendedIso.Parse(Text("dtstart")).Value,
            Rule: Text("rrule"),
            LocalFrom: LocalDateTimePattern.ExtendedIso.Parse(Text("from")).Value,
            LocalTo: LocalDateTimePattern.ExtendedIso.Parse(Text("to")).Value,
            Occurrences: element.GetProperty("occurrences").GetInt32());
    }
}
