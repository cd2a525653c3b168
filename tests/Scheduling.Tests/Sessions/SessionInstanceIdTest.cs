using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>Instance ids: the series id, an underscore, and the identity start as yyyyMMddTHHmmss.</summary>
public sealed class SessionInstanceIdTest
{
    [Fact]
    public void Instance_id_is_the_series_id_and_the_local_start()
    {
        SessionInstanceId.Format("yoga", new LocalDateTime(2025, 3, 3, 18, 30)).Should().Be("yoga_20250303T183000");
    }

    [Theory]
    [InlineData("yoga_20250303T183000", "yoga")]
    [InlineData("my_series_20250303T183000", "my_series")]
    [InlineData("_20250303T183000_20250303T183000", "_20250303T183000")]
    public void Instance_id_reads_back_into_series_id_and_start(string id, string seriesId)
    {
        SessionInstanceId.TryParse(id, out var parsedSeries, out var start).Should().BeTrue();

        parsedSeries.Should().Be(seriesId);
        start.Should().Be(new LocalDateTime(2025, 3, 3, 18, 30));
    }

    [Theory]
    [InlineData("yoga")]
    [InlineData("_20250303T183000")]
    [InlineData("yoga-20250303T183000")]
    [InlineData("yoga_20250303 183000")]
    [InlineData("yoga_20251303T183000")]
    [InlineData("yoga_20250230T183000")]
    [InlineData("yoga_20250303T246000")]
    public void Text_that_is_no_instance_id_does_not_parse(string id)
    {
        SessionInstanceId.TryParse(id, out _, out _).Should().BeFalse();
    }
}
