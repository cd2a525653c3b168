using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduling.Json;

/// <summary>
/// Writes every enum of the Scheduling assemblies as its wire name (see <see cref="WireEnumConverter{TEnum}"/>) and
/// reads only those names.
/// </summary>
internal sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum
        && (typeToConvert.Assembly == typeof(WireEnumConverterFactory).Assembly
            || typeToConvert.Assembly == typeof(Recurrence.RecurrenceRule).Assembly);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;
}
