using System.Text.Json;
using Scheduling.Querying;

namespace Scheduling.Attendance;

/// <summary>
/// The order of an attendance query: by id (the default, ascending) or by number of attendees, either way. The id
/// always breaks ties, in the same direction, so the order is total: keyset paging never repeats or skips an item,
/// and a descending sort is exactly the ascending one read backwards (one index serves both).
/// </summary>
/// <remarks>Immutable and thread-safe; two sorts are equal when field and order are.</remarks>
public sealed record AttendanceSort
{
    /// <summary>By id, ascending: the default.</summary>
    public static readonly AttendanceSort IdAscending = new(AttendanceSortField.Id, SortOrder.Ascending);

    /// <summary>By id, descending.</summary>
    public static readonly AttendanceSort IdDescending = new(AttendanceSortField.Id, SortOrder.Descending);

    /// <summary>Fewest attendees first; among equals, by id ascending.</summary>
    public static readonly AttendanceSort NumberOfAttendeesAscending = new(AttendanceSortField.NumberOfAttendees, SortOrder.Ascending);

    /// <summary>Most attendees first; among equals, by id descending.</summary>
    public static readonly AttendanceSort NumberOfAttendeesDescending = new(AttendanceSortField.NumberOfAttendees, SortOrder.Descending);

    private AttendanceSort(AttendanceSortField field, SortOrder order)
    {
        Field = field;
        Order = order;
    }

    /// <summary>Gets the field sorted by.</summary>
    public AttendanceSortField Field { get; }

    /// <summary>Gets the direction.</summary>
    public SortOrder Order { get; }

    /// <summary>Gets a value indicating whether the sort runs largest first.</summary>
    public bool IsDescending => Order == SortOrder.Descending;

    /// <summary>The sort by <paramref name="field"/> in <paramref name="order"/>.</summary>
    /// <exception cref="SchedulingException">Invalid argument (<c>sort</c>) for an undefined field or order.</exception>
    public static AttendanceSort Of(AttendanceSortField field, SortOrder order) => (field, order) switch
    {
        (AttendanceSortField.Id, SortOrder.Ascending) => IdAscending,
        (AttendanceSortField.Id, SortOrder.Descending) => IdDescending,
        (AttendanceSortField.NumberOfAttendees, SortOrder.Ascending) => NumberOfAttendeesAscending,
        (AttendanceSortField.NumberOfAttendees, SortOrder.Descending) => NumberOfAttendeesDescending,
        _ => throw SchedulingException.Invalid("sort", $"Sort by {field} {order} is not defined."),
    };

    /// <summary>
    /// Parses the anchor API's form, <c>[{"fieldName":"numberOfAttendees","order":"DESC"}]</c>: an empty array for the
    /// default, or one entry (<c>id</c> or <c>numberOfAttendees</c>; <c>order</c> <c>ASC</c>, the default, or
    /// <c>DESC</c>), optionally followed by <c>id</c> in the same order, which is the tie-breaker anyway.
    /// </summary>
    /// <exception cref="SchedulingException">Invalid argument naming the entry at fault (<c>sort[0].fieldName</c>), or on <c>sort</c> for text that is null or not a JSON array.</exception>
    public static AttendanceSort Parse(string json)
    {
        if (json is null)
        {
            throw SchedulingException.Invalid("sort", "The sort text is null: give a JSON array, [] for the default.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw SchedulingException.Invalid("sort", "The sort must be a JSON array of {\"fieldName\":...,\"order\":...} objects.");
            }

            var entries = root.EnumerateArray().Select(ReadEntry).ToList();
            if (entries.Count == 0)
            {
                return IdAscending;
            }

            var sort = Of(entries[0].Field, entries[0].Order);
            if (entries.Count > 2 || (entries.Count == 2 && (entries[1].Field != AttendanceSortField.Id || entries[1].Order != sort.Order)))
            {
                throw SchedulingException.Invalid("sort[1]", "Only one sort field may be given; the id, in the same order, is always the tie-breaker.");
            }

            return sort;
        }
        catch (JsonException exception)
        {
            throw new SchedulingException(SchedulingErrorCode.InvalidArgument, $"The sort is not valid JSON: {exception.Message}", "sort", exception);
        }
    }

    /// <summary>The anchor API's form of this sort, for example <c>[{"fieldName":"id","order":"ASC"}]</c>.</summary>
    public string ToJson() =>
        $$"""[{"fieldName":"{{(Field == AttendanceSortField.Id ? "id" : "numberOfAttendees")}}","order":"{{(IsDescending ? "DESC" : "ASC")}}"}]""";

    /// <inheritdoc />
    public override string ToString() => ToJson();

    private static (AttendanceSortField Field, SortOrder Order) ReadEntry(JsonElement entry, int index)
    {
        var path = $"sort[{index}]";
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw SchedulingException.Invalid(path, $"{path} must be an object with fieldName and order.");
        }

        var field = entry.TryGetProperty("fieldName", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString() switch
            {
                "id" => AttendanceSortField.Id,
                "numberOfAttendees" => AttendanceSortField.NumberOfAttendees,
                var other => throw SchedulingException.Invalid($"{path}.fieldName", $"Attendance cannot be sorted by '{other}': use id or numberOfAttendees."),
            }
            : throw SchedulingException.Invalid($"{path}.fieldName", $"{path} needs a fieldName: id or numberOfAttendees.");
        var order = !entry.TryGetProperty("order", out var direction)
            ? SortOrder.Ascending
            : direction.ValueKind == JsonValueKind.String
                ? direction.GetString()!.ToUpperInvariant() switch
                {
                    "ASC" => SortOrder.Ascending,
                    "DESC" => SortOrder.Descending,
                    _ => throw SchedulingException.Invalid($"{path}.order", $"'{direction.GetString()}' is not an order: use ASC or DESC."),
                }
                : throw SchedulingException.Invalid($"{path}.order", "The order is ASC or DESC.");
        return (field, order);
    }
}
