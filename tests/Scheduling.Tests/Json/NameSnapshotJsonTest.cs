using System.Text.Json;
using Scheduling.Json;
using Scheduling.Sessions;

namespace Scheduling.Tests.Json;

/// <summary>Names by id are written in the ordinal order of the ids, so equal snapshots are equal text in every process.</summary>
public sealed class NameSnapshotJsonTest
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ConfigureForScheduling();

    [Fact]
    public void Names_are_written_in_the_ordinal_order_of_their_ids_whatever_order_they_were_added_in()
    {
        var forwards = NameSnapshot.Empty.WithClient("c-a", "Ada").WithClient("c-B", "Bea").WithClient("c-1", "One");
        var backwards = NameSnapshot.Empty.WithClient("c-1", "One").WithClient("c-B", "Bea").WithClient("c-a", "Ada");

        var json = JsonSerializer.Serialize(forwards, Options);

        json.Should().Contain("""
            "clients":{"c-1":"One","c-B":"Bea","c-a":"Ada"}
            """);
        JsonSerializer.Serialize(backwards, Options).Should().Be(json);
    }

    [Fact]
    public void Names_read_back_equal()
    {
        var snapshot = NameSnapshot.Empty.WithClient("c-1", "Ada").WithService("s-1", "Yoga").WithStaff("t-1", "Grace");

        var read = JsonSerializer.Deserialize<NameSnapshot>(JsonSerializer.Serialize(snapshot, Options), Options)!;

        read.Clients.Should().Equal(snapshot.Clients);
        read.Services.Should().Equal(snapshot.Services);
        read.Staff.Should().Equal(snapshot.Staff);
    }

    [Fact]
    public void A_repeated_id_is_refused_with_where_it_is()
    {
        var reading = () => JsonSerializer.Deserialize<NameSnapshot>("""{"clients":{"c-1":"Ada","c-1":"Bea"}}""", Options);

        reading.Should().Throw<JsonException>().Which.Path.Should().Be("$.clients");
    }

    [Fact]
    public void A_name_that_is_not_text_is_refused() =>
        FluentActions.Invoking(() => JsonSerializer.Deserialize<NameSnapshot>("""{"clients":{"c-1":7}}""", Options))
            .Should().Throw<JsonException>();
}
