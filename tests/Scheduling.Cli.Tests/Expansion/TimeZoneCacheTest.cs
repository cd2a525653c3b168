using Scheduling.Cli.Expansion;

namespace Scheduling.Cli.Tests.Expansion;

public class TimeZoneCacheTest
{
    [Fact]
    public void Known_id_is_looked_up_once()
    {
        var provider = new CountingProvider();
        var cache = new TimeZoneCache(provider);

        cache.Find("Europe/Berlin").Should().Be(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        cache.Find("Europe/Berlin").Should().Be(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        provider.Lookups.Should().Be(1);
    }

    [Fact]
    public void Unknown_id_is_remembered_as_unknown()
    {
        var provider = new CountingProvider();
        var cache = new TimeZoneCache(provider);

        cache.Find("Mars/Olympus_Mons").Should().BeNull();
        cache.Find("Mars/Olympus_Mons").Should().BeNull();

        provider.Lookups.Should().Be(1);
    }

    [Fact]
    public void Ids_are_case_sensitive()
    {
        new TimeZoneCache().Find("europe/berlin").Should().BeNull();
    }

    [Fact]
    public void Full_cache_starts_afresh_instead_of_growing()
    {
        var provider = new CountingProvider();
        var cache = new TimeZoneCache(provider);
        cache.Find("Europe/Berlin");
        for (var i = 0; i < TimeZoneCache.Capacity; i++)
        {
            cache.Find($"Made/Up_{i}");
        }

        cache.Find("Europe/Berlin").Should().NotBeNull();

        provider.Lookups.Should().Be(TimeZoneCache.Capacity + 2);
    }

    private sealed class CountingProvider : IDateTimeZoneProvider
    {
        private readonly IDateTimeZoneProvider _inner = DateTimeZoneProviders.Tzdb;

        public int Lookups { get; private set; }

        public string VersionId => _inner.VersionId;

        public System.Collections.ObjectModel.ReadOnlyCollection<string> Ids => _inner.Ids;

        public DateTimeZone this[string id] => GetZoneOrNull(id) ?? throw new NodaTime.TimeZones.DateTimeZoneNotFoundException(id);

        public DateTimeZone GetSystemDefault() => _inner.GetSystemDefault();

        public DateTimeZone? GetZoneOrNull(string id)
        {
            Lookups++;
            return _inner.GetZoneOrNull(id);
        }
    }
}
