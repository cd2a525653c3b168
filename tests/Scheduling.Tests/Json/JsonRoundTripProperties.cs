using System.Text.Json;
using Scheduling.Json;
using Scheduling.Testing;

namespace Scheduling.Tests.Json;

/// <summary>
/// Every public model, request, page and error type of the Scheduling assembly round-trips exactly through the
/// configured options: written, read back to a structurally equal value, and written again to the same text.
/// </summary>
public sealed class JsonRoundTripProperties
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ConfigureForScheduling();

    public static TheoryData<string> TypeNames => [.. WireTypes.All.Select(Name)];

    [Fact]
    public void Every_wire_type_has_a_generator()
    {
        var generator = new ValueGenerator(PropertyRuns.RandomSource(1));

        var missing = WireTypes.All.Select(t => generator.CannotMake(t)).OfType<string>().ToList();

        missing.Should().BeEmpty("every type that travels as JSON must be generated for the round-trip property");
        WireTypes.All.Should().HaveCountGreaterThan(40, "the rule must not exclude the models by accident");
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Wire_type_round_trips_exactly(string typeName)
    {
        var type = WireTypes.All.Single(t => Name(t) == typeName);
        var generator = new ValueGenerator(PropertyRuns.RandomSource(PropertyRuns.SaltOf(typeName) & 0xFFFF));
        for (var i = 0; i < PropertyRuns.Cases(15); i++)
        {
            var value = generator.Next(type);
            var json = JsonSerializer.Serialize(value, type, Options);

            var read = JsonSerializer.Deserialize(json, type, Options);

            Structural.Difference(value, read).Should().BeNull($"{typeName} read back from {json}");
            JsonSerializer.Serialize(read, type, Options).Should().Be(json);
        }
    }

    internal static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}
