using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Testing;

namespace Scheduling.Tests.Stores;

public sealed class SessionWindowTest
{
    private static readonly Instant Nine = Instant.FromUtc(2025, 3, 3, 9, 0);
    private static readonly Instant Ten = Nine + Duration.FromHours(1);
    private static readonly Instant Eleven = Ten + Duration.FromHours(1);
    private static readonly Instant Noon = Eleven + Duration.FromHours(1);
    private static readonly SessionWindow TenToEleven = new(Ten, Eleven);

    [Fact]
    public void Session_inside_the_window_overlaps() =>
        TenToEleven.Overlaps(Ten + Duration.FromMinutes(15), Ten + Duration.FromMinutes(45)).Should().BeTrue();

    [Fact]
    public void Session_longer_than_the_window_on_both_sides_overlaps() =>
        TenToEleven.Overlaps(Nine, Noon).Should().BeTrue();

    [Fact]
    public void Session_ending_as_the_window_starts_does_not_overlap() =>
        TenToEleven.Overlaps(Nine, Ten).Should().BeFalse();

    [Fact]
    public void Session_starting_as_the_window_ends_does_not_overlap() =>
        TenToEleven.Overlaps(Eleven, Noon).Should().BeFalse();

    [Fact]
    public void Instant_long_session_at_the_window_start_overlaps() =>
        TenToEleven.Overlaps(Ten, Ten).Should().BeTrue();

    [Fact]
    public void Instant_long_session_at_the_window_end_does_not_overlap() =>
        TenToEleven.Overlaps(Eleven, Eleven).Should().BeFalse();

    [Fact]
    public void Instant_long_session_before_the_window_does_not_overlap() =>
        TenToEleven.Overlaps(Nine, Nine).Should().BeFalse();

    [Fact]
    public void Overlap_is_sharing_an_instant_or_an_instant_long_session_starting_inside()
    {
        // On a grid of whole seconds, [start, end) and a non-empty [from, to) overlap exactly when some second of the
        // window lies in the session, or the session is instant-long and its start lies in the window. (Queries refuse
        // empty windows.)
        var random = PropertyRuns.RandomSource(salt: 71);
        for (var i = 0; i < PropertyRuns.Cases(2_000); i++)
        {
            var from = random.Next(0, 11);
            var to = random.Next(from + 1, 12);
            var (start, end) = Ordered(random.Next(0, 12), random.Next(0, 12));
            var sharesASecond = Enumerable.Range(from, to - from).Any(second => second >= start && second < end);
            var instantLongInside = start == end && start >= from && start < to;

            new SessionWindow(At(from), At(to)).Overlaps(At(start), At(end))
                .Should().Be(sharesASecond || instantLongInside, "window [{0}, {1}) and session [{2}, {3})", from, to, start, end);
        }
    }

    private static (int Low, int High) Ordered(int left, int right) => left <= right ? (left, right) : (right, left);

    private static Instant At(int second) => Nine + Duration.FromSeconds(second);
}
