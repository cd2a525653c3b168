using NodaTime;

namespace Scheduling.Benchmarks.Workloads;

/// <summary>
/// One recurrence expansion workload: a series (DTSTART and RRULE in an IANA zone), a window, and the number of
/// occurrences every reference implementation agrees start in that window.
/// </summary>
/// <param name="Name">The short name benchmarks are parameterised by, such as <c>W1</c>.</param>
/// <param name="Title">What the workload exercises, in a few words.</param>
/// <param name="Zone">The time zone DTSTART and the window are read in.</param>
/// <param name="Start">DTSTART, a local date-time in <paramref name="Zone"/>.</param>
/// <param name="Rule">The RRULE text, without the <c>RRULE:</c> prefix.</param>
/// <param name="LocalFrom">The inclusive start of the window, local time in <paramref name="Zone"/>.</param>
/// <param name="LocalTo">The exclusive end of the window, local time in <paramref name="Zone"/>.</param>
/// <param name="Occurrences">The number of occurrences whose start instant lies in the window.</param>
public sealed record ExpansionWorkload(
    string Name,
    string Title,
    DateTimeZone Zone,
    LocalDateTime Start,
    string Rule,
    LocalDateTime LocalFrom,
    LocalDateTime LocalTo,
    int Occurrences)
{
    /// <summary>Gets the inclusive start of the window as an instant (a local time in a gap or overlap read leniently).</summary>
    public Instant From => LocalFrom.InZoneLeniently(Zone).ToInstant();

    /// <summary>Gets the exclusive end of the window as an instant (a local time in a gap or overlap read leniently).</summary>
    public Instant To => LocalTo.InZoneLeniently(Zone).ToInstant();

    /// <summary>
    /// Throws when <paramref name="actual"/> is not the agreed number of occurrences: a benchmark of a wrong answer
    /// measures nothing worth knowing.
    /// </summary>
    /// <param name="actual">The number of occurrences the code under measurement produced.</param>
    /// <param name="producer">Who produced them, for the message.</param>
    /// <exception cref="InvalidOperationException">The count differs from <see cref="Occurrences"/>.</exception>
    public void VerifyCount(int actual, string producer)
    {
        if (actual != Occurrences)
        {
            throw new InvalidOperationException(
                $"{producer} produced {actual} occurrences for {Name} ({Title}: {Rule} from {Start:uuuu-MM-dd'T'HH:mm:ss} in {Zone.Id}), but {Occurrences} are expected.");
        }
    }
}
