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
/// One instance edit through the sessions API on a daily series whose first 2,000 instances were already edited (so
/// it is the 2,001st edit of the series): the cost of an edit must not grow with the number of edited instances,
/// since it reads and writes that one override only. <c>FirstEdit</c> is the same edit on a series without overrides,
/// the reference point.
/// </summary>
/// <remarks>
/// Run by hand: SQLite uses a file in the temp folder; PostgreSQL needs <c>SCHEDULING_POSTGRES</c>. Each iteration is
/// one call (the Monitoring strategy) that edits the next instance after the 2,000 (or of the plain series) with
/// the revision it has.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class InstanceEditBenchmarks
{
    private const int Edited = 2_000;
    private const string Tenant = "bench-edits";
    private static readonly LocalDateTime SeriesStart = new(2025, 1, 1, 9, 0);
    private readonly CallerContext _caller = CallerContext.Host(Tenant);
    private SessionService _service = null!;
    private int _nextBusy = Edited;
    private int _nextPlain;
    private string? _sqliteFolder;
    private string? _postgresSchema;

    /// <summary>Gets or sets the store: <c>Sqlite</c> or <c>PostgreSql</c>.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>Creates the store, a plain daily series, and a daily series with its first 2,000 instances edited.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (sessions, series) = Store == "Sqlite" ? CreateSqlite() : CreatePostgreSql();
        _service = new SessionService(sessions, series, new FixedClock(Instant.FromUtc(2025, 1, 1, 0, 0)));
        foreach (var id in new[] { "busy", "plain" })
        {
            _service.CreateRecurringSessionAsync(_caller, new NewRecurringSession
            {
                Id = id,
                ScheduleId = "schedule-1",
                ScheduleOwnerId = "staff-1",
                Details = new SessionDetails { Title = "Class" },
                Start = SeriesStart,
                Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"],
                Duration = Duration.FromHours(1),
                Rule = RecurrenceRule.Parse("FREQ=DAILY"),
            }).AsTask().GetAwaiter().GetResult();
        }

        for (var day = 0; day < Edited; day++)
        {
            Edit("busy", day).GetAwaiter().GetResult();
        }
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

    /// <summary>An edit of an instance of a series that has 2,000 edited instances.</summary>
    [Benchmark]
    public Task<Session> EditBeside2000Overrides() => Edit("busy", _nextBusy++);

    /// <summary>An edit of an instance of a series that has no other edited instance.</summary>
    [Benchmark(Baseline = true)]
    public Task<Session> FirstEdit() => Edit("plain", _nextPlain++);

    private static string PostgresConnectionString() =>
        Environment.GetEnvironmentVariable("SCHEDULING_POSTGRES")
        ?? throw new InvalidOperationException("Set SCHEDULING_POSTGRES to an Npgsql connection string (source .ci/postgres.sh && postgres_start).");

    private Task<Session> Edit(string seriesId, int day) =>
        _service.UpdateSessionAsync(_caller, SessionInstanceId.Format(seriesId, SeriesStart.PlusDays(day)), new SessionChanges { Details = new SessionDetailsChanges { Title = $"Edit {day}" } }, expectedRevision: 0).AsTask();

    private (ISessionStore, IRecurringSessionStore) CreateSqlite()
    {
        _sqliteFolder = Path.Combine(Path.GetTempPath(), "scheduling-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_sqliteFolder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_sqliteFolder, "bench.db") }.ToString();
        return (new SqliteSessionStore(connectionString), new SqliteRecurringSessionStore(connectionString));
    }

    private (ISessionStore, IRecurringSessionStore) CreatePostgreSql()
    {
        _postgresSchema = "bench_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(PostgresConnectionString()))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {_postgresSchema}", connection);
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(PostgresConnectionString()) { SearchPath = _postgresSchema }.ToString();
        return (new PostgreSqlSessionStore(connectionString), new PostgreSqlRecurringSessionStore(connectionString));
    }
}
