using System.Collections.Immutable;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Testing;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// Exception and extra dates against an oracle written without the engine: a daily series' instances are its
/// rule's days without the exception dates, with the extra dates, once each; moving the whole series moves every
/// instance and keeps every id.
/// </summary>
public sealed class SeriesDatesPropertyTest
{
    private static readonly DateTimeZone[] Zones =
        [.. new[] { "America/New_York", "Europe/London", "America/Santiago", "Asia/Tokyo" }.Select(id => DateTimeZoneProviders.Tzdb[id])];

    [Fact]
    public async Task Daily_series_holds_its_days_without_the_exception_dates_and_with_the_extra_dates_and_a_move_keeps_the_ids()
    {
        var random = PropertyRuns.RandomSource(salt: 41);
        for (var run = 0; run < PropertyRuns.Cases(40); run++)
        {
            var service = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), new FakeClock(Time.Utc(2025, 1, 1)));
            var host = CallerContext.Host("tenant");
            var zone = Zones[random.Next(Zones.Length)];

            // Daytime starts and moves of at most two hours keep every local time clear of the night-time DST changes.
            var start = new LocalDate(2025, 2, 20).PlusDays(random.Next(220)).At(new LocalTime(10 + random.Next(8), random.Next(60)));
            var count = 1 + random.Next(30);
            var days = Enumerable.Range(0, count).Select(start.PlusDays).ToList();
            var exceptions = days.Where(_ => random.Next(4) == 0)
                .Concat(Enumerable.Range(0, random.Next(3)).Select(_ => start.PlusDays(random.Next(40)).PlusMinutes(1 + random.Next(60))))
                .ToImmutableArray();
            var extras = Enumerable.Range(0, random.Next(6))
                .Select(_ => start.Date.PlusDays(random.Next(count + 10)).At(new LocalTime(10 + random.Next(8), random.Next(60))))
                .Where(date => date >= start)
                .ToImmutableArray();
            var series = await service.CreateRecurringSessionAsync(host, new NewRecurringSession
            {
                Id = "daily",
                ScheduleId = "schedule",
                ScheduleOwnerId = "owner",
                Start = start,
                Zone = zone,
                Duration = Duration.FromMinutes(30),
                Rule = RecurrenceRule.Parse($"FREQ=DAILY;COUNT={count}"),
                ExceptionDates = exceptions,
                ExtraDates = extras,
            });

            var expected = days.Concat(extras).Distinct().Where(date => !exceptions.Contains(date)).Order().ToList();
            var from = start.Date.PlusDays(-2).AtStartOfDayInZone(zone).ToInstant();
            var to = from + Duration.FromDays(60);
            var before = await AllAsync(service, host, from, to);
            before.Select(i => i.Start.LocalDateTime!.Value).Should().Equal(expected, "run {0}: {1} in {2}, COUNT={3}", run, start, zone.Id, count);
            before.Select(i => i.Id).Should().Equal(expected.Select(date => SessionInstanceId.Format("daily", date)));

            var minutes = random.Next(-120, 121);
            await service.UpdateRecurringSessionAsync(host, "daily", new RecurringSessionChanges { Start = start.PlusMinutes(minutes) }, series.Revision);

            var after = await AllAsync(service, host, from - Duration.FromHours(3), to + Duration.FromHours(3));
            after.Select(i => i.Id).Should().Equal(before.Select(i => i.Id), "run {0}: a move of {1} minutes keeps every id", run, minutes);
            after.Select(i => i.Start.LocalDateTime!.Value).Should().Equal(expected.Select(date => date.PlusMinutes(minutes)));
        }
    }

    private static async Task<List<Session>> AllAsync(SessionService service, CallerContext host, Instant from, Instant to)
    {
        var page = await service.QuerySessionsAsync(host, new SessionQuery { From = from, To = to, PageSize = 1_000 });
        page.HasNext.Should().BeFalse();
        return [.. page.Items];
    }
}
