namespace Scheduling.Sessions;

/// <summary>The ids the library gives records the caller did not name: sessions, series and notes. Thread-safe.</summary>
internal static class RecordIds
{
    /// <summary>A new id: 32 lowercase hex digits of a random GUID.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
