using System.Text.Json;

namespace Scheduling.Json;

/// <summary>The wire name of an enum member: its name in SCREAMING_SNAKE_CASE (<c>NotAttended</c> is <c>NOT_ATTENDED</c>).</summary>
internal static class WireName
{
    public static string Of(string memberName) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(memberName);
}
