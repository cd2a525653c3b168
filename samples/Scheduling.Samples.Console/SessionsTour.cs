using NodaTime;
using NodaTime.Text;
using Scheduling.Attendance;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.InMemory;

namespace Scheduling.Samples.Console;

using Console = System.Console;

/// <summary>Part two of the sample: a studio's calendar through the sessions API.</summary>
internal static class SessionsTour
{
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("ddd dd MMM HH:mm");

    public static async Task RunAsync()
    {
        var clock = new SampleClock(Instant.FromUtc(2025, 2, 20, 12, 0));
        var sessions = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), clock);
        var studio = CallerContext.Host("studio-42");
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];

        // A weekly yoga class on Mondays and Wednesdays at 18:30, through March (New York springs forward on 9 March).
        var yoga = await sessions.CreateRecurringSessionAsync(studio, new NewRecurringSession
        {
            Id = "evening-yoga",
            ScheduleId = "yoga-room",
            ScheduleOwnerId = "teacher-ana",
            Details = new SessionDetails { Title = "Evening yoga", Tags = ["yoga", "group"], Capacity = 2 },
            Start = new LocalDateTime(2025, 3, 3, 18, 30),
            Zone = newYork,
            Duration = Duration.FromMinutes(75),
            Rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250401T000000Z"),
        });

        // One class moves to 19:00 and gets a guest teacher; another is cancelled.
        var march10 = SessionInstanceId.Format(yoga.Id, new LocalDateTime(2025, 3, 10, 18, 30));
        await sessions.UpdateSessionAsync(studio, march10, new SessionChanges
        {
            Details = new SessionDetailsChanges { Title = "Evening yoga (guest teacher)" },
            Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 19, 0), newYork),
            End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 20, 15), newYork),
        }, expectedRevision: 0);
        var march19 = SessionInstanceId.Format(yoga.Id, new LocalDateTime(2025, 3, 19, 18, 30));
        await sessions.CancelSessionAsync(studio, march19, expectedRevision: 0);

        // Two people book the 12 March class, which takes two; a third finds it full.
        var march12 = SessionInstanceId.Format(yoga.Id, new LocalDateTime(2025, 3, 12, 18, 30));
        await sessions.AddParticipantAsync(studio, march12, new Participant("member-1", "Dana Diaz", "dana@example.com"));
        await sessions.AddParticipantAsync(studio, march12, new Participant("member-2", "Lee Park", "lee@example.com"));
        try
        {
            await sessions.AddParticipantAsync(studio, march12, new Participant("member-3", "Sam Roe"));
        }
        catch (SchedulingException full) when (full.Code == SchedulingErrorCode.Conflict)
        {
            Console.WriteLine($"Booking member-3 into {march12}: {full.Message}");
        }

        // A one-off private appointment.
        await sessions.CreateSessionAsync(studio, new NewSession
        {
            ScheduleId = "yoga-room",
            ScheduleOwnerId = "teacher-ana",
            Details = new SessionDetails { Title = "Private session" },
            Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 14, 9, 0), newYork),
            End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 14, 10, 0), newYork),
            Participants = [new Participant("member-9", "Robin Hale", "robin@example.com", "+1 555 0100")],
        });

        // March, four items a page, cancelled instances included so the tombstone shows.
        var query = new SessionQuery
        {
            From = Instant.FromUtc(2025, 3, 1, 5, 0),
            To = Instant.FromUtc(2025, 4, 1, 4, 0),
            Filter = SessionFilter.Parse("""{"status":{"$in":["CONFIRMED","CANCELLED"]}}"""),
            PageSize = 4,
        };
        Console.WriteLine();
        Console.WriteLine("March at the studio, four to a page:");
        var page = await sessions.QuerySessionsAsync(studio, query);
        for (var number = 1; ; number++)
        {
            Console.WriteLine($"  page {number}");
            foreach (var session in page.Items)
            {
                var start = session.Start.Timestamp.InZone(newYork);
                var flags = (session.Status == SessionStatus.Cancelled ? " [cancelled]" : string.Empty)
                    + (session.IsOverridden ? " [edited]" : string.Empty)
                    + (session.Participants.IsEmpty ? string.Empty : $" [{session.Participants.Length} booked]");
                Console.WriteLine($"    {When.Format(start.LocalDateTime)} {start.Offset,-6} {session.Details.Title}{flags}");
            }

            if (page.NextCursor is not { } cursor)
            {
                break;
            }

            page = await sessions.QuerySessionsAsync(studio, cursor);
        }

        // After the classes: mark who came to the Mondays and Wednesdays Dana booked, and report.
        var attendance = new AttendanceService(new InMemoryAttendanceStore(), sessions, clock);
        var marks = new (LocalDateTime Class, AttendanceStatus Status, int? Count)[]
        {
            (new LocalDateTime(2025, 3, 3, 18, 30), AttendanceStatus.Attended, 1),
            (new LocalDateTime(2025, 3, 5, 18, 30), AttendanceStatus.Attended, 2),
            (new LocalDateTime(2025, 3, 12, 18, 30), AttendanceStatus.NotAttended, null),
            (new LocalDateTime(2025, 3, 17, 18, 30), AttendanceStatus.Attended, 1),
        };
        var result = await attendance.BulkSetAttendanceAsync(studio, [.. marks.Select(m => new AttendanceMark
        {
            BookingId = "course-dana",
            SessionId = SessionInstanceId.Format(yoga.Id, m.Class),
            Status = m.Status,
            NumberOfAttendees = m.Count,
        }).Append(new AttendanceMark
        {
            // The 19 March class was cancelled: this one is refused, and the bulk result says so.
            BookingId = "course-dana",
            SessionId = march19,
            Status = AttendanceStatus.Attended,
        })]);
        var course = await attendance.SummarizeBookingAsync(studio, "course-dana");
        var march5 = await attendance.SummarizeSessionAsync(studio, SessionInstanceId.Format(yoga.Id, new LocalDateTime(2025, 3, 5, 18, 30)));
        Console.WriteLine();
        Console.WriteLine("Attendance of Dana's course:");
        foreach (var item in result.Items)
        {
            Console.WriteLine($"  {item.Mark.SessionId}: {item.Outcome}{(item.Message is null ? string.Empty : " - " + item.Message)}");
        }

        Console.WriteLine($"  attended {course.Attended}, missed {course.NotAttended}, rate {course.AttendanceRate:P0}; 5 March counted {march5.TotalAttendees} people");

        // Personal information: hidden by default, shown with ALL_PI to a caller who may see it, refused otherwise.
        var receptionist = CallerContext.Staff("studio-42", "staff-7", Permissions.SessionsView);
        var manager = CallerContext.Staff("studio-42", "staff-1", Permissions.SessionsView, Permissions.PersonalInformationView);
        var hidden = await sessions.GetSessionAsync(receptionist, march12);
        var shown = await sessions.GetSessionAsync(manager, march12, SessionFieldset.AllPersonalInformation);
        Console.WriteLine();
        Console.WriteLine($"Receptionist sees: {string.Join(", ", hidden.Participants.Select(p => $"{p.Id} ({p.Name ?? "name hidden"})"))}");
        Console.WriteLine($"Manager with ALL_PI sees: {string.Join(", ", shown.Participants.Select(p => $"{p.Id} ({p.Name}, {p.Email})"))}");
        try
        {
            await sessions.GetSessionAsync(receptionist, march12, SessionFieldset.AllPersonalInformation);
        }
        catch (SchedulingException denied)
        {
            Console.WriteLine($"Receptionist asking for ALL_PI: {denied.Code}: {denied.Message}");
        }
    }
}
