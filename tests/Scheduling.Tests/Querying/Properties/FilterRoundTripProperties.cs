using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Scheduling.Attendance;
using Scheduling.Querying;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Testing;

namespace Scheduling.Tests.Querying.Properties;

/// <summary>
/// Every filter a schema accepts has one canonical JSON form, within the documented length, that the parser reads
/// back to an equal filter, from text and from UTF-8, and from the cursors that carry it.
/// </summary>
public sealed class FilterRoundTripProperties
{
    /// <summary>A seed and the size and depth budgets of one generated tree: small ones mostly, some at the limits.</summary>
    private static readonly Arbitrary<(int Seed, int Size, int Depth)> Trees = (
            from seed in Gen.Choose(0, int.MaxValue)
            from size in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Constant(FilterLimits.MaxNodes)))
            from depth in Gen.Frequency((3, Gen.Choose(0, 6)), (1, Gen.Constant(FilterLimits.MaxDepth)))
            select (seed, size, depth))
        .ToArbitrary();

    [Fact]
    public void Canonical_json_of_an_accepted_session_filter_parses_back_equal()
    {
        Check.One(PropertyRuns.Config(300), Prop.ForAll(Trees, budget =>
        {
            var node = new FilterTrees<Session>(SessionFilter.Schema, new Random(budget.Seed)).Next(budget.Size, budget.Depth);
            var filter = SessionFilter.FromNode(node);
            var json = filter.ToJson();

            var parsed = SessionFilter.Parse(json);

            return parsed.Node.Equals(node)
                && parsed.ToJson() == json
                && SessionFilter.Parse(Encoding.UTF8.GetBytes(json)).Node.Equals(node)
                && json.Length <= FilterLimits.MaxCanonicalJsonLength
                && json.All(char.IsAscii);
        }));
    }

    [Fact]
    public void Canonical_json_of_an_accepted_attendance_filter_parses_back_equal()
    {
        Check.One(PropertyRuns.Config(200), Prop.ForAll(Trees, budget =>
        {
            var node = new FilterTrees<Scheduling.Attendance.Attendance>(AttendanceFilter.Schema, new Random(budget.Seed)).Next(budget.Size, budget.Depth);
            var json = AttendanceFilter.FromNode(node).ToJson();

            return AttendanceFilter.Parse(json).Node.Equals(node) && json.Length <= FilterLimits.MaxCanonicalJsonLength;
        }));
    }

    [Fact]
    public void Filter_written_loosely_parses_to_the_same_tree_as_its_canonical_form()
    {
        // White space, plain values for $eq, lower-case choices and escaped letters are the same filter.
        Check.One(PropertyRuns.Config(200), Prop.ForAll(Trees, budget =>
        {
            var random = new Random(budget.Seed);
            var node = new FilterTrees<Session>(SessionFilter.Schema, random).Next(budget.Size, budget.Depth);
            var loose = LooseJson.Write(node, SessionFilter.Schema, random);

            return SessionFilter.Parse(loose).Node.Equals(node);
        }));
    }

    [Fact]
    public void Accepted_filter_reads_back_equal_from_the_cursors_that_carry_it()
    {
        Check.One(PropertyRuns.Config(150), Prop.ForAll(Trees, budget =>
        {
            var sessions = new FilterTrees<Session>(SessionFilter.Schema, new Random(budget.Seed)).Next(budget.Size, budget.Depth);
            var attendance = new FilterTrees<Scheduling.Attendance.Attendance>(AttendanceFilter.Schema, new Random(budget.Seed)).Next(budget.Size, budget.Depth);
            var at = Instant.FromUtc(2025, 3, 1, 0, 0);
            var sessionCursor = new SessionCursor(at, at + Duration.FromDays(1), SessionFilter.FromNode(sessions).ToJson(), SessionFieldset.Default, 10, at, "a");
            var attendanceCursor = new AttendanceCursor(AttendanceFilter.FromNode(attendance).ToJson(), AttendanceSort.IdAscending, 10, SeekDirection.Forward, null);

            var sessionsBack = SessionFilter.Parse(SessionCursor.FromPayload(sessionCursor.ToPayload()).FilterJson);
            var attendanceBack = AttendanceFilter.Parse(AttendanceCursor.FromPayload(attendanceCursor.ToPayload()).FilterJson);

            return sessionsBack.Node.Equals(sessions) && attendanceBack.Node.Equals(attendance);
        }));
    }
}
