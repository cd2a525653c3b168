using Npgsql;
using Scheduling.Stores.ContractTests;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// What only a real database shows about attendance writes: instants kept to the nanosecond, and a booking and
/// session taken by another host while a replacement is under way, which the unique key catches.
/// </summary>
public sealed class AttendanceWriteTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateMigratedAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Instants_finer_than_a_tick_and_before_1970_are_kept_exactly()
    {
        var store = new PostgreSqlAttendanceStore(_schema.NewDataSource());
        var attendance = Sample("a1", "b1", "s1") with
        {
            CreatedAt = Instant.FromUtc(1969, 12, 31, 23, 59).PlusNanoseconds(-7),
            UpdatedAt = Time.Utc(2025, 3, 3, 11).PlusNanoseconds(99),
        };

        await store.InsertAsync(Tenant, attendance, None);
        (await store.FindAsync(Tenant, "a1", None)).Should().Be(attendance);

        var batched = attendance with { Id = "a2", SessionId = "s2", UpdatedAt = attendance.UpdatedAt.PlusNanoseconds(-98) };
        await store.SaveManyAsync(Tenant, [new AttendanceWrite(batched, 0)], None);
        (await store.FindAsync(Tenant, "a2", None)).Should().Be(batched);
    }

    [Fact]
    public async Task A_replacement_onto_a_booking_and_session_another_host_takes_meanwhile_returns_false_and_changes_nothing()
    {
        var (store, application) = StoreWithName();
        var first = Sample("a1", "b1", "s1");
        await store.InsertAsync(Tenant, first, None);

        // Another host inserts (b1, s2) and has not committed when the replacement moving a1 there runs.
        await using var other = await _schema.NewDataSource().OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await InsertByHandAsync(other, "a2", "b1", "s2");
        var replacing = store.ReplaceAsync(Tenant, first with { SessionId = "s2", Revision = 2 }, 1, None).AsTask();
        await WaitUntilBlockedAsync(application);
        await transaction.CommitAsync();

        (await replacing).Should().BeFalse();
        (await store.FindAsync(Tenant, "a1", None)).Should().Be(first);
        (await store.FindByBookingAndSessionAsync(Tenant, "b1", "s2", None))!.Id.Should().Be("a2");
    }

    [Fact]
    public async Task A_batch_moving_onto_a_booking_and_session_another_host_takes_meanwhile_returns_false_and_writes_nothing()
    {
        var (store, application) = StoreWithName();
        var first = Sample("a1", "b1", "s1");
        await store.InsertAsync(Tenant, first, None);

        await using var other = await _schema.NewDataSource().OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await InsertByHandAsync(other, "a2", "b1", "s2");
        var saving = store.SaveManyAsync(Tenant, [new AttendanceWrite(Sample("a3", "b3", "s1"), 0), new AttendanceWrite(first with { SessionId = "s2", Revision = 2 }, 1)], None).AsTask();
        await WaitUntilBlockedAsync(application);
        await transaction.CommitAsync();

        (await saving).Should().BeFalse();
        (await store.FindAsync(Tenant, "a1", None)).Should().Be(first);
        (await store.FindAsync(Tenant, "a3", None)).Should().BeNull();
        (await store.InsertAsync(Tenant, Sample("a3", "b3", "s1"), None)).Should().BeTrue("the batch's connection went back to the pool, its transaction rolled back");
    }

    private static Attendance Sample(string id, string bookingId, string sessionId) => new()
    {
        Id = id,
        BookingId = bookingId,
        SessionId = sessionId,
        Status = AttendanceStatus.Attended,
        NumberOfAttendees = 1,
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    private static async Task InsertByHandAsync(NpgsqlConnection connection, string id, string bookingId, string sessionId)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO attendance (tenant_id, id, booking_id, session_id, status, number_of_attendees, revision,
                                    created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos)
            VALUES (@tenant, @id, @booking_id, @session_id, 2, 0, 1, 0, 0, 0, 0)
            """,
            connection);
        insert.Parameters.AddWithValue("tenant", Tenant);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("booking_id", bookingId);
        insert.Parameters.AddWithValue("session_id", sessionId);
        (await insert.ExecuteNonQueryAsync()).Should().Be(1);
    }

    /// <summary>A store whose connections carry an application name of their own, so a test can watch them in <c>pg_stat_activity</c>.</summary>
    private (PostgreSqlAttendanceStore Store, string ApplicationName) StoreWithName()
    {
        var name = $"attendance-{Guid.NewGuid():N}";
        return (new PostgreSqlAttendanceStore(_schema.NewDataSource(builder => builder.ApplicationName = name)), name);
    }

    /// <summary>Waits until a connection of <paramref name="applicationName"/> waits for a lock another transaction holds.</summary>
    private async Task WaitUntilBlockedAsync(string applicationName)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (await _schema.ExecuteScalarAsync(
                    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = @name AND wait_event_type = 'Lock')",
                    ("name", applicationName)) is true)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"No connection of {applicationName} waited for a lock.");
    }
}
