using BenchmarkDotNet.Attributes;
using NodaTime;
using Scheduling.Benchmarks.Workloads;

namespace Scheduling.Benchmarks;

/// <summary>
/// The reference point for <see cref="ExpansionBenchmarks"/>: the loop one writes by hand with NodaTime and no
/// recurrence engine. It steps the local date-time a day at a time from DTSTART, reads each in the zone with
/// <see cref="LocalDateTime.InZoneLeniently"/>, and keeps the ones that start in the window in a
/// <see cref="List{T}"/> of <see cref="ZonedDateTime"/>.
/// </summary>
/// <remarks>
/// <para>Only the workloads such a loop can express without growing into an engine: W1 (daily), W2 (weekly on
/// Monday, Wednesday and Friday) and W5 (daily since 2000, one month in 2030). The loop has no COUNT, UNTIL or seek:
/// on W5 it walks thirty years to find one month, which is exactly what an engine that seeks should beat.</para>
/// <para>Lenient zone reading agrees with RFC 5545 section 3.3.5 (a time in a gap moves forward by the gap, an
/// ambiguous time takes its first occurrence), so the loop yields the same starts as the engine.</para>
/// <para>Per-occurrence cost = Mean / the workload's occurrence count (W1 365, W2 1563, W5 31). Run with
/// <c>--join</c> to see the engine's figures beside this baseline, with a Ratio column, in one table.</para>
/// </remarks>
[MemoryDiagnoser]
public class NaiveNodaTimeBaseline
{
    private LocalDateTime _start;
    private DateTimeZone _zone = null!;
    private Instant _from;
    private Instant _to;
    private bool _mondayWednesdayFridayOnly;

    /// <summary>Gets or sets the name of the workload being measured.</summary>
    [Params("W1", "W2", "W5")]
    public string Workload { get; set; } = "W1";

    /// <summary>Resolves the workload and its window, then checks that the loop yields the agreed number of occurrences.</summary>
    /// <exception cref="NotSupportedException">The workload is not one the naive loop covers.</exception>
    /// <exception cref="InvalidOperationException">The loop produces a different number of occurrences.</exception>
    [GlobalSetup]
    public void Setup()
    {
        var workload = ExpansionWorkloads.Named(Workload);
        _mondayWednesdayFridayOnly = workload.Rule switch
        {
            "FREQ=DAILY" => false,
            "FREQ=WEEKLY;BYDAY=MO,WE,FR" => true,
            _ => throw new NotSupportedException($"The naive loop covers FREQ=DAILY and FREQ=WEEKLY;BYDAY=MO,WE,FR, not {workload.Name}'s {workload.Rule}."),
        };
        _start = workload.Start;
        _zone = workload.Zone;
        _from = workload.From;
        _to = workload.To;
        workload.VerifyCount(Materialize().Count, nameof(NaiveNodaTimeBaseline));
    }

    /// <summary>
    /// Measures the hand-written loop: from DTSTART to the end of the window, a day at a time, each day read in the
    /// zone and, when it starts in the window, added to a new list.
    /// </summary>
    /// <returns>The starts in the window, in the series' zone.</returns>
    [Benchmark(Baseline = true)]
    public List<ZonedDateTime> Materialize()
    {
        var starts = new List<ZonedDateTime>();
        for (var local = _start; ; local = local.PlusDays(1))
        {
            // W2 as one writes it by hand: walk every day and keep Monday, Wednesday and Friday. Stepping +2, +2, +3
            // days would hard-code this one rule's shape, which is the start of writing a recurrence engine.
            if (_mondayWednesdayFridayOnly
                && local.DayOfWeek is not (IsoDayOfWeek.Monday or IsoDayOfWeek.Wednesday or IsoDayOfWeek.Friday))
            {
                continue;
            }

            var zoned = local.InZoneLeniently(_zone);
            var instant = zoned.ToInstant();
            if (instant >= _to)
            {
                return starts;
            }

            if (instant >= _from)
            {
                starts.Add(zoned);
            }
        }
    }
}
