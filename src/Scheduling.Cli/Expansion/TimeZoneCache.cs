using NodaTime;

namespace Scheduling.Cli.Expansion;

/// <summary>
/// Looks up IANA time zones by id and remembers the answers, unknown ids included, so a stream of requests in a
/// handful of zones looks each one up once.
/// </summary>
/// <remarks>
/// The cache holds at most <see cref="Capacity"/> ids and starts afresh when full, so a stream of made-up ids cannot
/// grow it without bound. Ids are case-sensitive, as in the tz database. This type is not thread-safe: give each
/// reader its own.
/// </remarks>
internal sealed class TimeZoneCache
{
    /// <summary>The most ids remembered at once.</summary>
    public const int Capacity = 1024;

    private readonly IDateTimeZoneProvider _provider;
    private readonly Dictionary<string, DateTimeZone?> _zones = new(StringComparer.Ordinal);

    /// <summary>Creates a cache over <paramref name="provider"/>.</summary>
    /// <param name="provider">Where zones come from; the tz database (<see cref="DateTimeZoneProviders.Tzdb"/>) by default.</param>
    public TimeZoneCache(IDateTimeZoneProvider? provider = null)
    {
        _provider = provider ?? DateTimeZoneProviders.Tzdb;
    }

    /// <summary>Returns the zone with id <paramref name="id"/>, or null when there is none.</summary>
    public DateTimeZone? Find(string id)
    {
        if (_zones.TryGetValue(id, out var zone))
        {
            return zone;
        }

        if (_zones.Count >= Capacity)
        {
            _zones.Clear();
        }

        zone = _provider.GetZoneOrNull(id);
        _zones[id] = zone;
        return zone;
    }
}
