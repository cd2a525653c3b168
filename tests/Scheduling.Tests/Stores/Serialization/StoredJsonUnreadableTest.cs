using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.Serialization;
using Scheduling.Testing;

namespace Scheduling.Tests.Stores.Serialization;

/// <summary>
/// A stored body that does not read back is one typed error, <see cref="SchedulingErrorCode.UnreadableRecord"/>, that
/// names the record by the id the store gives (an override by its instance id), whatever is wrong with it.
/// </summary>
public sealed class StoredJsonUnreadableTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly RecurringSession Series = new()
    {
        Id = "yoga",
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = new LocalDateTime(2025, 3, 3, 18, 30),
        IdentityStart = new LocalDateTime(2025, 3, 3, 18, 30),
        Zone = NewYork,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
        Revision = 7,
        CreatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
        UpdatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
    };

    private static readonly Session Single = new()
    {
        Id = "s1",
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 3, 9, 0), NewYork),
        End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 3, 10, 0), NewYork),
        Revision = 3,
        CreatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
        UpdatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
    };

    private static readonly InstanceOverride Override = new()
    {
        RecurringSessionId = "yoga",
        IdentityStart = new LocalDateTime(2025, 3, 10, 18, 30),
        Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 19, 30), NewYork),
        Details = new SessionDetailsOverride { Title = "Guest teacher" },
        Revision = 2,
        CreatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
        UpdatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
    };

    [Fact]
    public void A_rule_the_parser_refuses_names_the_series_its_revision_and_the_rule()
    {
        var body = StoredJson.Write(Series).Replace("\"FREQ=WEEKLY\"", "\"FREQ=DAILY;COUNT=1000000000\"", StringComparison.Ordinal);

        var error = Unreadable(() => StoredJson.ReadRecurringSession(body, "yoga"));

        error.Field.Should().Be("yoga");
        error.Message.Should().Contain("Recurring session 'yoga'").And.Contain("revision 7").And.Contain("COUNT");
        error.InnerException.Should().BeOfType<RecurrenceException>();
    }

    [Fact]
    public void A_zone_the_tz_database_lacks_names_the_zone()
    {
        var body = StoredJson.Write(Single).Replace("America/New_York", "Mars/Olympus_Mons", StringComparison.Ordinal);

        Unreadable(() => StoredJson.ReadSession(body, "s1")).Message.Should().Contain("Mars/Olympus_Mons");
    }

    [Fact]
    public void A_body_that_is_not_json_is_named_by_the_id_the_store_gives()
    {
        Unreadable(() => StoredJson.ReadSession("{\"id\":", "s1")).Field.Should().Be("s1");
        Unreadable(() => StoredJson.ReadRecurringSession(string.Empty, "yoga")).Field.Should().Be("yoga");
    }

    [Fact]
    public void A_start_outside_the_supported_years_does_not_read()
    {
        var body = StoredJson.Write(Series).Replace("\"start\":\"2025-03-03T18:30:00\"", "\"start\":\"9999-12-31T18:30:00\"", StringComparison.Ordinal);

        Unreadable(() => StoredJson.ReadRecurringSession(body, "yoga")).Message.Should().Contain("supported range");
    }

    [Fact]
    public void An_override_is_named_by_its_instance_from_the_stored_key_then_from_its_body_then_by_its_series()
    {
        var body = StoredJson.Write(Override);
        var broken = body[..(body.Length / 2)];
        var instance = SessionInstanceId.Format("yoga", new LocalDateTime(2025, 3, 10, 18, 30));

        Unreadable(() => StoredJson.ReadOverride(broken, "yoga", "2025-03-10T18:30:00")).Field.Should().Be(instance);
        Unreadable(() => StoredJson.ReadOverride(broken, "yoga")).Field.Should().Be(instance);
        Unreadable(() => StoredJson.ReadOverride("{", "yoga")).Field.Should().Be("yoga");
    }

    [Fact]
    public void A_required_text_that_is_null_does_not_read()
    {
        var body = StoredJson.Write(Single).Replace("\"scheduleId\":\"schedule-1\"", "\"scheduleId\":null", StringComparison.Ordinal);

        Unreadable(() => StoredJson.ReadSession(body, "s1")).Message.Should().Contain("scheduleId");
    }

    [Fact]
    public void A_value_the_model_refuses_reads_as_an_unreadable_record_not_as_an_invalid_argument()
    {
        var noted = Single with { Details = Single.Details with { NoteLog = [new SessionNote("note-1", "author-1", "Bring a mat", Instant.FromUtc(2025, 1, 1, 0, 0))] } };
        var body = StoredJson.Write(noted).Replace("\"note-1\"", "\" \"", StringComparison.Ordinal);

        var error = Unreadable(() => StoredJson.ReadSession(body, "s1"));

        error.Field.Should().Be("s1");
        error.InnerException.Should().BeOfType<SchedulingException>().Which.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
    }

    [Fact]
    public void Any_damage_to_a_body_reads_back_or_fails_as_an_unreadable_record_and_nothing_else()
    {
        var random = PropertyRuns.RandomSource(salt: 10_2);
        string[] bodies = [StoredJson.Write(Single), StoredJson.Write(Series), StoredJson.Write(Override)];
        const string Alphabet = "{}[]\":,0123456789-+.eEtrufalsn\\ zZT";
        for (var run = 0; run < PropertyRuns.Cases(3_000); run++)
        {
            var kind = random.Next(bodies.Length);
            var chars = bodies[kind].ToCharArray();
            var damaged = random.Next(4) switch
            {
                0 => new string(chars, 0, random.Next(chars.Length)),
                1 => Replace(chars, random.Next(chars.Length), Alphabet[random.Next(Alphabet.Length)]),
                2 => new string(chars).Remove(random.Next(chars.Length), 1),
                _ => new string(chars).Insert(random.Next(chars.Length), Alphabet[random.Next(Alphabet.Length)].ToString()),
            };

            var read = () =>
            {
                _ = kind switch
                {
                    0 => (object)StoredJson.ReadSession(damaged, "s1"),
                    1 => StoredJson.ReadRecurringSession(damaged, "yoga"),
                    _ => StoredJson.ReadOverride(damaged, "yoga"),
                };
            };

            try
            {
                read();
            }
            catch (SchedulingException error)
            {
                error.Code.Should().Be(SchedulingErrorCode.UnreadableRecord, "body {0} failed with: {1}", damaged, error.Message);
            }
            catch (Exception other)
            {
                throw new Xunit.Sdk.XunitException($"Body {damaged} failed with {other.GetType().Name}: {other.Message}");
            }
        }
    }

    private static string Replace(char[] chars, int at, char with)
    {
        var copy = (char[])chars.Clone();
        copy[at] = with;
        return new string(copy);
    }

    private static SchedulingException Unreadable(Action read)
    {
        var error = read.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.UnreadableRecord);
        return error;
    }
}
