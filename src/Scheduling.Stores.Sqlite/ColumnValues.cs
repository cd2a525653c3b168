using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// What the SQLite columns hold beyond ticks (<see cref="Relational.Ticks"/>): keys as sortable text, sets for
/// <c>json_each</c>, and the order SQLite's BINARY collation gives text.
/// </summary>
internal static class ColumnValues
{
    /// <summary>A local date-time as sortable ISO text: <c>2025-03-10T09:00:00</c>, with a fraction only when it has one.</summary>
    public static string Key(LocalDateTime value) => LocalDateTimePattern.ExtendedIso.Format(value);

    /// <summary>
    /// Compares two texts as SQLite's BINARY collation compares them once stored: by their UTF-8 bytes, which is the
    /// order of their code points. That is the ordinal order, except that a character beyond U+FFFF (a surrogate pair
    /// in UTF-16) sorts after U+E000 to U+FFFF instead of before them.
    /// </summary>
    public static int CompareBinary(string left, string right)
    {
        var mismatch = left.AsSpan().CommonPrefixLength(right);
        if (mismatch == left.Length || mismatch == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        return CodePointRank(left[mismatch]).CompareTo(CodePointRank(right[mismatch]));
    }

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

    /// <summary>
    /// Ranks a UTF-16 code unit where texts first differ so that ranks compare as code points do: surrogates (the
    /// halves of characters beyond U+FFFF) move above U+E000 to U+FFFF, which move down to make room.
    /// </summary>
    private static int CodePointRank(char unit) =>
        unit < 0xD800 ? unit : unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;
}
