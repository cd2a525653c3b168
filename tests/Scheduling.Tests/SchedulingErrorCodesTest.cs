namespace Scheduling.Tests;

/// <summary>The one table from error codes to HTTP statuses that hosts share.</summary>
public sealed class SchedulingErrorCodesTest
{
    [Theory]
    [InlineData(SchedulingErrorCode.NotFound, 404)]
    [InlineData(SchedulingErrorCode.PermissionDenied, 403)]
    [InlineData(SchedulingErrorCode.Unauthenticated, 401)]
    [InlineData(SchedulingErrorCode.InvalidArgument, 400)]
    [InlineData(SchedulingErrorCode.Conflict, 409)]
    [InlineData(SchedulingErrorCode.LimitExceeded, 422)]
    [InlineData(SchedulingErrorCode.UnreadableRecord, 500)]
    public void Each_code_maps_to_its_http_status(SchedulingErrorCode code, int status)
    {
        code.ToHttpStatusCode().Should().Be(status);
    }

    [Fact]
    public void Every_code_has_a_status_of_its_own_and_only_an_unreadable_record_is_the_servers_fault()
    {
        // Enumerated, so that a code added later cannot be left out of the table (it would fall to 500 and fail here).
        var codes = Enum.GetValues<SchedulingErrorCode>();
        var statuses = codes.ToDictionary(code => code, code => code.ToHttpStatusCode());

        statuses.Values.Should().OnlyContain(status => status >= 400 && status <= 599);
        statuses.Values.Should().OnlyHaveUniqueItems("each code is told apart on the wire");
        statuses.Where(pair => pair.Value >= 500).Select(pair => pair.Key).Should().Equal(SchedulingErrorCode.UnreadableRecord);
        codes.Should().HaveCount(7, "a new code needs its status decided in SchedulingErrorCodes and a row in the test above");
    }

    [Fact]
    public void A_value_that_is_not_a_code_maps_to_a_server_error_without_throwing()
    {
        ((SchedulingErrorCode)99).ToHttpStatusCode().Should().Be(500);
    }
}
