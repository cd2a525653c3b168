using Scheduling.Querying;

namespace Scheduling.Tests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>The sort of an attendance query, and the anchor API's JSON form of it.</summary>
public sealed class AttendanceSortTest
{
    [Theory]
    [InlineData("""[]""", AttendanceSortField.Id, SortOrder.Ascending)]
    [InlineData("""[{"fieldName":"id"}]""", AttendanceSortField.Id, SortOrder.Ascending)]
    [InlineData("""[{"fieldName":"id","order":"DESC"}]""", AttendanceSortField.Id, SortOrder.Descending)]
    [InlineData("""[{"fieldName":"numberOfAttendees","order":"asc"}]""", AttendanceSortField.NumberOfAttendees, SortOrder.Ascending)]
    [InlineData("""[{"fieldName":"numberOfAttendees","order":"DESC"},{"fieldName":"id","order":"DESC"}]""", AttendanceSortField.NumberOfAttendees, SortOrder.Descending)]
    public void The_anchor_form_parses_to_one_of_the_four_sorts(string json, AttendanceSortField field, SortOrder order)
    {
        var sort = AttendanceSort.Parse(json);

        sort.Should().BeSameAs(AttendanceSort.Of(field, order));
        (sort.Field, sort.Order).Should().Be((field, order));
    }

    [Theory]
    [InlineData("""{"fieldName":"id"}""", "sort")]
    [InlineData("""[{"fieldName":"bookingId"}]""", "sort[0].fieldName")]
    [InlineData("""[{"order":"ASC"}]""", "sort[0].fieldName")]
    [InlineData("""[{"fieldName":"id","order":"UP"}]""", "sort[0].order")]
    [InlineData("""[{"fieldName":"id","order":1}]""", "sort[0].order")]
    [InlineData("""["id"]""", "sort[0]")]
    [InlineData("""[{"fieldName":"numberOfAttendees"},{"fieldName":"id","order":"DESC"}]""", "sort[1]")]
    [InlineData("""[{"fieldName":"numberOfAttendees"},{"fieldName":"id"},{"fieldName":"id"}]""", "sort[1]")]
    [InlineData("""[{""", "sort")]
    public void A_sort_the_api_does_not_offer_is_invalid_and_names_the_entry(string json, string path)
    {
        var error = ((Action)(() => AttendanceSort.Parse(json))).Should().Throw<SchedulingException>().Which;

        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be(path);
    }

    [Fact]
    public void A_sort_writes_the_anchor_form_and_reads_it_back()
    {
        foreach (var sort in new[] { AttendanceSort.IdAscending, AttendanceSort.IdDescending, AttendanceSort.NumberOfAttendeesAscending, AttendanceSort.NumberOfAttendeesDescending })
        {
            AttendanceSort.Parse(sort.ToJson()).Should().Be(sort);
        }

        AttendanceSort.NumberOfAttendeesDescending.ToString().Should().Be("""[{"fieldName":"numberOfAttendees","order":"DESC"}]""");
    }

    [Fact]
    public void An_undefined_field_or_order_is_invalid()
    {
        ((Action)(() => AttendanceSort.Of((AttendanceSortField)3, SortOrder.Ascending))).Should().Throw<SchedulingException>().Which.Field.Should().Be("sort");
        ((Action)(() => AttendanceSort.Of(AttendanceSortField.Id, (SortOrder)3))).Should().Throw<SchedulingException>().Which.Field.Should().Be("sort");
    }

    [Fact]
    public void The_default_query_sorts_by_id_ascending()
    {
        new AttendanceQuery().Sort.Should().BeSameAs(AttendanceSort.IdAscending);
        new AttendanceQuery().Filter.Should().BeSameAs(AttendanceFilter.All);
        new AttendanceQuery().Limit.Should().BeNull();
    }
}
