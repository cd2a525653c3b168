using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using Scheduling.Attendance;
using Scheduling.Paging;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.InMemory;
using Scheduling.Stores.PostgreSql;
using Scheduling.Stores.Sqlite;

namespace Scheduling.Benchmarks;

// Inside the namespace, so that "Attendance" names the type rather than the namespace.
using Attendance = Scheduling.Attendance.Attendance;

/// <summary>
/// Attendance queries over 1,000,000 records (100,000 bookings of ten sessions each; 10,000 sessions of 100 bookings
/// each): a page of 50 by session, by booking, the first page of the whole tenant, and page 10,001 of the whole
/// tenant (from page 10,000's cursor), which should cost what the first page costs.
/// </summary>
/// <remarks>
/// Run by hand. PostgreSQL needs <c>SCHEDULING_POSTGRES</c> (see <c>.ci/postgres.sh</c>). Filling a durable store takes
/// minutes, and BenchmarkDotNet runs every benchmark in a process of its own, so the SQLite file
/// (<c>scheduling-attendance-bench.db</c> in the temp folder) and the PostgreSQL schema (<c>attendance_bench</c>) are
/// filled once and kept for the next run; delete them to start again.
/// </remarks>
[MemoryDiagnoser]
public class AttendanceQueryBenchmarks
{
    private const string Tenant = "bench";
    private const int Bookings = 100_000;
    private const int SessionsPerBooking = 10;
    private static readonly Instant Now = Instant.FromUtc(2025, 1, 1, 0, 0);
    private readonly CallerContext _caller = CallerContext.Host(Tenant);
    private AttendanceService _service = null!;
    private string _page10000Cursor = null!;
    private static readonly string LastId = $"attendance-{Bookings - 1:000000}-{SessionsPerBooking - 1}";

    /// <summary>Gets or sets the store: <c>InMemory</c>, <c>Sqlite</c> or <c>PostgreSql</c>.</summary>
    [Params("InMemory", "Sqlite", "PostgreSql")]
    public string Store { get; set; } = "InMemory";

    /// <summary>Fills the store (unless a previous run did) and walks to page 10,000 of the whole tenant.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var store = Store switch
        {
            "InMemory" => new InMemoryAttendanceStore(),
            "Sqlite" => CreateSqlite(),
            _ => CreatePostgreSql(),
        };
        var clock = new FixedClock(Now);
        _service = new AttendanceService(store, new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), clock), clock);
        if (Query(new AttendanceQuery { Filter = AttendanceFilter.IdIn(LastId), Limit = 1 }).Items.IsEmpty)
        {
            Fill(store).GetAwaiter().GetResult();
        }

        var page = Query(new AttendanceQuery { Limit = 50 });
        for (var number = 2; number <= 10_000; number++)
        {
            page = _service.QueryAttendanceAsync(_caller, page.NextCursor!).AsTask().GetAwaiter().GetResult();
        }

        _page10000Cursor = page.NextCursor ?? throw new InvalidOperationException("Fewer than 10,000 pages.");
    }

    /// <summary>The 100 bookings of one session, first page of 50.</summary>
    [Benchmark]
    public CursorPage<Attendance> BySession() =>
        Query(new AttendanceQuery { Filter = AttendanceFilter.SessionIdIn("session-04321"), Limit = 50 });

    /// <summary>The ten sessions of one booking.</summary>
    [Benchmark]
    public CursorPage<Attendance> ByBooking() =>
        Query(new AttendanceQuery { Filter = AttendanceFilter.BookingIdIn("booking-054321"), Limit = 50 });

    /// <summary>The first page of 50 of the whole tenant, by id.</summary>
    [Benchmark]
    public CursorPage<Attendance> FirstPage() => Query(new AttendanceQuery { Limit = 50 });

    /// <summary>Page 10,001 of the whole tenant, from page 10,000's cursor.</summary>
    [Benchmark]
    public CursorPage<Attendance> Page10001() => _service.QueryAttendanceAsync(_caller, _page10000Cursor).AsTask().GetAwaiter().GetResult();

    private static string PostgresConnectionString() =>
        Environment.GetEnvironmentVariable("SCHEDULING_POSTGRES")
        ?? throw new InvalidOperationException("Set SCHEDULING_POSTGRES to an Npgsql connection string (source .ci/postgres.sh && postgres_start).");

    private CursorPage<Attendance> Query(AttendanceQuery query) =>
        _service.QueryAttendanceAsync(_caller, query).AsTask().GetAwaiter().GetResult();

    private static IAttendanceStore CreateSqlite() =>
        new SqliteAttendanceStore(
            new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetTempPath(), "scheduling-attendance-bench.db") }.ToString(),
            new SqliteStoreOptions { FlushEachCommit = false });

    private static IAttendanceStore CreatePostgreSql()
    {
        using (var connection = new NpgsqlConnection(PostgresConnectionString()))
        {
            connection.Open();
            using var create = new NpgsqlCommand("CREATE SCHEMA IF NOT EXISTS attendance_bench", connection);
            create.ExecuteNonQuery();
        }

        return new PostgreSqlAttendanceStore(new NpgsqlConnectionStringBuilder(PostgresConnectionString()) { SearchPath = "attendance_bench" }.ToString());
    }

    /// <summary>Writes the million records straight into the store, 1,000 to a transaction.</summary>
    private static async Task Fill(IAttendanceStore store)
    {
        var batch = new List<AttendanceWrite>(1_000);
        for (var booking = 0; booking < Bookings; booking++)
        {
            for (var k = 0; k < SessionsPerBooking; k++)
            {
                var session = ((booking % 1_000) * SessionsPerBooking) + k;
                var attended = (booking + k) % 4 != 0;
                batch.Add(new AttendanceWrite(
                    new Attendance
                    {
                        Id = $"attendance-{booking:000000}-{k}",
                        BookingId = $"booking-{booking:000000}",
                        SessionId = $"session-{session:00000}",
                        Status = attended ? AttendanceStatus.Attended : AttendanceStatus.NotAttended,
                        NumberOfAttendees = attended ? 1 + (booking % 3) : 0,
                        Revision = 1,
                        CreatedAt = Now,
                        UpdatedAt = Now,
                    },
                    ExpectedRevision: 0));
                if (batch.Count == 1_000)
                {
                    if (!await store.SaveManyAsync(Tenant, batch, CancellationToken.None))
                    {
                        throw new InvalidOperationException("A batch was refused.");
                    }

                    batch.Clear();
                }
            }
        }
    }
}
