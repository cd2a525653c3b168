using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Json;

/// <summary>
/// A <see cref="FieldValue"/> as <c>{"fieldId":"referral-date","kind":"DATE","value":"2025-03-01"}</c>: the value is a
/// string for <c>TEXT</c> and <c>CHOICE</c>, a number for <c>NUMBER</c>, <c>true</c> or <c>false</c> for
/// <c>BOOLEAN</c>, an ISO 8601 date for <c>DATE</c>. Read through the <c>Of...</c> factories, which validate.
/// </summary>
internal sealed class FieldValueConverter : JsonConverter<FieldValue>
{
    public override FieldValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFailure.ExpectToken(ref reader, JsonTokenType.StartObject, "a field value: {\"fieldId\":...,\"kind\":...,\"value\":...}");
        string? fieldId = null;
        FieldKind? kind = null;
        JsonElement? value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "fieldId":
                    fieldId = JsonFailure.ReadString(ref reader, "the id of the field");
                    break;
                case "kind":
                    kind = JsonValues.Read<FieldKind>(ref reader, options);
                    break;
                case "value":
                    value = JsonElement.ParseValue(ref reader);
                    break;
                default:
                    throw JsonFailure.Because($"A field value has no '{name}': it is {{\"fieldId\":...,\"kind\":...,\"value\":...}}.");
            }
        }

        if (fieldId is null || kind is not { } known || value is not { } given)
        {
            throw JsonFailure.Because("A field value needs its fieldId, kind and value.");
        }

        try
        {
            return known switch
            {
                FieldKind.Text => FieldValue.OfText(fieldId, Text(given, known)),
                FieldKind.Choice => FieldValue.OfChoice(fieldId, Text(given, known)),
                FieldKind.Number => FieldValue.OfNumber(fieldId, given.ValueKind == JsonValueKind.Number && given.TryGetDecimal(out var number) ? number : throw Mismatch(known, "a number within decimal's range")),
                FieldKind.Boolean => FieldValue.OfBoolean(fieldId, given.ValueKind is JsonValueKind.True or JsonValueKind.False ? given.GetBoolean() : throw Mismatch(known, "true or false")),
                _ => FieldValue.OfDate(fieldId, Date(given)),
            };
        }
        catch (Exception exception) when (exception is ArgumentException or SchedulingException)
        {
            // The factories refuse a value as the model's own error; on the wire it is a document that does not read.
            throw JsonFailure.Because($"Not a valid field value: {exception.Message}", exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, FieldValue value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("fieldId", value.FieldId);
        writer.WritePropertyName("kind");
        JsonValues.Write(writer, value.Kind, options);
        writer.WritePropertyName("value");
        switch (value.Kind)
        {
            case FieldKind.Number:
                writer.WriteNumberValue(value.Number!.Value);
                break;
            case FieldKind.Boolean:
                writer.WriteBooleanValue(value.Boolean!.Value);
                break;
            case FieldKind.Date:
                writer.WriteStringValue(NodaTime.Text.LocalDatePattern.Iso.Format(value.Date!.Value));
                break;
            default:
                writer.WriteStringValue(value.Text);
                break;
        }

        writer.WriteEndObject();
    }

    private static string Text(JsonElement value, FieldKind kind) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Mismatch(kind, "a string");

    private static LocalDate Date(JsonElement value)
    {
        var parsed = value.ValueKind == JsonValueKind.String
            ? NodaTime.Text.LocalDatePattern.Iso.Parse(value.GetString()!)
            : throw Mismatch(FieldKind.Date, "an ISO 8601 date (\"2025-03-01\")");
        return parsed.Success ? parsed.Value : throw JsonFailure.Because($"'{value.GetString()}' is not an ISO 8601 date: {parsed.Exception.Message}", parsed.Exception);
    }

    private static JsonException Mismatch(FieldKind kind, string expected) =>
        JsonFailure.Because($"A {WireName.Of(kind.ToString())} field value is {expected}.");
}
