using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduling.Json;
using Scheduling.Testing;

namespace Scheduling.Tests.Json;

/// <summary>
/// Reading a damaged document of any wire type either succeeds or is a <see cref="JsonException"/> that says where:
/// never another exception. The documents are valid ones, mutated at random: a value replaced by one of another kind
/// or by a near miss (an unknown enum name, a rule with a bad part, an unknown zone, a blank id, a negative size), a
/// property removed, renamed or added, an item removed or repeated, or the text cut, or a character changed.
/// </summary>
public sealed class JsonMutationProperties
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ConfigureForScheduling();

    private static readonly JsonNode?[] Replacements =
    [
        null, true, false, 0, -1, 1.5, long.MaxValue, decimal.MaxValue, "", " ", "X", "CONFIRMD", "confirmed", "1", "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=DAILY;COUNT=0", "2025-13-01", "2025-03-10T25:00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00", "Mars/Olympus", "-5",
        "{\"$gt\":1}", "[{\"fieldName\":\"title\"}]", "00:00:-1",
    ];

    private const string Punctuation = "{}[],:\"x0-";

    public static TheoryData<string> TypeNames => JsonRoundTripProperties.TypeNames;

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Damaged_document_reads_or_is_a_json_exception(string typeName)
    {
        var type = WireTypes.All.Single(t => JsonRoundTripProperties.Name(t) == typeName);
        var random = PropertyRuns.RandomSource(0x5EED ^ PropertyRuns.SaltOf(typeName));
        var generator = new ValueGenerator(random);
        for (var i = 0; i < PropertyRuns.Cases(25); i++)
        {
            var json = JsonSerializer.Serialize(generator.Next(type), type, Options);
            var damaged = random.Next(4) == 0 ? DamageText(json, random) : DamageTree(json, random);
            try
            {
                JsonSerializer.Deserialize(damaged, type, Options);
            }
            catch (JsonException exception)
            {
                exception.Path.Should().NotBeNull($"a refusal says where, for {damaged}");
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Reading {typeName} from {damaged} threw {exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private static string DamageText(string json, Random random)
    {
        var at = random.Next(json.Length);
        return random.Next(3) switch
        {
            0 => json[..at],
            1 => json.Remove(at, 1).Insert(at, Punctuation[random.Next(Punctuation.Length)].ToString()),
            _ => json.Insert(at, json.Substring(at, Math.Min(json.Length - at, random.Next(1, 12)))),
        };
    }

    private static string DamageTree(string json, Random random)
    {
        var root = JsonNode.Parse(json);
        for (var times = random.Next(1, 3); times > 0; times--)
        {
            var nodes = new List<JsonNode?>();
            Collect(root, nodes);
            var target = nodes[random.Next(nodes.Count)];
            if (target is null || target.Parent is null)
            {
                root = Fresh(random);
                continue;
            }

            switch (target.Parent, random.Next(3))
            {
                case (JsonObject parent, 0):
                    parent.Remove(target.GetPropertyName());
                    break;
                case (JsonObject parent, 1):
                    var name = target.GetPropertyName();
                    parent.Remove(name);
                    parent[random.Next(2) == 0 ? name.ToUpperInvariant() : name + "x"] = target;
                    break;
                case (JsonArray array, 0):
                    array.Remove(target);
                    break;
                case (JsonArray array, 1):
                    array.Add(target.DeepClone());
                    break;
                default:
                    Replace(target, Fresh(random));
                    break;
            }
        }

        return root?.ToJsonString() ?? "null";
    }

    private static JsonNode? Fresh(Random random) => random.Next(6) switch
    {
        0 => new JsonObject { ["unknown"] = 1 },
        1 => new JsonArray(1, "a"),
        _ => Replacements[random.Next(Replacements.Length)]?.DeepClone(),
    };

    private static void Replace(JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[array.IndexOf(target)] = replacement;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode?> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    Collect(child, into);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    Collect(child, into);
                }

                break;
        }
    }

}
