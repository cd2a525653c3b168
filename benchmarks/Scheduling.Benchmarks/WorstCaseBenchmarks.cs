using BenchmarkDotNet.Attributes;
using NodaTime;
using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.InMemory;

namespace Scheduling.Benchmarks;

/// <summary>
/// Measures the slowest legal inputs found under the documented limits. This part: recurring series whose COUNT
/// (up to 1,000,000) or sparse times of day would make a page far from DTSTART walk from DTSTART, each read as a page
/// of 100 through <see cref="SessionService"/> over the in-memory store, and as <c>RecurrenceSet.Between(...).Take(100)</c>
/// on the engine alone.
/// </summary>
/// <remarks>
/// <para>Where a COUNT rule ends is found once per rule and local DTSTART and remembered for the process, so every
/// series is measured twice. <em>Cold</em>: a series with a DTSTART never seen before (one period of the rule later on each call),
/// so nothing remembered helps; <c>ServiceSeriesCold</c> also writes that series to a new in-memory store before
/// reading its page, as a first query after the series is created would. <em>Warm</em>: the same series and service
/// on every call, as every query after the first.</para>
/// <para>The target: under 10 ms for a page of 100, cold or warm, wherever the window is.</para>
/// </remarks>
[MemoryDiagnoser]
public partial class WorstCaseBenchmarks
{
    private const string SeriesTenant = "worst";
    private static readonly CallerContext SeriesCaller = CallerContext.Host(SeriesTenant);
    private static readonly IClock SeriesClock = new FixedClock(Instant.FromUtc(2000, 1, 1, 0, 0));

    private readonly Dictionary<string, RecurrenceSet> _warmSets = [];
    private readonly Dictionary<string, SessionService> _warmServices = [];
    private long _coldCalls;

    /// <summary>The series measured: names for the method arguments, in the order the table shows them.</summary>
    /// <returns>The series names.</returns>
    public static IEnumerable<string> SeriesNames() => WorstSeries.All.Keys;

    /// <summary>
    /// Builds, for every series, the set and a service holding it (its own store and tenant), reads each page once so
    /// the warm benchmarks start warm, and checks each page holds the agreed number of occurrences.
    /// </summary>
    /// <exception cref="InvalidOperationException">A page differs from the agreed count.</exception>
    [GlobalSetup(Targets = new[] { nameof(EnginePageCold), nameof(EnginePageWarm), nameof(ServiceSeriesCold), nameof(ServicePageWarm) })]
    public void SetupSeries()
    {
        foreach (var (name, series) in WorstSeries.All)
        {
            var set = series.Set(series.Start);
            _warmSets[name] = set;
            _warmServices[name] = ServiceHolding(series, series.Start);
            Verify(name, "engine", set.Between(series.From, series.To).Take(100).Count());
            Verify(name, "service", ServicePageWarm(name).Items.Length);
            Verify(name, "cold engine", EnginePageCold(name));
            Verify(name, "cold service", ServiceSeriesCold(name).Items.Length);
        }
    }

    /// <summary>A page of 100 from the engine for a series with a DTSTART never seen before: plan, COUNT end and seek.</summary>
    /// <param name="series">The series name.</param>
    /// <returns>The number of occurrences on the page.</returns>
    [Benchmark]
    [ArgumentsSource(nameof(SeriesNames))]
    public int EnginePageCold(string series)
    {
        var worst = WorstSeries.All[series];
        return worst.Set(FreshStart(worst)).Between(worst.From, worst.To).Take(100).Count();
    }

    /// <summary>A page of 100 from the engine for a set built once: the seek alone.</summary>
    /// <param name="series">The series name.</param>
    /// <returns>The number of occurrences on the page.</returns>
    [Benchmark]
    [ArgumentsSource(nameof(SeriesNames))]
    public int EnginePageWarm(string series)
    {
        var worst = WorstSeries.All[series];
        return _warmSets[series].Between(worst.From, worst.To).Take(100).Count();
    }

    /// <summary>
    /// A series with a DTSTART never seen before written to a new in-memory store, then its first page of 100 read
    /// through <see cref="SessionService"/>: the whole first-time cost of such a series.
    /// </summary>
    /// <param name="series">The series name.</param>
    /// <returns>The page.</returns>
    [Benchmark]
    [ArgumentsSource(nameof(SeriesNames))]
    public CursorPage<Session> ServiceSeriesCold(string series)
    {
        var worst = WorstSeries.All[series];
        return Page(ServiceHolding(worst, FreshStart(worst)), worst);
    }

    /// <summary>A page of 100 through <see cref="SessionService"/> for a series it has read before.</summary>
    /// <param name="series">The series name.</param>
    /// <returns>The page.</returns>
    [Benchmark]
    [ArgumentsSource(nameof(SeriesNames))]
    public CursorPage<Session> ServicePageWarm(string series) => Page(_warmServices[series], WorstSeries.All[series]);

    private static CursorPage<Session> Page(SessionService service, WorstSeries series) =>
        service.QuerySessionsAsync(SeriesCaller, new SessionQuery { From = series.From, To = series.To, PageSize = 100 }).AsTask().GetAwaiter().GetResult();

    private static SessionService ServiceHolding(WorstSeries series, LocalDateTime start)
    {
        var service = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), SeriesClock);
        service.CreateRecurringSessionAsync(SeriesCaller, new NewRecurringSession
        {
            ScheduleId = "schedule-1",
            ScheduleOwnerId = "staff-1",
            Details = new SessionDetails { Title = series.Name },
            Start = start,
            Zone = series.Zone,
            Duration = Duration.FromSeconds(1),
            Rule = series.Rule,
        }).AsTask().GetAwaiter().GetResult();
        return service;
    }

    private static void Verify(string series, string path, int count)
    {
        var expected = WorstSeries.All[series].PageCount;
        if (count != expected)
        {
            throw new InvalidOperationException($"{series}: the {path} page holds {count} occurrences, not the agreed {expected}.");
        }
    }

    /// <summary>
    /// DTSTART moved on by one more period of the rule on every call, so no call finds its COUNT end remembered while
    /// the times of day the rule reaches stay the same (a second would move an 82-second rule off its even seconds).
    /// Starts come round again after 4,099 calls, when the process has let go of more than the 4,096 ends it keeps.
    /// A yearly rule without COUNT keeps its start: nothing is remembered for it.
    /// </summary>
    private LocalDateTime FreshStart(WorstSeries series) => series.Start.PlusSeconds(((++_coldCalls % 4_099) + 1) * series.PeriodSeconds);

    /// <summary>One slow series: a rule, its start, and a window far from the start.</summary>
    private sealed record WorstSeries(string Name, string ZoneId, string StartText, string RuleText, Instant From, Instant To, int PageCount)
    {
        /// <summary>
        /// Dense COUNT rules from 2000 with windows past their end, in their last day and at the end of year 9999;
        /// sub-daily INTERVALs that do not divide a day (the times of day they reach change from day to day);
        /// INTERVALs longer than a day whose times of day match once in centuries; BYSETPOS on a sub-daily rule;
        /// a yearly rule with every second of the year asked for in December (its page comes after some 31 million
        /// candidates of the same period); and a series that starts in year 9999.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, WorstSeries> All = new[]
        {
            new WorstSeries("Sec31stLastDay", "America/New_York", "2000-01-01T00:00:00", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=1000000", Instant.FromUtc(2001, 8, 31, 4, 0), Instant.FromUtc(2001, 9, 1, 4, 0), 100),
            new WorstSeries("Sec31stIn3000", "America/New_York", "2000-01-01T00:00:00", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=1000000", Instant.FromUtc(3000, 1, 31, 0, 0), Instant.FromUtc(3000, 2, 1, 0, 0), 0),
            new WorstSeries("MinQ1EndOf9999", "America/New_York", "2000-01-01T00:00:00", "FREQ=MINUTELY;COUNT=1000000;BYMONTH=1,2,3", Instant.FromUtc(9999, 12, 1, 0, 0), SupportedRange.End, 0),
            new WorstSeries("MinQ1LastYear", "America/New_York", "2000-01-01T00:00:00", "FREQ=MINUTELY;COUNT=1000000;BYMONTH=1,2,3", Instant.FromUtc(2007, 1, 10, 0, 0), Instant.FromUtc(2007, 1, 11, 0, 0), 100),
            new WorstSeries("Sec82sTwoHours", "Australia/Lord_Howe", "2036-08-19T20:14:24", "FREQ=SECONDLY;INTERVAL=82;COUNT=1000000;BYSECOND=4;BYHOUR=1,14", Instant.FromUtc(2500, 6, 1, 0, 0), Instant.FromUtc(2500, 8, 1, 0, 0), 100),
            new WorstSeries("Min7SetPosOn31st", "UTC", "2000-01-01T00:00:00", "FREQ=MINUTELY;INTERVAL=7;BYSECOND=1,2,3;BYSETPOS=2;COUNT=1000000;BYMONTHDAY=31", Instant.FromUtc(2500, 1, 31, 0, 0), Instant.FromUtc(2500, 2, 1, 0, 0), 100),
            new WorstSeries("Sec86401sMidnight", "UTC", "2000-01-01T00:00:00", "FREQ=SECONDLY;INTERVAL=86401;COUNT=1000000;BYHOUR=0;BYMINUTE=0;BYSECOND=0", Instant.FromUtc(9999, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 0, 0), 0),
            new WorstSeries("Hour25hMidnight", "UTC", "2000-01-01T00:00:00", "FREQ=HOURLY;INTERVAL=25;COUNT=1000000;BYHOUR=0", Instant.FromUtc(5000, 1, 1, 0, 0), Instant.FromUtc(5000, 12, 31, 0, 0), 14),
            new WorstSeries("YearlyEverySecondDec", "UTC", "2025-01-01T00:00:00", EverySecondOfTheYear, Instant.FromUtc(2025, 12, 30, 0, 0), Instant.FromUtc(2025, 12, 31, 0, 0), 100),
            new WorstSeries("SecDec9999", "Pacific/Kiritimati", "9999-01-01T00:00:00", "FREQ=SECONDLY;COUNT=1000000;BYMONTH=12", Instant.FromUtc(9999, 12, 5, 0, 0), Instant.FromUtc(9999, 12, 6, 0, 0), 100),
        }.ToDictionary(series => series.Name);

        /// <summary>Every second of every day of the year: one yearly period of some 31.6 million candidates.</summary>
        private static string EverySecondOfTheYear =>
            $"FREQ=YEARLY;BYMONTH={Values(1, 12)};BYMONTHDAY={Values(1, 31)};BYHOUR={Values(0, 23)};BYMINUTE={Values(0, 59)};BYSECOND={Values(0, 59)}";

        public DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[ZoneId];

        public RecurrenceRule Rule { get; } = RecurrenceRule.Parse(RuleText);

        public LocalDateTime Start { get; } = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(StartText).GetValueOrThrow();

        public long PeriodSeconds => Rule.Interval * Rule.Frequency switch
        {
            RecurrenceFrequency.Secondly => 1L,
            RecurrenceFrequency.Minutely => 60L,
            RecurrenceFrequency.Hourly => 3_600L,
            _ => 0L,
        };

        public RecurrenceSet Set(LocalDateTime start) => new(start, Zone, Rule);

        private static string Values(int first, int last) => string.Join(',', Enumerable.Range(first, last - first + 1));
    }
}
