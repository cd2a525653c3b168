using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>The sessions and series the PostgreSQL-only tests store.</summary>
internal static class Samples
{
    public const string Tenant = "tenant-a";

    public static readonly Instant Created = Time.Utc(2025, 1, 1, 8);
    public static readonly Instant Later = Time.Utc(2025, 1, 2, 8);

    /// <summary>A plain session on schedule-1, 2025-03-03 10:00 to 11:00 UTC, at revision 1.</summary>
    public static Session Session(string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.At(Time.Utc(2025, 3, 3, 10)),
        End = Time.At(Time.Utc(2025, 3, 3, 11)),
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>A weekly series from 2025-03-03 09:00 UTC, one hour long, open-ended, at revision 1.</summary>
    public static RecurringSession Series(string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.Local(2025, 3, 3, 9),
        IdentityStart = Time.Local(2025, 3, 3, 9),
        Zone = DateTimeZone.Utc,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>The identity start of the instance of <see cref="Series"/> in the given week (0 for 2025-03-03).</summary>
    public static LocalDateTime Week(int week) => Time.Local(2025, 3, 3, 9).PlusWeeks(week);

    /// <summary>An override of an instance of <paramref name="seriesId"/>, retitled.</summary>
    public static InstanceOverride Override(string seriesId, LocalDateTime identityStart, string title = "own", long revision = 1) => new()
    {
        RecurringSessionId = seriesId,
        IdentityStart = identityStart,
        Details = new SessionDetailsOverride { Title = title },
        Revision = revision,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
