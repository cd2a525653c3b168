using NodaTime;
using NodaTime.Text;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.InMemory;
using Scheduling.Workspaces;

namespace Scheduling.Samples.Console;

using Console = System.Console;

/// <summary>Part three of the sample: a small clinic's week through the workspace view of the sessions API.</summary>
internal static class ClinicTour
{
    private const string ClinicId = "clinic-london";

    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd ddd");
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static async Task RunAsync()
    {
        // Booked on Friday 17 October 2025; London turns its clocks back on Sunday 26 October, in the middle of the week.
        var clock = new SampleClock(Instant.FromUtc(2025, 10, 17, 12, 0));
        var options = new SchedulingOptions { SnapshotNamesAtBooking = true };
        var sessions = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), clock, options);
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];

        // The host owns the workspace, its custom fields and every name; the library keeps ids and asks for names.
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace(ClinicId, london,
        [
            new FieldDefinition("visit-type", "Visit type", FieldKind.Choice, ["first visit", "follow-up"]) { IsRequired = true },
            new FieldDefinition("referral-date", "Referral date", FieldKind.Date),
        ]) { Name = "Riverside Clinic" });
        foreach (var (kind, id, name) in new[]
        {
            (DirectoryEntryKind.Staff, "staff-okafor", "Dr. Amara Okafor"),
            (DirectoryEntryKind.Staff, "staff-haddad", "Dr. Sami Haddad"),
            (DirectoryEntryKind.Service, "svc-consult", "استشارة طبية"),
            (DirectoryEntryKind.Service, "svc-checkup", "General check-up"),
            (DirectoryEntryKind.Service, "svc-sleep", "Sleep study"),
            (DirectoryEntryKind.Client, "client-jones", "Megan Jones"),
            (DirectoryEntryKind.Client, "client-rahman", "Yusuf Rahman"),
            (DirectoryEntryKind.Client, "client-li", "Wei Li"),
        })
        {
            directory.SetName(ClinicId, kind, id, name);
        }

        var workspace = new WorkspaceSessionService(directory, sessions, clock, options);
        var host = CallerContext.Host(ClinicId);
        var reception = CallerContext.Staff(ClinicId, "reception-1", Permissions.SessionsView);
        var okafor = CallerContext.Staff(ClinicId, "staff-okafor", Permissions.SessionsView, Permissions.SessionsManage);
        var firstVisit = FieldValue.OfChoice("visit-type", "first visit");
        var followUp = FieldValue.OfChoice("visit-type", "follow-up");

        // Each practitioner's diary is a schedule they own (staffId = ScheduleOwnerId). Mr Rahman has a weekly review,
        // Mondays at 09:00 with Dr. Okafor; the rest of the week is single appointments, some for two services.
        var review = await workspace.CreateRecurringSessionAsync(host, ClinicId, new NewRecurringSession
        {
            Id = "weekly-review",
            ScheduleId = "staff-okafor",
            ScheduleOwnerId = "staff-okafor",
            Details = new SessionDetails
            {
                Title = "Weekly review",
                ClientId = "client-rahman",
                ServiceIds = ["svc-consult"],
                FieldValues = [followUp],
            },
            Start = At(20, 9, 0),
            Zone = london,
            Duration = Duration.FromMinutes(30),
            Rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO;COUNT=6"),
        });

        ValueTask<WorkspaceSession> Book(string id, string staff, string client, string title, LocalDateTime start, LocalDateTime end, string[] services, FieldValue visitType) =>
            workspace.CreateSessionAsync(host, ClinicId, new NewSession
            {
                Id = id,
                ScheduleId = staff,
                ScheduleOwnerId = staff,
                Details = new SessionDetails
                {
                    Title = title,
                    ClientId = client,
                    ServiceIds = [.. services],
                    FieldValues = [visitType],
                },
                Start = CalendarDateTime.AtLocal(start, london),
                End = CalendarDateTime.AtLocal(end, london),
            });

        var consultation = await workspace.CreateSessionAsync(host, ClinicId, new NewSession
        {
            Id = "first-consultation",
            ScheduleId = "staff-okafor",
            ScheduleOwnerId = "staff-okafor",
            Details = new SessionDetails
            {
                Title = "First consultation",
                ClientId = "client-jones",
                ServiceIds = ["svc-consult", "svc-checkup"],
                FieldValues = [firstVisit, FieldValue.OfDate("referral-date", new LocalDate(2025, 10, 1))],
                Attachments = [new Attachment("att-1", "referral.pdf", "blob://clinic-london/referrals/4711", clock.GetCurrentInstant()) { ContentType = "application/pdf" }],
                Invoice = new InvoiceReference("inv-881") { Number = "INV-2025-0042" },
            },
            Start = CalendarDateTime.AtLocal(At(20, 10, 0), london),
            End = CalendarDateTime.AtLocal(At(20, 11, 30), london),
        });
        await Book("checkup-rahman", "staff-haddad", "client-rahman", "Check-up", At(21, 14, 0), At(21, 14, 20), ["svc-checkup"], followUp);
        var annual = await Book("annual-li", "staff-haddad", "client-li", "Annual check-up", At(22, 9, 30), At(22, 10, 30), ["svc-checkup"], followUp);
        var jonesFollowUp = await Book("follow-up-jones", "staff-okafor", "client-jones", "Follow-up", At(22, 11, 0), At(22, 11, 30), ["svc-consult"], followUp);
        var liConsultation = await Book("consultation-li", "staff-okafor", "client-li", "Consultation", At(24, 16, 0), At(24, 16, 45), ["svc-consult", "svc-checkup"], firstVisit);
        await Book("sleep-study", "staff-haddad", "client-rahman", "Overnight sleep study", At(25, 22, 0), At(26, 6, 0), ["svc-sleep"], followUp);
        await Book("checkup-jones", "staff-haddad", "client-jones", "Check-up", At(27, 10, 0), At(27, 11, 0), ["svc-checkup"], followUp);

        Console.WriteLine($"Riverside Clinic ({london.Id}); rows: date, startTime-endTime, durationMinutes, status, clientName, serviceNames, staffName");

        // A booking without the required field is refused, naming the field.
        try
        {
            await workspace.CreateSessionAsync(host, ClinicId, new NewSession
            {
                ScheduleId = "staff-okafor",
                ScheduleOwnerId = "staff-okafor",
                Details = new SessionDetails { ClientId = "client-li" },
                Start = CalendarDateTime.AtLocal(At(23, 9, 0), london),
                End = CalendarDateTime.AtLocal(At(23, 9, 30), london),
            });
        }
        catch (SchedulingException invalid)
        {
            Console.WriteLine($"Booking without a visit type: {invalid.Code} on {invalid.Field}: {invalid.Message}");
        }

        var week = (From: "2025-10-20", To: "2025-10-27");
        await PrintAsync(workspace, reception, "Megan Jones's week (clientId=client-jones)",
            WorkspaceSessionQuery.FromParameters(clientId: "client-jones", dateFrom: week.From, dateTo: week.To));
        await PrintAsync(workspace, reception, "Check-ups or sleep studies (serviceIds=svc-checkup,svc-sleep)",
            WorkspaceSessionQuery.FromParameters(serviceIds: "svc-checkup,svc-sleep", dateFrom: week.From, dateTo: week.To));

        // Wednesday 22 October, 10:15 in London: Dr. Haddad finishes the annual check-up early, Dr. Okafor starts
        // Ms Jones's follow-up early, and Wei Li cancels Friday's consultation. Everything else follows the clock.
        clock.MoveTo(Instant.FromUtc(2025, 10, 22, 9, 15));
        annual = await workspace.ChangeStatusAsync(okafor, ClinicId, annual.Id, LifecycleStatus.Completed, annual.Revision);
        await workspace.ChangeStatusAsync(okafor, ClinicId, jonesFollowUp.Id, LifecycleStatus.InProgress, jonesFollowUp.Revision);
        await workspace.ChangeStatusAsync(host, ClinicId, liConsultation.Id, LifecycleStatus.Cancelled, liConsultation.Revision);
        try
        {
            await workspace.ChangeStatusAsync(host, ClinicId, annual.Id, LifecycleStatus.Cancelled, annual.Revision);
        }
        catch (SchedulingException refused)
        {
            Console.WriteLine($"Cancelling the completed check-up: {refused.Code}: {refused.Message}");
        }

        await PrintAsync(workspace, reception, "The whole week at Wed 22 Oct 10:15 (cancelled included)",
            WorkspaceSessionQuery.FromParameters(dateFrom: week.From, dateTo: week.To));
        await PrintAsync(workspace, reception, "status=in-progress",
            WorkspaceSessionQuery.FromParameters(status: "in-progress", dateFrom: week.From, dateTo: week.To));
        await PrintAsync(workspace, reception, "status=completed",
            WorkspaceSessionQuery.FromParameters(status: "completed", dateFrom: week.From, dateTo: week.To));

        // The review keeps its wall-clock time when the clocks go back; the instants move by an hour.
        var reviews = await Task.WhenAll(new[] { 20, 27 }.Select(async day =>
            (await sessions.GetSessionAsync(host, SessionInstanceId.Format(review.Id, At(day, 9, 0)))).Start.Timestamp));
        Console.WriteLine($"Weekly review at 09:00 in London on both Mondays: {reviews[0]} and {reviews[1]}");

        // The details a session carries, and a dated note from the practitioner.
        var noted = await workspace.AddNoteAsync(okafor, ClinicId, consultation.Id, "Bloods ordered; review in one week.");
        Console.WriteLine($"{noted.Name}: {string.Join("; ", noted.FieldValues)}; {noted.Attachments[0].FileName} -> {noted.Attachments[0].Reference}; "
            + $"invoice {noted.Invoice?.Number}; note by {noted.Notes[^1].AuthorId} at {noted.Notes[^1].CreatedAt}");

        // Names come from the directory on every read: a rename shows at once. A name the directory no longer has
        // falls back to the one kept at booking (SnapshotNamesAtBooking).
        directory.SetName(ClinicId, DirectoryEntryKind.Service, "svc-checkup", "General health check");
        directory.RemoveName(ClinicId, DirectoryEntryKind.Client, "client-li");
        Console.WriteLine($"After renaming svc-checkup: {Row(await workspace.GetSessionAsync(reception, ClinicId, consultation.Id))}");
        Console.WriteLine($"Wei Li archived in the host:  {Row(await workspace.GetSessionAsync(reception, ClinicId, annual.Id))}");

        // A caller of another workspace cannot tell this one exists.
        var salon = CallerContext.Staff("salon-paris", "staff-9", Permissions.SessionsView);
        try
        {
            await workspace.ListSessionsAsync(salon, ClinicId, new WorkspaceSessionQuery());
        }
        catch (SchedulingException notFound)
        {
            Console.WriteLine($"A salon's staff listing {ClinicId}: {notFound.Code} on {notFound.Field}: {notFound.Message}");
        }
    }

    /// <summary>A wall-clock time in the week of 20 October 2025.</summary>
    private static LocalDateTime At(int day, int hour, int minute) => new(2025, 10, day, hour, minute);

    private static async Task PrintAsync(WorkspaceSessionService workspace, CallerContext caller, string title, WorkspaceSessionQuery query)
    {
        Console.WriteLine($"  {title}:");
        var page = await workspace.ListSessionsAsync(caller, ClinicId, query);
        while (true)
        {
            foreach (var session in page.Items)
            {
                Console.WriteLine($"    {Row(session)}");
            }

            if (page.NextCursor is not { } cursor)
            {
                break;
            }

            page = await workspace.ListSessionsAsync(caller, ClinicId, cursor);
        }
    }

    /// <summary>One session as the seed shapes it: date, startTime, endTime, durationMinutes, status, clientName, serviceNames, staffName.</summary>
    private static string Row(WorkspaceSession session)
    {
        var end = Time.Format(session.EndTime) + (session.EndDate == session.Date ? "   " : "+1d");
        var services = string.Join(", ", session.ServiceNames.Select(name => name ?? "?"));
        return $"{Day.Format(session.Date)} {Time.Format(session.StartTime)}-{end} {session.DurationMinutes,4} "
            + $"{SessionLifecycle.Name(session.Status),-11} {session.ClientName,-12} [{services}] {session.StaffName}";
    }
}
