using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Sessions;

/// <summary>
/// The id of an instance of a recurring session: the series id, an underscore, and the instance's identity start as
/// <c>yyyyMMddTHHmmss</c>, for example <c>c3f1..._20250106T183000</c>. Derived, never stored, and stable across
/// edits of the instance or the series.
/// </summary>
public static class SessionInstanceId
{
    private const int KeyLength = 15;
    private static readonly LocalDateTimePattern KeyPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>Formats the id of the instance of <paramref name="recurringSessionId"/> whose identity start is <paramref name="identityStart"/>.</summary>
    public static string Format(string recurringSessionId, LocalDateTime identityStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{recurringSessionId}_{KeyPattern.Format(identityStart)}");

    /// <summary>Reads an instance id back into its series id and identity start; false when the text is not one.</summary>
    public static bool TryParse(string id, out string recurringSessionId, out LocalDateTime identityStart)
    {
        recurringSessionId = string.Empty;
        identityStart = default;
        if (id.Length <= KeyLength + 1 || id[^(KeyLength + 1)] != '_')
        {
            return false;
        }

        var parsed = KeyPattern.Parse(id[^KeyLength..]);
        if (!parsed.Success)
        {
            return false;
        }

        recurringSessionId = id[..^(KeyLength + 1)];
        identityStart = parsed.Value;
        return true;
    }
}
