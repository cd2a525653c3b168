using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// What the SQLite columns hold beyond ticks (<see cref="Relational.Ticks"/>): keys as sortable text and sets for
/// <c>json_each</c>. Text columns use SQLite's BINARY collation, which is <see cref="IdOrder"/>.
/// </summary>
internal static class ColumnValues
{
    /// <summary>A local date-time as sortable ISO text: <c>2025-03-10T09:00:00</c>, with a fraction only when it has one.</summary>
    public static string Key(LocalDateTime value) => LocalDateTimePattern.ExtendedIso.Format(value);

    /// <summary>A set as a JSON array for <c>json_each</c>, or null when it is empty (empty means "any").</summary>
    public static string? JsonSet(IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A set of numbers as a JSON array for <c>json_each</c>, or null when it is empty.</summary>
    public static string? JsonSet(IReadOnlyCollection<int> values) =>
        values.Count == 0 ? null : "[" + string.Join(",", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
