using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.PostgreSql;
using Scheduling.Stores.Sqlite;

namespace Scheduling.Benchmarks;

/// <summary>
/// The durable stores under the workload of <see cref="QueryBenchmarks"/>: inserting 20,000 sessions (10,000 weekly
/// series in five zones and 10,000 single sessions, in batches of 1,000), and the one-month query of March 2025
/// through the sessions API (first page of 100, page 50 from page 49's cursor, the whole month in pages of 1,000).
/// </summary>
/// <remarks>
/// Run by hand: SQLite uses a file in the temp folder; PostgreSQL needs <c>SCHEDULING_POSTGRES</c> (see
/// <c>.ci/postgres.sh</c>). Each iteration is one call (the Monitoring strategy), and the page benchmarks call 20
/// times per iteration. Insert cost per session = mean / 20,000. Page50 calls a fresh service each time (a host that
/// did not serve page 49); WholeMonth walks on one fresh service, reusing each page's work for the next.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class StoreBenchmarks
{
    private const int PageCalls = 20;
    private const string Tenant = "bench";
    private static readonly string[] Zones = ["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney", "Asia/Tokyo"];
    private static readonly Instant Now = Instant.FromUtc(2025, 1, 1, 0, 0);
    private readonly CallerContext _caller = CallerContext.Host(Tenant);
    private ISessionStore _sessions = null!;
    private IRecurringSessionStore _series = null!;
    private SessionQuery _month = null!;
    private string _page49Cursor = null!;
    private SchedulingOptions _options = null!;
    private ICursorKeyStore _cursorKeys = null!;
    private string? _sqliteFolder;
    private string? _postgresSchema;

    /// <summary>Gets or sets the store: <c>Sqlite</c> or <c>PostgreSql</c>.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>Creates the store, fills tenant "bench" and finds page 49's cursor.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_sessions, _series, _cursorKeys) = Store == "Sqlite" ? CreateSqlite() : CreatePostgreSql();
        Insert(Tenant).GetAwaiter().GetResult();
        _options = new SchedulingOptions();
        _month = new SessionQuery { From = Instant.FromUtc(2025, 3, 1, 0, 0), To = Instant.FromUtc(2025, 4, 1, 0, 0) };
        var service = Service();
        var page = service.QuerySessionsAsync(_caller, _month).AsTask().GetAwaiter().GetResult();
        for (var number = 2; number < 50; number++)
        {
            page = service.QuerySessionsAsync(_caller, page.NextCursor!).AsTask().GetAwaiter().GetResult();
        }

        _page49Cursor = page.NextCursor ?? throw new InvalidOperationException("The month has fewer than 50 pages of 100.");
    }

    /// <summary>Drops the benchmark's database or schema.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        if (_sqliteFolder is not null)
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        if (_postgresSchema is not null)
        {
            using var connection = new NpgsqlConnection(PostgresConnectionString());
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA {_postgresSchema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>Inserts 10,000 weekly series and 10,000 single sessions for a new tenant, in batches of 1,000.</summary>
    [Benchmark]
    public Task Insert20000Sessions() => Insert("insert-" + Guid.NewGuid().ToString("N"));

    /// <summary>The first page of 100 of the month, 20 times.</summary>
    [Benchmark(OperationsPerInvoke = PageCalls)]
    public async Task FirstPage()
    {
        var service = Service();
        for (var i = 0; i < PageCalls; i++)
        {
            await service.QuerySessionsAsync(_caller, _month);
        }
    }

    /// <summary>Page 50 of 100 from page 49's cursor, 20 times, each on a service that did not serve page 49.</summary>
    [Benchmark(OperationsPerInvoke = PageCalls)]
    public async Task Page50()
    {
        for (var i = 0; i < PageCalls; i++)
        {
            await Service().QuerySessionsAsync(_caller, _page49Cursor);
        }
    }

    /// <summary>Every item of the month in pages of 1,000.</summary>
    /// <returns>The number of items.</returns>
    [Benchmark]
    public async Task<int> WholeMonth()
    {
        var service = Service();
        var page = await service.QuerySessionsAsync(_caller, _month with { PageSize = 1_000 });
        var count = page.Items.Length;
        while (page.NextCursor is { } cursor)
        {
            page = await service.QuerySessionsAsync(_caller, cursor);
            count += page.Items.Length;
        }

        return count;
    }

    private static string PostgresConnectionString() =>
        Environment.GetEnvironmentVariable("SCHEDULING_POSTGRES")
        ?? throw new InvalidOperationException("Set SCHEDULING_POSTGRES to an Npgsql connection string (source .ci/postgres.sh && postgres_start).");

    // Every service shares the store's cursor key, as hosts over one database do: a cursor one issued, another continues.
    private SessionService Service() => new(_sessions, _series, _cursorKeys, new FixedClock(Now), _options);

    private (ISessionStore, IRecurringSessionStore, ICursorKeyStore) CreateSqlite()
    {
        _sqliteFolder = Path.Combine(Path.GetTempPath(), "scheduling-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_sqliteFolder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_sqliteFolder, "bench.db") }.ToString();
        return (new SqliteSessionStore(connectionString), new SqliteRecurringSessionStore(connectionString), new SqliteCursorKeyStore(connectionString));
    }

    private (ISessionStore, IRecurringSessionStore, ICursorKeyStore) CreatePostgreSql()
    {
        _postgresSchema = "bench_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(PostgresConnectionString()))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {_postgresSchema}", connection);
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(PostgresConnectionString()) { SearchPath = _postgresSchema }.ToString();
        return (new PostgreSqlSessionStore(connectionString), new PostgreSqlRecurringSessionStore(connectionString), new PostgreSqlCursorKeyStore(connectionString));
    }

    /// <summary>The workload of <see cref="QueryBenchmarks"/>, written straight into the stores in batches of 1,000.</summary>
    private async Task Insert(string tenant)
    {
        var rules = new Dictionary<IsoDayOfWeek, RecurrenceRule>();
        var series = new List<(RecurringSession, Instant?)>(1_000);
        for (var i = 0; i < 10_000; i++)
        {
            var start = new LocalDateTime(2025, 1, 6, 7 + (i % 12), i * 5 % 60).PlusDays(i % 7);
            var rule = rules.TryGetValue(start.DayOfWeek, out var known)
                ? known
                : rules[start.DayOfWeek] = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=" + start.DayOfWeek.ToString()[..2].ToUpperInvariant());
            series.Add((new RecurringSession
            {
                Id = $"series-{i:00000}",
                ScheduleId = $"schedule-{i % 200}",
                ScheduleOwnerId = $"staff-{i % 50}",
                Details = new SessionDetails { Title = "Class", Capacity = 12 },
                Start = start,
                Zone = DateTimeZoneProviders.Tzdb[Zones[i % Zones.Length]],
                Duration = Duration.FromMinutes(60),
                Rule = rule,
                IdentityStart = start,
                Revision = 1,
                CreatedAt = Now,
                UpdatedAt = Now,
            }, null));
            if (series.Count == 1_000)
            {
                await Expect(_series.InsertManyAsync(tenant, series, CancellationToken.None));
                series.Clear();
            }
        }

        var sessions = new List<Session>(1_000);
        for (var i = 0; i < 10_000; i++)
        {
            var start = Instant.FromUtc(2025, 1, 1, 6, 0) + Duration.FromMinutes(i * 52L);
            sessions.Add(new Session
            {
                Id = $"session-{i:00000}",
                ScheduleId = $"schedule-{i % 200}",
                ScheduleOwnerId = $"staff-{i % 50}",
                Details = new SessionDetails { Title = "Appointment" },
                Start = CalendarDateTime.AtInstant(start),
                End = CalendarDateTime.AtInstant(start + Duration.FromMinutes(45)),
                Revision = 1,
                CreatedAt = Now,
                UpdatedAt = Now,
            });
            if (sessions.Count == 1_000)
            {
                await Expect(_sessions.InsertManyAsync(tenant, sessions, CancellationToken.None));
                sessions.Clear();
            }
        }
    }

    private static async Task Expect(ValueTask<bool> insert)
    {
        if (!await insert)
        {
            throw new InvalidOperationException("A batch insert was refused.");
        }
    }
}
