using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Scheduling.Json;
using Scheduling.Testing;

namespace Scheduling.Tests.Json;

/// <summary>
/// A host's source-generated context built over the configured options writes the same JSON as the reflection path
/// and reads it back to the same values.
/// </summary>
public sealed class SourceGeneratedContextTest
{
    private static readonly JsonSerializerOptions Reflection = new JsonSerializerOptions().ConfigureForScheduling();
    private static readonly HostJsonContext Context = new(new JsonSerializerOptions().ConfigureForScheduling());

    public static TheoryData<string> TypeNames => [.. HostTypes().Select(JsonRoundTripProperties.Name)];

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Source_generated_context_writes_what_reflection_writes_and_reads_it_back(string typeName)
    {
        var type = HostTypes().Single(t => JsonRoundTripProperties.Name(t) == typeName);
        var info = Context.GetTypeInfo(type)!;
        var generator = new ValueGenerator(PropertyRuns.RandomSource(0x6E ^ PropertyRuns.SaltOf(typeName)));
        for (var i = 0; i < PropertyRuns.Cases(10); i++)
        {
            var value = generator.Next(type);

            var generated = JsonSerializer.Serialize(value, info);
            var read = JsonSerializer.Deserialize(generated, info);

            generated.Should().Be(JsonSerializer.Serialize(value, type, Reflection));
            Structural.Difference(value, read).Should().BeNull($"{typeName} read back from {generated}");
        }
    }

    [Fact]
    public void The_sessions_metadata_comes_from_the_generated_code()
    {
        var info = Context.GetTypeInfo(typeof(Scheduling.Sessions.Session))!;

        info.OriginatingResolver.Should().BeSameAs(Context);
        info.Kind.Should().Be(JsonTypeInfoKind.Object);
        info.Properties.Select(p => p.Name).Should().Contain(["start", "status", "details"]);
    }

    private static IEnumerable<Type> HostTypes() =>
        typeof(HostJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "JsonSerializableAttribute")
            .Select(a => (Type)a.ConstructorArguments[0].Value!);
}
