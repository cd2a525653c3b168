using BenchmarkDotNet.Attributes;
using NodaTime;
using Scheduling.Benchmarks.Workloads;
using Scheduling.Recurrence;

namespace Scheduling.Benchmarks;

/// <summary>
/// Measures <see cref="RecurrenceSet.Between"/> on the expansion workloads W1 to W8: the cost of expanding one
/// window of an already built set, either into a list or as a stream.
/// </summary>
/// <remarks>
/// <para>Parsing the rule, building the set and resolving the window happen once, in <see cref="Setup"/>, as they
/// would for a series that is stored and queried many times; they are not measured.</para>
/// <para>Per-occurrence cost = Mean / the workload's occurrence count (W1 365, W2 1563, W3 120, W4 27, W5 31, W6 70,
/// W7 60, W8 10). Compare it with <see cref="NaiveNodaTimeBaseline"/>, the hand-written NodaTime loop, on W1, W2 and
/// W5; run with <c>--join</c> to see the two side by side, with a Ratio column, in one table.</para>
/// </remarks>
[MemoryDiagnoser]
public class ExpansionBenchmarks
{
    private RecurrenceSet _set = null!;
    private Instant _from;
    private Instant _to;

    /// <summary>Gets or sets the name of the workload being measured.</summary>
    [Params("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8")]
    public string Workload { get; set; } = "W1";

    /// <summary>
    /// Parses the rule, builds the recurrence set and resolves the window, then checks that expansion yields the
    /// agreed number of occurrences.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine produces a different number of occurrences.</exception>
    [GlobalSetup]
    public void Setup()
    {
        var workload = ExpansionWorkloads.Named(Workload);
        _set = new RecurrenceSet(workload.Start, workload.Zone, RecurrenceRule.Parse(workload.Rule));
        _from = workload.From;
        _to = workload.To;
        workload.VerifyCount(_set.Between(_from, _to).Count(), nameof(RecurrenceSet) + "." + nameof(RecurrenceSet.Between));
        workload.VerifyCount(Materialize().Count, nameof(Materialize));
        workload.VerifyCount(Stream(), nameof(Stream));
    }

    /// <summary>
    /// Measures expanding the window into a new <see cref="List{T}"/> of <see cref="Occurrence"/>: enumeration plus
    /// the list and its growth (24 bytes an occurrence, doubled as it grows).
    /// </summary>
    /// <returns>The occurrences in the window.</returns>
    [Benchmark]
    public List<Occurrence> Materialize() => _set.Between(_from, _to).ToList();

    /// <summary>
    /// Measures enumerating the window with <c>foreach</c> and counting, storing nothing: the engine's own cost.
    /// Allocated bytes here are the engine's allocations per call; none should grow with the number of occurrences.
    /// </summary>
    /// <returns>The number of occurrences in the window.</returns>
    [Benchmark]
    public int Stream()
    {
        var count = 0;
        foreach (var _ in _set.Between(_from, _to))
        {
            count++;
        }

        return count;
    }
}
