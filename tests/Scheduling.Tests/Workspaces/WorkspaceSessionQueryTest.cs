using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Workspaces;

/// <summary>
/// A workspace list's query read from the workspace API's query-string parameters: empty ones left out, errors naming the
/// parameter at fault.
/// </summary>
public sealed class WorkspaceSessionQueryTest
{
    [Fact]
    public void Without_parameters_the_query_asks_for_everything()
    {
        var query = WorkspaceSessionQuery.FromParameters();

        query.ClientId.Should().BeNull();
        query.ServiceIds.Should().BeEmpty();
        query.StaffId.Should().BeNull();
        query.DateFrom.Should().BeNull();
        query.DateTo.Should().BeNull();
        query.Status.Should().BeNull();
        query.PageSize.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_parameters_are_left_out(string empty)
    {
        var query = WorkspaceSessionQuery.FromParameters(clientId: empty, serviceIds: empty, dateFrom: empty, dateTo: empty, status: empty);

        query.ClientId.Should().BeNull();
        query.ServiceIds.Should().BeEmpty();
        query.DateFrom.Should().BeNull();
        query.DateTo.Should().BeNull();
        query.Status.Should().BeNull();
    }

    [Fact]
    public void The_client_id_is_kept_without_surrounding_blanks()
    {
        WorkspaceSessionQuery.FromParameters(clientId: " c1 ").ClientId.Should().Be("c1");
    }

    [Fact]
    public void Service_ids_are_read_comma_separated_in_order()
    {
        WorkspaceSessionQuery.FromParameters(serviceIds: "massage,physio").ServiceIds.Should().Equal("massage", "physio");
    }

    [Fact]
    public void Blanks_around_service_ids_and_empty_entries_are_ignored()
    {
        WorkspaceSessionQuery.FromParameters(serviceIds: " massage , ,physio,, ").ServiceIds.Should().Equal("massage", "physio");
    }

    [Fact]
    public void A_service_id_given_twice_is_kept_once()
    {
        WorkspaceSessionQuery.FromParameters(serviceIds: "massage,physio,massage").ServiceIds.Should().Equal("massage", "physio");
    }

    [Fact]
    public void Service_ids_are_compared_exactly()
    {
        WorkspaceSessionQuery.FromParameters(serviceIds: "massage,Massage").ServiceIds.Should().Equal("massage", "Massage");
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" , ,")]
    public void Service_ids_that_name_no_service_are_an_error_naming_serviceIds(string serviceIds)
    {
        ShouldRefuse(() => WorkspaceSessionQuery.FromParameters(serviceIds: serviceIds), "serviceIds");
    }

    [Theory]
    [InlineData("scheduled", LifecycleStatus.Scheduled)]
    [InlineData("in-progress", LifecycleStatus.InProgress)]
    [InlineData("completed", LifecycleStatus.Completed)]
    [InlineData("cancelled", LifecycleStatus.Cancelled)]
    public void The_status_is_read_by_its_name(string status, LifecycleStatus expected)
    {
        WorkspaceSessionQuery.FromParameters(status: status).Status.Should().Be(expected);
    }

    [Fact]
    public void The_status_is_read_without_surrounding_blanks_and_whatever_its_case()
    {
        WorkspaceSessionQuery.FromParameters(status: " In-Progress ").Status.Should().Be(LifecycleStatus.InProgress);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("in_progress")]
    [InlineData("1")]
    public void An_unknown_status_is_an_error_naming_status(string status)
    {
        ShouldRefuse(() => WorkspaceSessionQuery.FromParameters(status: status), "status");
    }

    [Fact]
    public void The_dates_are_read_as_date_bounds()
    {
        var query = WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-09", dateTo: "2025-03-16T10:00:00Z");

        query.DateFrom.Should().Be(DateBound.OnDate(new LocalDate(2025, 3, 9)));
        query.DateTo.Should().Be(DateBound.AtInstant(Instant.FromUtc(2025, 3, 16, 10, 0)));
    }

    [Fact]
    public void A_local_date_time_is_read_as_a_local_bound()
    {
        WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-09T10:00").DateFrom.Should().Be(DateBound.AtLocal(new LocalDateTime(2025, 3, 9, 10, 0)));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2025-02-30")]
    [InlineData("09/03/2025")]
    public void A_dateFrom_that_is_not_iso_8601_is_an_error_naming_dateFrom(string text)
    {
        ShouldRefuse(() => WorkspaceSessionQuery.FromParameters(dateFrom: text), "dateFrom");
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2025-13-01")]
    [InlineData("2025-03-09T10:00:00 UTC")]
    public void A_dateTo_that_is_not_iso_8601_is_an_error_naming_dateTo(string text)
    {
        ShouldRefuse(() => WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-09", dateTo: text), "dateTo");
    }

    [Fact]
    public void Every_parameter_given_is_kept()
    {
        var query = WorkspaceSessionQuery.FromParameters("c1", "massage", "2025-03-09", "2025-03-10", "scheduled");

        query.ClientId.Should().Be("c1");
        query.ServiceIds.Should().Equal("massage");
        query.DateFrom.Should().Be(DateBound.OnDate(new LocalDate(2025, 3, 9)));
        query.DateTo.Should().Be(DateBound.OnDate(new LocalDate(2025, 3, 10)));
        query.Status.Should().Be(LifecycleStatus.Scheduled);
    }

    private static void ShouldRefuse(Func<WorkspaceSessionQuery> read, string parameter)
    {
        var error = read.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be(parameter);
    }
}
